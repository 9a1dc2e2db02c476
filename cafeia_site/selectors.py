"""Reads shared by every section: site-wide search."""
from wagtail.models import Locale, Page

from . import search_text


def search_terms(query: str) -> str:
    """Only words reach the search backend: quotes, brackets and operators are syntax to SQLite's FTS5 (an
    unbalanced `"` raised an error) and mean nothing to a visitor. Diacritics stay with their word: the backend
    brings the words to their normal form (cafeia_site.search_backend)."""
    return " ".join(search_text.words(query))


def search_pages(*, query: str, language_code: str):
    """Live pages of one language matching the query, best first."""
    locale = Locale.objects.filter(language_code=language_code).first()
    pages = Page.objects.live().public().filter(depth__gt=1)
    if locale is not None:
        pages = pages.filter(locale=locale)
    terms = search_terms(query)
    if not terms:
        return pages.none()
    return pages.specific().search(terms)
