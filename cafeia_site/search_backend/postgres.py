"""PostgreSQL: one text-search configuration per language (see cafeia_site.search_backend)."""
import copy
import operator
from collections import defaultdict
from functools import reduce

from django.contrib.postgres.search import SearchVector
from django.utils.translation import get_language
from wagtail.models import Locale, Page
from wagtail.search.backends.database.postgres.postgres import (
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)

from . import NormalisedQueries


class LanguageIndex(PostgresIndex):
    def add_items(self, model, objs):
        objs = list(objs)
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

