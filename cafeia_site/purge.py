"""What to purge when content changes: the paths that show it, in the page cache and in the front cache.

A page published, unpublished, moved or deleted purges the paths that show it: the page itself in every
language (its translations and aliases), its ancestors (the lists it appears in, up to the home page), every
listing page of the site in every language (indexes, countries, agenda, directory, synthesis, search) with
their fixed sub-routes, and the feeds and open data (map, calendars, CSV, API, sitemaps). Other pages stay
cached. Anything else pages show (snippets, settings, images, redirects…) drops everything.

The page cache is purged at once and again when the transaction commits (a reader who rendered the page
between the two cannot leave the old text in it: cafeia_site.page_cache), the front cache on commit. The front cache (Varnish) is purged through
Wagtail's frontend cache backends (`WAGTAILFRONTENDCACHE`): one PURGE request per path and host, which our
VCL turns into a ban of every query string of that path (deploy/varnish/cafeia.vcl).
"""
import logging

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page, Site

from . import chrome, page_cache

logger = logging.getLogger(__name__)

# Page types that list other content: they are purged whatever is published.
LISTING_MODELS = ("home.HomePage", "home.ArticleIndexPage", "home.TestimonyIndexPage", "cafes.CafeIndexPage",
                  "cafes.CountryPage", "cafes.SynthesisPage", "ressources.ResourceIndexPage")
# What every language shows of all content; `{lang}` is each language's code.
LANGUAGE_PATHS = ("/{lang}/recherche/", "/sitemap-{lang}.xml")
FEED_PATHS = ("/data/cafes.geojson", "/data/cafes.ics", "/data/cafes.csv", "/data/synthese.json",
              "/data/synthese.csv", "/sitemap.xml", "/api/v2/pages/")
# The front cache reads a PURGE path as a regular expression: this one matches everything.
EVERYTHING = "/.*"


class _RootPaths:
    """Holds Wagtail's site root paths while the URLs of many pages are computed (one query)."""


def _path(page, holder) -> str | None:
    parts = page.get_url_parts(request=holder)
    return parts[2] if parts else None


def _routes(page) -> list[str]:
    """A routable page's fixed sub-routes (`structures/`, `agenda/`…); routes with parameters are left to expire."""
    specific_class = page.specific_class
    if not hasattr(specific_class, "get_subpage_urls"):
        return []
    fixed = []
    for route in specific_class.get_subpage_urls():
        pattern = str(route.pattern)
        if route.name and "<" not in pattern and "(" not in pattern and pattern.strip("^$"):
            fixed.append(pattern.strip("^$"))
    return fixed


def _with_routes(pages, holder) -> set[str]:
    paths = set()
    for page in pages:
        path = _path(page, holder)
        if path:
            paths.add(path)
            paths.update(path + route for route in _routes(page))
    return paths


def paths_showing(page) -> set[str]:
    """Every path whose response shows `page` (any of its language versions)."""
    holder = _RootPaths()
    versions = list(Page.objects.filter(translation_key=page.translation_key))
    if page.pk not in {v.pk for v in versions}:
        versions.append(page)
    ancestors = Page.objects.none()
    for version in versions:
        ancestors |= Page.objects.ancestor_of(version).filter(depth__gt=1)
    listings = Page.objects.type(*(apps.get_model(label) for label in LISTING_MODELS)).live()
    paths = _with_routes([*versions, *ancestors, *listings], holder)
    languages = [code for code, _name in settings.LANGUAGES]
    paths.update(p.format(lang=lang) for p in LANGUAGE_PATHS for lang in languages)
    paths.update(FEED_PATHS)
    for version in versions:
        paths.update((f"/data/cafes/{version.pk}.ics", f"/api/v2/pages/{version.pk}/"))
    return paths


def _front_purge(paths) -> None:
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    batch = PurgeBatch()
    for site in Site.objects.all():
        batch.add_urls(site.root_url + path for path in paths)
    try:
        batch.purge()
    except Exception:  # the front cache down must not fail an editor's publish; its copies expire on their own
        logger.warning("The front cache could not be purged", exc_info=True)


def _purge_now_and_on_commit(paths: set[str]) -> None:
    def purge():
        page_cache.purge(paths)
        _front_purge(paths)

    # At once for this process's next request; the front cache once the new content is there to fetch.
    page_cache.purge(paths)
    transaction.on_commit(purge)


def page_changed(page) -> None:
    """A page was published, unpublished, moved, or is being deleted."""
    chrome.invalidate()
    if page.show_in_menus and page.depth <= 3:
        # A menu entry changed: every page shows the menu.
        everything_changed()
        return
    _purge_now_and_on_commit(paths_showing(page))


def everything_changed() -> None:
    """Something every page may show changed (settings, snippets, images, the menu)."""
    chrome.invalidate()

    def clear():
        page_cache.clear()
        _front_purge([EVERYTHING])

    page_cache.clear()
    transaction.on_commit(clear)
