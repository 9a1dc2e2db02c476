"""Site search in each language, through the real view: words found whichever way they are written.

Arabic spellings (article, alef and ya variants, tatweel, diacritics) are brought together by the site itself
(cafeia_site.search_text) and match on every database. Stemming (plural ↔ singular) is PostgreSQL's, with the
reader's and the text's language configuration (cafeia_site.search_backend): SQLite's FTS5 has none.
"""
import io

import pytest
from django.core.management import call_command
from django.db import connection
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cafes.models import Organisation
from tests.cafes.factories import make_cafe
from tests.factories import ArticlePageFactory, OrganisationFactory, locale

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming is PostgreSQL's text search; SQLite's FTS5 has none"
)


@pytest.fixture(scope="module")
def pages(module_site_tree, django_db_blocker):
    tree = module_site_tree
    with django_db_blocker.unblock():
        found = {
            "fr": make_cafe(tree.countries["FR"]["fr"], title="Café des bibliothèques",
                            summary="Parler d'intelligence artificielle entre lecteurs des bibliothèques."),
            "students": make_cafe(tree.countries["MA"]["ar"], title="مقهى الطلبة",
                                  summary="لقاء في الرِّباط حول الذكاء الاصطناعي مع الطلبة."),
            "rabat": make_cafe(tree.countries["MA"]["ar"], title="مقهى طلبة المدرسة",
                               summary="لقاء في رباط الفتح، قرب مستشفى المدينة، مع أساتذة إفران."),
            "mixed": make_cafe(tree.countries["MA"]["ar"], title="café الرباط", summary="مقهى في الـرباط."),
            "en": ArticlePageFactory(parent=tree.lettre["en"], title="Libraries and AI",
                                     chapeau="What public libraries do with artificial intelligence."),
        }
        # As the lead's aliases do: the French café in the Arabic tree, holding its French text.
        found["alias"] = found["fr"].create_alias(
            parent=tree.countries["FR"]["ar"], update_locale=locale("ar"), reset_translation_key=False)
    return found


