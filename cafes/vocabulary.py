"""Organisations as readers of one language name them: on cards, café pages and in the feeds, a café
points at whichever version of its organiser it was saved with; readers see the version in their language."""
from __future__ import annotations

from cafeia_site.localisation import best_translations

# The page models import the template tags that use this module: bind the models package (a cycle).
from . import models


class OrganiserNames:
    """Each organisation's name in one language (else the default language's), found from any of its
    versions: the version itself, or the name a feed row carries."""

    def __init__(self, versions: list, *, language: str):
        chosen = {org.translation_key: org.name for org in best_translations(versions, language=language)}
        self._by_key = chosen
        self._by_name = {org.name: chosen[org.translation_key] for org in versions}

    def of(self, organisation) -> str:
        return self._by_key.get(organisation.translation_key, organisation.name)

    def for_name(self, name: str) -> str:
        return self._by_name.get(name, name)


def organiser_in_language(organiser_id: int | None, *, language: str):
    """The version in `language` (else the default language's, else its own) of the organisation
    `organiser_id`, or None; one query."""
    if organiser_id is None:
        return None
    keys = models.Organisation.objects.filter(pk=organiser_id).values("translation_key")
    versions = list(models.Organisation.objects.filter(translation_key__in=keys).select_related("locale"))
    return next(iter(best_translations(versions, language=language)), None)


def organiser_names(*, language: str) -> OrganiserNames:
    """The whole directory's names, one query (a few hundred short rows, whatever the number of cafés)."""
    versions = list(models.Organisation.objects.select_related("locale").only("name", "translation_key", "locale__language_code"))
    return OrganiserNames(versions, language=language)
