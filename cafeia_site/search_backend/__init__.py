"""The site's search backend: Wagtail's database backend, with a PostgreSQL text-search configuration per language.

Wagtail 7.4 (modelsearch 1.3) takes one `SEARCH_CONFIG` for the whole index and every query, and `.search()` has no
`config` argument. On PostgreSQL this backend uses `SEARCH_CONFIGS` (language code → configuration):

- at index time, each object's text is analysed with the configuration of the language it is written in: its
  locale's, or for an alias (which holds its source page's text) its source page's locale's; an object without a
  locale takes `SEARCH_CONFIG`;
- at query time, the query is analysed with each language's configuration and the results joined (OR), the reader's
  language first. A page indexed with configuration C is found when the query analysed with C matches it, so every
  page is compared with the configuration its own text was indexed with: an Arabic reader finds the French text of
  an alias with French stemming, and the admin, which searches every language at once, finds them all.

On SQLite, Wagtail's FTS5 backend (no stemming); on other databases, Wagtail's own database backend.

On PostgreSQL and SQLite, the words of every query (search and autocomplete) are brought to the normal form of
cafeia_site.search_text, which the index also holds (cafeia_site.models.NormalFormsIndexed): Arabic spellings
meet in the site's search, its listings and the admin alike. A word typed in part keeps its article until the
rest is two letters long (`الر` stays, `الرب` becomes `رب`), and its beginning matches the written or the normal
form of the indexed word either way.
"""
import copy

from django.db import connection
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.query import Phrase, PlainText

from ..search_text import normalise


class NormalisedQueries:
    """A search backend whose queries compare the normal forms of words (cafeia_site.search_text)."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        return super().search(_normal(query), model_or_queryset, *args, **kwargs)

    def autocomplete(self, query, model_or_queryset, *args, **kwargs):
        return super().autocomplete(_normal(query), model_or_queryset, *args, **kwargs)


def _normal(query):
    """A query string, or the words of the admin's parsed query (PlainText, Phrase), in normal form."""
    if isinstance(query, str):
        return normalise(query).strip()
    if isinstance(query, PlainText | Phrase):
        query = copy.copy(query)
        query.query_string = normalise(query.query_string).strip()
    return query


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    # Each database's module is imported only on its own database: their index models exist only there.
    if connection.vendor == "postgresql":
        from .postgres import LanguagePostgresSearchBackend

        return LanguagePostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import NormalisedSQLiteSearchBackend, SQLiteSearchBackend

        if isinstance(backend, SQLiteSearchBackend):  # FTS5 is there (else Wagtail's fallback, as it is)
            return NormalisedSQLiteSearchBackend(params)
    return backend
