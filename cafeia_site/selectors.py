"""Reads shared by every section: site-wide search."""
from wagtail.models import Locale, Page


def search_pages(*, query: str, language_code: str):
    """Live pages of one language matching the query, best first."""
    locale = Locale.objects.filter(language_code=language_code).first()
    pages = Page.objects.live().public().filter(depth__gt=1)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.specific().search(query)
