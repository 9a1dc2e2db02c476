"""The directory counts each café once, whatever its languages: the same number in fr, ar and en,
before and after the untranslated cafés get their aliases, and as many as the organisation's page lists."""
import re

import pytest

from cafes import selectors
from tests.factories import locale, translate_page

from .factories import country, make_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

LANGUAGES = ("fr", "ar", "en")


def translated_organisation(slug: str, ar_name: str):
    org = organisation(name="Université Al Akhawayn", slug=slug)
    arabic = org.copy_for_translation(locale("ar"))
    arabic.name = ar_name
    arabic.save()
    return org, arabic


@pytest.fixture
def akhawayn():
    """An organisation translated into Arabic (not English), with four live cafés:
    one translated into Arabic (its translation pointing at the Arabic organisation), one translated
    into Arabic and English, two in French only (one pointing at the Arabic organisation); plus an
    unpublished café and a café of another organisation, neither of which counts."""
    org, arabic = translated_organisation("akhawayn-essai", "جامعة الأخوين")
    translated = make_cafe(country("MA"), title="Café IA à Ifrane", organiser=org)
    translate_page(translated, "ar", title="مقهى الذكاء الاصطناعي في إفران", organiser=arabic)
    everywhere = make_cafe(country("MA"), title="Café IA à Rabat", organiser=org)
    translate_page(everywhere, "ar", title="مقهى الذكاء الاصطناعي في الرباط")
    translate_page(everywhere, "en", title="AI café in Rabat")
    french = [make_cafe(country("MA"), title="Café IA à Tanger", organiser=org, days=-30),
              make_cafe(country("FR"), title="Café IA à Blois", organiser=arabic)]
    draft = make_cafe(country("MA"), title="Café IA en préparation", organiser=org)
    draft.unpublish()
    make_cafe(country("MA"), title="Café IA d'une autre structure", organiser=organisation(slug="autre-essai"))
    return {"org": org, "arabic": arabic, "french_only": french}


def directory_count(client, code: str, name: str) -> int:
    html = client.get(f"/{code}/cafes/structures/").content.decode()
    card = re.search(rf">{re.escape(name)}</a></h2>\s*<p>(.*?)</p>", html, re.S)
    assert card, (code, name)
    return int(re.findall(r"\d+", card.group(1))[-1])


def listed_cafes(client, code: str) -> list[str]:
    html = client.get(f"/{code}/cafes/structures/akhawayn-essai/").content.decode()
    return re.findall(r'<h3><a href="[^"]+"[^>]*>([^<]+)</a>', html)


NAMES = {"fr": "Université Al Akhawayn", "ar": "جامعة الأخوين", "en": "Université Al Akhawayn"}


def assert_four_everywhere(client):
    for code in LANGUAGES:
        assert directory_count(client, code, NAMES[code]) == 4, code
        cafes = listed_cafes(client, code)
        assert len(cafes) == 4, (code, cafes)
        assert "Café IA en préparation" not in cafes and "Café IA d&#x27;une autre structure" not in cafes
    assert "مقهى الذكاء الاصطناعي في إفران" in listed_cafes(client, "ar")  # its translation where there is one
    assert "AI café in Rabat" in listed_cafes(client, "en")


def test_counts_are_the_same_in_every_language_and_match_the_organisation_page(client, akhawayn):
    assert_four_everywhere(client)
    # Before its alias exists, a French-only café shows on the Arabic page in French, marked as such.
    html = client.get("/ar/cafes/structures/akhawayn-essai/").content.decode()
    assert re.search(r'lang="fr" dir="ltr">Café IA à Tanger</a>', html)


def test_counts_stay_the_same_once_every_cafe_has_an_alias_in_every_language(client, akhawayn):
    for cafe in akhawayn["french_only"]:
        for code in ("ar", "en"):
            cafe.copy_for_translation(locale(code), alias=True)
    ifrane = akhawayn["org"].cafes.get(title="Café IA à Ifrane")
    ifrane.copy_for_translation(locale("en"), alias=True)
    assert_four_everywhere(client)
    # Now every language's tree holds each café: the page shows the reader's own version.
    html = client.get("/ar/cafes/structures/akhawayn-essai/").content.decode()
    assert "/fr/cafes/" not in html.split("<main", 1)[-1].split("</main>", 1)[0]


def test_selector_gives_one_entry_per_organisation_in_the_readers_language(akhawayn):
    for code in LANGUAGES:
        entries = [o for o in selectors.organisations_listed(locale=code) if o.slug == "akhawayn-essai"]
        assert len(entries) == 1 and entries[0].n == 4
        assert entries[0].name == NAMES[code]


def test_directory_query_count_does_not_grow_with_cafes(client, django_assert_max_num_queries):
    org, _arabic = translated_organisation("akhawayn-essai", "جامعة الأخوين")

    def add(n):
        for i in range(n):
            cafe = make_cafe(country("MA"), organiser=org)
            if i % 2:
                translate_page(cafe, "ar")

    def queries(url):
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    urls = ("/fr/cafes/structures/", "/ar/cafes/structures/", "/ar/cafes/structures/akhawayn-essai/")
    add(3)
    before = {url: queries(url) for url in urls}
    add(9)  # 12 cafés
    after = {url: queries(url) for url in urls}
    assert after == before
    for url in urls:
        with django_assert_max_num_queries(21):  # 20, and the cafés' changed dates (one query for all)
            client.get(url)
