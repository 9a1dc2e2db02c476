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

On PostgreSQL and SQLite, the words of every `.search()` query are brought to the normal form of
cafeia_site.search_text, which the index also holds (NormalFormsIndexed): Arabic spellings meet, for the site's
search, its listings and the admin alike. Not autocomplete's: it matches the beginnings of words as they are written.
"""
import copy
import operator
from collections import defaultdict
from functools import reduce

from django.contrib.postgres.search import SearchVector
from django.db import connection
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.search.backends.database import SearchBackend as DatabaseSearchBackend
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

from .search_text import normalise


class NormalisedQueries:
    """A search backend whose `.search()` compares the normal forms of words (cafeia_site.search_text)."""

    def search(self, query, model_or_queryset, *args, **kwargs):
        if isinstance(query, str):
            query = normalise(query).strip()
        return super().search(query, model_or_queryset, *args, **kwargs)


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        backend = self.backend
        by_config = defaultdict(list)
        for obj, language in zip(objs, _text_languages(objs), strict=True):
            by_config[backend.config_for(language)].append(obj)
        try:
            for config, group in by_config.items():
                # ObjectIndexer reads the configuration from the backend it is given.
                self.backend = copy.copy(backend)
                self.backend.config = config
                super().add_items(model, group)
        finally:
            self.backend = backend


def _text_languages(objs) -> list[str | None]:
    """The language each object's text is written in (two queries for the batch, none without locales)."""
    objs = list(objs)
    if not any(getattr(obj, "locale_id", None) for obj in objs):
        return [None] * len(objs)
    sources = {obj.alias_of_id for obj in objs if getattr(obj, "alias_of_id", None)}
    source_locale = dict(Page.objects.filter(pk__in=sources).values_list("pk", "locale_id")) if sources else {}
    codes = dict(Locale.objects.values_list("pk", "language_code"))
    languages = []
    for obj in objs:
        alias_of = getattr(obj, "alias_of_id", None)
        locale_id = source_locale.get(alias_of) if alias_of else getattr(obj, "locale_id", None)
        languages.append(codes.get(locale_id))
    return languages


class LanguageQueryCompiler(PostgresSearchQueryCompiler):
    def get_config(self, backend):
        configs = backend.query_configs(get_language())
        self.reader_config = configs[0]
        return configs

    def build_tsquery(self, query, config=None):
        if not isinstance(config, tuple):
            return super().build_tsquery(query, config=config)
        queries = [super(LanguageQueryCompiler, self).build_tsquery(query, config=one) for one in config]
        queries = [one for one in queries if one is not None]
        return reduce(operator.or_, queries) if queries else None

    def get_fields_vectors(self, search_query):
        # `.search(fields=[…])` analyses the model's fields at query time: with the reader's configuration.
        return [
            (SearchVector(field_lookup, config=self.reader_config), search_field.boost)
            for field_lookup, search_field in self.search_fields.items()
        ]


class NormalisedSQLiteSearchBackend(NormalisedQueries, SQLiteSearchBackend):
    pass


class LanguagePostgresSearchBackend(NormalisedQueries, PostgresSearchBackend):
    query_compiler_class = LanguageQueryCompiler
    index_class = LanguageIndex

    def __init__(self, params):
        super().__init__(params)
        self.configs = dict(params.get("SEARCH_CONFIGS", {}))

    def config_for(self, language: str | None) -> str:
        if language in self.configs:
            return self.configs[language]
        return self.configs.get((language or "").split("-")[0], self.config)

    def query_configs(self, language: str | None) -> tuple[str, ...]:
        """Every configuration the index holds text in, the reader's language's first."""
        ordered = [self.config_for(language), self.config, *self.configs.values()]
        return tuple(dict.fromkeys(ordered))


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up in a backend module)
    if connection.vendor == "postgresql":
        return LanguagePostgresSearchBackend(params)
    backend = DatabaseSearchBackend(params)
    if isinstance(backend, SQLiteSearchBackend):  # FTS5 is there (Python's SQLite has it)
        return NormalisedSQLiteSearchBackend(params)
    return backend
