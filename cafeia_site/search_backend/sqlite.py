"""SQLite: Wagtail's FTS5 backend, its queries in normal form (see cafeia_site.search_backend)."""
from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

from . import NormalisedQueries


class NormalisedSQLiteSearchBackend(NormalisedQueries, SQLiteSearchBackend):
    pass
