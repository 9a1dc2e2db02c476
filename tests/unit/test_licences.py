"""Resource licences without a database: lookup with its fallback, and the attribution line owed."""
from types import SimpleNamespace

import pytest
from django.utils import translation

from ressources.licences import DEFAULT_LICENCE, LICENCE_CHOICES, LICENCES, attribution, get_licence


def _resource(**fields):
    values = {"title": "Le jeu des IA", "authors": "", "organisation": "", "source_url": "", "licence": DEFAULT_LICENCE}
    return SimpleNamespace(**{**values, **fields})


def test_every_licence_is_offered_and_an_unknown_code_falls_back_to_the_default():
    assert [code for code, _label in LICENCE_CHOICES] == list(LICENCES)
    assert get_licence("cc-by-4.0").badge == "CC BY 4.0"
    assert get_licence("gpl-9") is get_licence("") is LICENCES[DEFAULT_LICENCE]


def test_a_creative_commons_attribution_names_title_makers_source_and_deed():
    with translation.override("fr"):
        line = attribution(_resource(authors=" Awa ", organisation="Médiathèque", source_url="https://ex.org/jeu",
                                     licence="cc-by-sa-4.0"), url="https://cafeia.example/fr/ressources/jeu/")
    assert line == ("« Le jeu des IA » — Awa, Médiathèque — https://ex.org/jeu — sous licence CC BY-SA 4.0 "
                    "(https://creativecommons.org/licenses/by-sa/4.0/)")


def test_without_a_source_the_sites_page_is_cited_and_empty_makers_are_left_out():
    line = attribution(_resource(), url="https://cafeia.example/fr/ressources/jeu/")
    assert line.split(" — ")[:2] == ["« Le jeu des IA »", "https://cafeia.example/fr/ressources/jeu/"]


@pytest.mark.parametrize(("code", "ending"), [("permission", "tous droits réservés, reproduit avec permission"),
                                              ("author-terms", "selon les conditions de l'auteur")])
def test_licences_without_a_deed_say_what_applies(code, ending):
    with translation.override("fr"):
        assert attribution(_resource(licence=code)) == f"« Le jeu des IA » — {ending}"


def test_the_attribution_is_in_the_readers_language():
    with translation.override("en"):
        line = attribution(_resource(licence="cc0"))
    assert "CC0 1.0" in line and "sous licence" not in line
