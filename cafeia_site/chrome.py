"""The header and footer every public page shows, read in one go and cached."""
from dataclasses import dataclass, field

from django.core.cache import cache
from django.utils.translation import get_language
from wagtail.models import Page, Site

from .counters import increment, value
from .localisation import best_translation
from .models import FooterContent, SiteSettings

CHROME_CACHE_SECONDS = 60 * 60
_VERSION_KEY = "chrome:version"


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    path: str


@dataclass(frozen=True)
class Chrome:
    menu: list[MenuItem] = field(default_factory=list)
    home_url: str = "/"
    contact_email: str = ""
    postal_address: str = ""
    social_links: list[tuple[str, str]] = field(default_factory=list)


def invalidate() -> None:
    """Called when a page is published, moved or unpublished, or settings or footer text change."""
    increment(_VERSION_KEY, start=1)


def _build(request, site: Site | None, language: str) -> Chrome:
    if site is None:
        return Chrome()
    home = best_translation(site.root_page, language=language)
    menu = [
        MenuItem(title=p.title, url=p.get_url(request) or "", path=p.url_path)
        for p in Page.objects.child_of(home).live().in_menu().order_by("path")
    ]
    settings = SiteSettings.for_site(site)
    # The footer's human text in this language (or the default language's, untranslated).
    footer = FooterContent.for_language(settings.footer_id, language)
    links = [(b.value["label"], b.value["url"]) for b in footer.social_links] if footer else []
    return Chrome(
        menu=menu,
        home_url=home.get_url(request) or "/",
        contact_email=settings.contact_email,
        postal_address=footer.postal_address if footer else "",
        social_links=links,
    )


def chrome_for(request) -> Chrome:
    site = Site.find_for_request(request)
    language = get_language() or "fr"
    version = value(_VERSION_KEY, 1)
    key = f"chrome:{version}:{site.pk if site else 0}:{language}:{request.get_host()}"
    return cache.get_or_set(key, lambda: _build(request, site, language), CHROME_CACHE_SECONDS)
