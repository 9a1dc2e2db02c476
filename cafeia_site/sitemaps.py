"""One sitemap per language (/sitemap-fr.xml, -ar, -en) behind a sitemap index at /sitemap.xml.

Wagtail's own sitemap lists the default site's root and its descendants only, i.e. the French tree.
Aliases (a page not translated yet, shown in its original's language) are left out: their canonical is the original.
"""
from django.conf import settings
from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class LanguageSitemap(Sitemap):
    def __init__(self, request, language_code: str):
        super().__init__(request)
        self.language_code = language_code

    def items(self):
        locale = Locale.objects.filter(language_code=self.language_code).first()
        root = self.get_wagtail_site().root_page
        localized = root.get_translation_or_none(locale) if locale else None
        if localized is None:
            return Page.objects.none()
        # An alias shows its original's text and names it as canonical: the original is listed, not the alias.
        pages = localized.get_descendants(inclusive=True).live().public().filter(alias_of__isnull=True)
        return pages.order_by("path").defer_streamfields().specific()


def _sitemaps(request) -> dict[str, LanguageSitemap]:
    return {code: LanguageSitemap(request, code) for code, _name in settings.LANGUAGES}


def sitemap_index(request):
    return sitemap_views.index(request, _sitemaps(request), sitemap_url_name="sitemap_language")


def sitemap_language(request, section: str):
    sitemaps = _sitemaps(request)
    if section not in sitemaps:
        raise Http404
    return sitemap_views.sitemap(request, {section: sitemaps[section]}, section=section)
