"""Keeps the cached header and footer in step with the page tree and the settings."""
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from . import chrome
from .models import FooterContent, SiteSettings


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def _page_changed(sender, **kwargs):
    chrome.invalidate()


@receiver(post_save, sender=SiteSettings)
@receiver(post_delete, sender=SiteSettings)
def _settings_changed(sender, **kwargs):
    chrome.invalidate()


@receiver(post_save, sender=FooterContent)
@receiver(post_delete, sender=FooterContent)
def _footer_changed(sender, **kwargs):
    # Any language's footer text, including a translation saved by wagtail-localize.
    chrome.invalidate()