def urls_found(client, language, query):
    response = client.get(f"/{language}/recherche/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_french_accents_do_not_matter(client, pages):
    for query in ("bibliothèques", "bibliotheques", "BIBLIOTHÈQUES", "intélligence", "lécteurs"):
        assert pages["fr"].url in urls_found(client, "fr", query), query
    cafe = make_cafe(pages["fr"].get_parent().specific, title="Café à la médiathèque d'Évry")
    for query in ("mediatheque", "evry", "Médiathèque", "ÉVRY"):
        assert cafe.url in urls_found(client, "fr", query), query


@postgres_only
def test_french_singular_finds_the_plural(client, pages):
    html = urls_found(client, "fr", "bibliothèque")
    assert pages["fr"].url in html
    assert "1 résultat" in html


def test_english_case_does_not_matter(client, pages):
    assert pages["en"].url in urls_found(client, "en", "LIBRARIES")


@postgres_only
def test_english_singular_finds_the_plural(client, pages):
    assert pages["en"].url in urls_found(client, "en", "library")


@pytest.mark.parametrize("query", ["طلبة", "الطلبة", "الطَّلَبَة", "والطلبة", "طلبه"])
def test_arabic_students_with_and_without_article_and_diacritics(client, pages, query):
    html = urls_found(client, "ar", query)
    assert pages["students"].url in html
    assert pages["rabat"].url in html


@pytest.mark.parametrize("query", ["رباط", "الرباط", "الرِّباط", "الـرباط", "بالرباط"])
def test_arabic_rabat_in_every_spelling(client, pages, query):
    html = urls_found(client, "ar", query)
    for name in ("students", "rabat", "mixed"):
        assert pages[name].url in html, name


@pytest.mark.parametrize(("query", "name"), [("افران", "rabat"), ("أفران", "rabat"), ("مستشفي", "rabat"),
                                             ("المستشفى", "rabat")])
def test_arabic_alef_and_ya_variants(client, pages, query, name):
    assert pages[name].url in urls_found(client, "ar", query)


def test_a_word_absent_from_the_arabic_pages_finds_none_of_them(client, pages):
    html = urls_found(client, "ar", "مكتبة")
    assert pages["students"].url not in html
    assert pages["rabat"].url not in html


def test_mixed_script_query(client, pages):
    html = urls_found(client, "ar", "café الرِّباط")
    assert pages["mixed"].url in html
    assert pages["students"].url not in html  # both words, not either


def test_arabic_reader_finds_the_french_text_of_an_alias(client, pages):
    html = urls_found(client, "ar", "bibliotheques")
    assert pages["alias"].url in html
    assert pages["fr"].url not in html  # the reader's language only


def test_an_alias_is_found_by_the_new_words_of_its_published_source(client, pages):
    cafe = pages["fr"]
    cafe.summary = "Les médiathèques aussi."
    cafe.save_revision().publish()
    for query in ("mediatheques", "médiathèques"):
        assert pages["alias"].url in urls_found(client, "ar", query), query


@postgres_only
def test_alias_text_is_stemmed_in_its_own_language(client, pages):
    assert pages["alias"].url in urls_found(client, "ar", "bibliothèque")


@postgres_only
def test_each_page_is_indexed_with_the_configuration_of_its_text(pages):
    def title_lexemes(page):
        return str(IndexEntry.objects.get(object_id=str(page.pk)).title)

    assert "'bibliothequ'" in title_lexemes(pages["fr"])  # French stemming
    assert "'bibliothequ'" in title_lexemes(pages["alias"])  # an Arabic alias holds French text
    assert "'طلب'" in title_lexemes(pages["students"])  # PostgreSQL's Arabic stemmer: الطلبة → طلب
    assert "'librari'" in title_lexemes(pages["en"])


def test_other_languages_do_not_see_arabic_pages(client, pages):
    assert pages["students"].url not in urls_found(client, "fr", "الطلبة")


@pytest.mark.parametrize("query", [
    "", "ـ", "\u0650\u0651", '"', "'", "\\", "*", "NEAR(a b)", "a:b", "!", "&|", "') OR 1=1 --", "الطلبة \"",
    "ﻻ", "٢٠٢٦", "\u202eالرباط", "café " * 2048, "الرِّباط" * 1300,
])
def test_hostile_queries_are_answered_calmly(client, pages, query):
    assert client.get("/ar/recherche/", {"q": query}).status_code == 200
    assert client.get("/fr/recherche/", {"q": query}).status_code == 200


def test_an_edited_page_is_found_by_its_new_words(client, pages):
    cafe = pages["rabat"]
    cafe.summary = "لقاء في مدينة إفـران."
    cafe.save()
    assert cafe.url in urls_found(client, "ar", "افران")
    assert cafe.url not in urls_found(client, "ar", "الرباط")


def test_a_rebuilt_index_finds_every_spelling_too(client, pages):
    call_command("update_index", stdout=io.StringIO())
    assert pages["students"].url in urls_found(client, "ar", "طلبة")
    assert pages["alias"].url in urls_found(client, "ar", "bibliotheques")
    assert pages["en"].url in urls_found(client, "en", "Libraries")
    if connection.vendor == "postgresql":  # the alias rebuilt with its French text's configuration
        assert pages["alias"].url in urls_found(client, "ar", "bibliothèque")


def test_organisations_are_found_in_every_spelling_in_the_admin_search():
    organisation = OrganisationFactory(name="جمعية الطلبة بالرِّباط", locale=locale("ar"))
    for query in ("طلبة", "رباط"):
        found = get_search_backend().search(query, Organisation)
        assert organisation in list(found), query


def test_the_admin_page_search_finds_every_spelling_of_a_title(client, pages, django_user_model):
    """The admin searches titles by their beginnings (autocomplete): the Maroc team types Arabic its own way."""
    client.force_login(django_user_model.objects.create_superuser("s17-admin", "s17@example.org", "x"))
    for query, name in (("طلبة", "students"), ("الطَّلبة", "students"), ("الرِّباط", "mixed"), ("رباط", "mixed"),
                        ("الرب", "mixed")):
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        assert f"/admin/pages/{pages[name].pk}/edit/" in response.content.decode(), query
