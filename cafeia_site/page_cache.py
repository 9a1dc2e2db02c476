"""The page cache for anonymous readers (wagtail-cache), and when it is emptied.

A page is served from the cache only to a visitor without a Django cookie (no session, no CSRF
token) and only if it set no cookie itself: forms with a CSRF token, the admin and the private
contribution links are never stored. Publishing, unpublishing, moving or deleting a page, and
saving anything else a page shows (snippets, settings, images, documents), empties it whole:
editors' changes are visible at once, and the next reader rebuilds each page.
"""
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from wagtail import hooks
from wagtail.contrib.redirects.models import Redirect
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.documents.models import AbstractDocument
from wagtail.images.models import AbstractImage
from wagtail.models import Locale, Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move
from wagtail.snippets.models import get_snippet_models
from wagtailcache.cache import clear_cache

# Paths that are never cached, whoever asks.
UNCACHED_PREFIXES = ("/admin/", "/django-admin/")
# Besides snippets, what editors change in the admin and pages show.
_SHOWN_BY_PAGES = (Page, AbstractImage, AbstractDocument, BaseSiteSetting, BaseGenericSetting, Redirect, Site, Locale)
# Snippets no public page shows, saved by readers' own actions: their saves must not empty the cache.
NOT_SHOWN_SNIPPETS = {"home.subscriber"}


def clear(**_kwargs) -> None:
    clear_cache()


def _instance_changed(sender, instance, **kwargs) -> None:
    # A page's own save is often a draft: pages count when published, unpublished, moved or deleted.
    if kwargs.get("signal") is post_save and isinstance(instance, Page):
        return
    if isinstance(instance, _SHOWN_BY_PAGES) or (
        sender in get_snippet_models() and sender._meta.label_lower not in NOT_SHOWN_SNIPPETS
    ):
        clear()


def connect() -> None:
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear, dispatch_uid=f"page_cache:{id(signal)}")
    post_save.connect(_instance_changed, dispatch_uid="page_cache:post_save")
    post_delete.connect(_instance_changed, dispatch_uid="page_cache:post_delete")


def _has_django_cookie(request) -> bool:
    return settings.CSRF_COOKIE_NAME in request.COOKIES or settings.SESSION_COOKIE_NAME in request.COOKIES


@hooks.register("is_request_cacheable")
def _request_cacheable(request, is_cacheable: bool) -> bool:
    return is_cacheable and not request.path_info.startswith(UNCACHED_PREFIXES) and not _has_django_cookie(request)


@hooks.register("is_response_cacheable")
def _response_cacheable(response, is_cacheable: bool) -> bool:
    # A 304 answers one client's If-None-Match; a response setting a cookie belongs to one visitor.
    return is_cacheable and response.status_code != 304 and not response.cookies


