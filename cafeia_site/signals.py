"""Keeps what readers get from caches in step with what editors change: the page chrome and the page cache.

Publishing, unpublishing, moving or deleting a page, and saving or deleting anything else pages show
(snippets, settings, images, documents, redirects, sites, locales) drops both. A draft drops nothing,
and neither does a record readers make themselves (a subscriber).
"""
from django.db.models.signals import post_delete, post_save
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models

from . import chrome, page_cache, vocabulary

# Besides snippets, what editors change in the admin and pages show.
_SHOWN_BY_PAGES = (Page, AbstractImage, AbstractDocument, BaseSiteSetting, BaseGenericSetting, Redirect, Site, Locale)


def content_changed(**_kwargs) -> None:
    chrome.invalidate()
    page_cache.clear()


def _instance_changed(sender, instance, **kwargs) -> None:
    # A page's own save is often a draft: pages count when published, unpublished, moved or deleted.
    if kwargs.get("signal") is post_save and isinstance(instance, Page):
        return
    # Snippets are looked up here, not at start-up: Wagtail registers them when it first reads its hooks.
    if isinstance(instance, _SHOWN_BY_PAGES) or sender in get_snippet_models():
        content_changed()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(content_changed, dispatch_uid=f"content_changed:{id(signal)}")
    post_save.connect(_instance_changed, dispatch_uid="content_changed:post_save")
    post_delete.connect(_instance_changed, dispatch_uid="content_changed:post_delete")
    post_save.connect(vocabulary.tag_saved, sender=Tag, dispatch_uid="vocabulary:tag_saved")
