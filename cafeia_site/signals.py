"""Keeps what readers get in step with what editors change: a published page readable in every language
(cafeia_site.localisation.alias_into_every_language), the page chrome, the page cache and the front cache.

Publishing, unpublishing, moving or deleting a page purges the paths that show it (cafeia_site.purge);
saving or deleting anything else pages show (snippets, settings, images, documents, redirects, sites,
locales) drops everything. A draft drops nothing, and neither does a record readers make themselves
(a subscriber).
"""
from django.db.models.signals import post_delete, post_save, pre_delete
from taggit.models import Tag
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move
from wagtail.snippets.models import get_snippet_models

from . import purge, vocabulary
from .localisation import alias_into_every_language, forget_locales

# Besides snippets, what editors change in the admin and pages show.
_SHOWN_BY_PAGES = (AbstractImage, AbstractDocument, BaseSiteSetting, BaseGenericSetting, Redirect, Site, Locale)


def page_changed(instance, **_kwargs) -> None:
    """Published, unpublished, moved (before and after) or about to be deleted."""
    purge.page_changed(instance)


def _page_deleted(sender, instance, **_kwargs) -> None:
    # Before the rows go: the paths are computed from the tree. Once per page (its Page row, not each table of
    # its type); drafts never published showed nothing.
    if sender is Page and instance.first_published_at:
        purge.page_changed(instance)


def _instance_changed(sender, instance, **kwargs) -> None:
    # A page's own save is often a draft: pages count when published, unpublished, moved or deleted (above).
    if isinstance(instance, Page):
        return
    # Snippets are looked up here, not at start-up: Wagtail registers them when it first reads its hooks.
    if isinstance(instance, _SHOWN_BY_PAGES) or sender in get_snippet_models():
        purge.everything_changed()


def _published_everywhere(sender, instance, **_kwargs) -> None:
    alias_into_every_language(instance)


def _aliases_go_with_their_page(sender, instance, **_kwargs) -> None:
    # Wagtail would keep an original's aliases as pages of their own: its text would stay public in the
    # other languages after the page is deleted (a withdrawn contribution, say).
    if isinstance(instance, Page) and not instance.alias_of_id:
        for alias in Page.objects.filter(alias_of_id=instance.pk, translation_key=instance.translation_key):
            alias.delete()


def connect() -> None:
    page_published.connect(_published_everywhere, dispatch_uid="published_everywhere")
    pre_delete.connect(_aliases_go_with_their_page, dispatch_uid="aliases_go_with_their_page")
    pre_delete.connect(_page_deleted, dispatch_uid="page_deleted")
    for signal in (post_save, post_delete):
        signal.connect(forget_locales, sender=Locale, dispatch_uid=f"forget_locales:{id(signal)}")
    for signal in (page_published, page_unpublished, pre_page_move, post_page_move):
        signal.connect(page_changed, dispatch_uid=f"page_changed:{id(signal)}")
    post_save.connect(_instance_changed, dispatch_uid="content_changed:post_save")
    post_delete.connect(_instance_changed, dispatch_uid="content_changed:post_delete")
    post_save.connect(vocabulary.tag_saved, sender=Tag, dispatch_uid="vocabulary:tag_saved")
