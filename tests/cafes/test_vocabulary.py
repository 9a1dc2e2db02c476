"""Tags, themes, audiences, formats and organiser names read in the reader's language wherever they
appear, their translations made in the admin through wagtail-localize, in a fixed number of queries."""
import csv
import datetime as dt
import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from icalendar import Calendar

from cafeia_site.demo import translate
from cafeia_site.models import VocabularyTerm
from cafeia_site.vocabulary import term_labels
from cafes.demo import translate_vocabulary
from cafes.models import CafeReportPage, Organisation, SynthesisPage
from tests.factories import ResourcePageFactory, locale, translate_page

from .factories import country, make_cafe, translated_organisation
from .test_country_page import count_queries

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

LIBRARIES = {"ar": "المكتبات", "en": "libraries"}
EVERYDAY = {"ar": "الذكاء الاصطناعي في الحياة اليومية", "en": "AI in everyday life"}


def term(name: str) -> VocabularyTerm:
    return VocabularyTerm.objects.get(name=name, locale=locale("fr"))


def translate_term(name: str, labels: dict[str, str]) -> None:
    """As an editor does: Vocabulaire → the term → Translate, through wagtail-localize."""
    source = term(name)
    translate(source, {code: {source.label: label} for code, label in labels.items()})


@pytest.fixture
def rabat():
    """An Arabic café under Morocco pointing at the French version of its organiser (as synchronised fields do),
    tagged with two words of which one has Arabic and English labels."""
    university = translated_organisation({"fr": "Université Al Akhawayn", "ar": "جامعة الأخوين", "en": "Al Akhawayn University"})
    cafe = make_cafe(country("MA", "ar"), title="مقهى الذكاء الاصطناعي في الرباط", city="الرباط", region="الرباط سلا القنيطرة",
                     organiser=university, audiences=["etudiants", "jeunes"], tags=["bibliothèques", "sans traduction"])
    translate_term("bibliothèques", LIBRARIES)
    return cafe


def test_every_tag_gets_a_term_in_the_default_language_labelled_by_its_name():
    make_cafe(tags=["IA générative", "Bibliothèques publiques"])
    assert term("IA générative").label == "IA générative"
    assert term("Bibliothèques publiques").label == "Bibliothèques publiques"
    assert not VocabularyTerm.objects.filter(name="IA générative").exclude(locale=locale("fr")).exists()


def test_the_labels_a_page_needs_come_in_one_query(rabat):
    with CaptureQueriesContext(connection) as ctx:
        labels = term_labels(language="ar", names=["bibliothèques", "sans traduction", "inconnu"])
    assert len(ctx.captured_queries) == 1
    assert labels["bibliothèques"] == "المكتبات"
    assert labels["Bibliothèques"] == "المكتبات"  # tags are case-insensitive; the synthesis reads them lowered
    assert labels["sans traduction"] == "sans traduction"  # no Arabic label: the default language's
    assert labels["inconnu"] == "inconnu"


def test_cafe_page_shows_tags_in_the_readers_language_and_filters_on_the_name(client, rabat):
    ar = client.get(rabat.url).content.decode()
    assert "<bdi>المكتبات</bdi>" in ar
    assert "?when=all&amp;tag=biblioth%C3%A8ques" in ar
    assert "sans traduction" in ar
    en = client.get(translate_page(rabat, "en", title="AI café in Rabat").url).content.decode()
    assert "<bdi>libraries</bdi>" in en
    # The filter still finds the café by the tag's own name.
    listing = client.get("/ar/cafes/?when=all&tag=biblioth%C3%A8ques").content.decode()
    assert rabat.title in listing


def test_french_pages_keep_the_french_words(client, rabat):
    cafe = make_cafe(title="Café IA à Blois", tags=["bibliothèques"], organiser=rabat.organiser)
    html = client.get(cafe.url).content.decode()
    assert "<bdi>bibliothèques</bdi>" in html and "المكتبات" not in html
    assert "Université Al Akhawayn" in html and "جامعة الأخوين" not in html


def test_cards_and_cafe_page_name_the_organiser_in_the_readers_language(client, rabat):
    listing = client.get("/ar/cafes/maroc/").content.decode()
    card = listing[listing.index(rabat.title):]
    card = card[:card.index("</li>")]
    assert "<bdi>جامعة الأخوين</bdi>" in card and "Université Al Akhawayn" not in card
    page = client.get(rabat.url).content.decode()
    assert "<bdi>جامعة الأخوين</bdi>" in page and "Université Al Akhawayn" not in page


def test_audiences_are_translated_on_cards_and_pages(client, rabat):
    listing = client.get("/ar/cafes/maroc/").content.decode()
    assert "Étudiants" not in listing and "Jeunes" not in listing
    page = client.get(rabat.url).content.decode()
    assert "Étudiants" not in page and "Jeunes" not in page


def test_report_page_shows_themes_audiences_and_format_in_arabic_with_the_arabic_comma(client, module_site_tree, rabat):
    fmt = ResourcePageFactory(parent=module_site_tree.resources["fr"], kind="format", title="Le jeu des cartes IA")
    translate_page(fmt, "ar", title="لعبة بطاقات الذكاء الاصطناعي")
    report = CafeReportPage(title="حصيلة مقهى الرباط", slug="cr-rabat", date=dt.date(2025, 3, 4), participants=20, format=fmt)
    report.audiences = list(rabat.audiences.all())
    report.themes.set(["IA au quotidien", "bibliothèques"])
    rabat.add_child(instance=report)
    translate_term("IA au quotidien", EVERYDAY)
    html = client.get(report.url).content.decode()
    assert f"<bdi>{EVERYDAY['ar']}</bdi>، <bdi>المكتبات</bdi>" in html
    assert "IA au quotidien" not in html
    assert "</bdi>، <bdi>" in html.split("report__facts")[1].split("</ul>")[0]
    assert "<bdi>لعبة بطاقات الذكاء الاصطناعي</bdi>" in html and "Le jeu des cartes IA" not in html
    with translation.override("ar"):
        audiences = "، ".join(f"<bdi>{a.label}</bdi>" for a in rabat.audiences.all())
    assert audiences in html and "Étudiants" not in html
    # The same words on a French report stay French, with the French comma.
    blois = make_cafe(title="Café IA à Blois")
    french = CafeReportPage(title="CR Blois", slug="cr-blois-vocab", date=dt.date(2025, 3, 4), format=fmt)
    french.themes.set(["IA au quotidien", "bibliothèques"])
    blois.add_child(instance=french)
    html = client.get(french.url).content.decode()
    assert "<bdi>IA au quotidien</bdi>, <bdi>bibliothèques</bdi>" in html
    assert "<bdi>Le jeu des cartes IA</bdi>" in html


def test_a_format_with_no_live_version_in_the_language_shows_the_french_one(client, module_site_tree, rabat):
    fmt = ResourcePageFactory(parent=module_site_tree.resources["fr"], kind="format", title="Le débat mouvant")
    draft = translate_page(fmt, "ar", title="النقاش المتحرك")
    draft.live = False
    draft.save()
    rabat.format = fmt
    rabat.save()
    html = client.get(rabat.url).content.decode()
    assert "<bdi>Le débat mouvant</bdi>" in html and "النقاش المتحرك" not in html


def test_synthesis_shows_theme_labels_and_format_titles_in_arabic(client, module_site_tree, rabat):
    fmt = ResourcePageFactory(parent=module_site_tree.resources["fr"], kind="format", title="Le jeu des cartes IA")
    translate_page(fmt, "ar", title="لعبة بطاقات الذكاء الاصطناعي")
    past = make_cafe(country("MA"), days=-400, title="Café IA à Fès")
    report = CafeReportPage(title="CR Fès", slug="cr-fes", date=past.start.date(), participants=12, format=fmt)
    report.themes.set(["bibliothèques"])
    past.add_child(instance=report)
    maroc = country("MA", "ar")
    synthesis = SynthesisPage(title="حصيلة", slug="synthese-vocab", year=past.start.year, country_code="MA")
    maroc.add_child(instance=synthesis)
    html = client.get(synthesis.url).content.decode()
    assert "المكتبات" in html and ">bibliothèques<" not in html
    assert "<bdi>لعبة بطاقات الذكاء الاصطناعي</bdi>" in html


def test_feeds_name_the_organiser_in_the_feeds_language(client, rabat):
    geojson = json.loads(client.get("/data/cafes.geojson?lang=ar&country=MA").content)
    names = {f["properties"]["organiser"] for f in geojson["features"] if f["id"] == rabat.pk}
    assert names == {"جامعة الأخوين"}
    rows = list(csv.DictReader(io.StringIO(client.get("/data/cafes.csv?lang=ar&country=MA").content.decode("utf-8-sig"))))
    assert [r["organiser"] for r in rows if r["id"] == str(rabat.pk)] == ["جامعة الأخوين"]
    cal = Calendar.from_ical(client.get("/data/cafes.ics?lang=ar&country=MA").content)
    organisers = [str(e["organizer"].params["CN"]) for e in cal.walk("VEVENT") if str(e["summary"]) == rabat.title]
    assert organisers == ["جامعة الأخوين"]
    french = json.loads(client.get("/data/cafes.geojson?lang=fr").content)
    assert "جامعة الأخوين" not in json.dumps(french, ensure_ascii=False)


def add_cafes(n: int, org: Organisation) -> None:
    for i in range(n):
        make_cafe(country("MA", "ar"), title=f"مقهى {i}", organiser=org, audiences=["jeunes"], tags=[f"وسم {i}", "bibliothèques"])


@pytest.mark.parametrize("url", ["/ar/cafes/", "/ar/cafes/maroc/", "/data/cafes.geojson?lang=ar", "/data/cafes.csv?lang=ar",
                                 "/data/cafes.ics?lang=ar"])
def test_translated_names_cost_the_same_queries_for_3_or_12_cafes(client, rabat, url, django_assert_max_num_queries):
    add_cafes(2, rabat.organiser)  # 3 with Rabat's
    before = count_queries(client, url)
    add_cafes(9, rabat.organiser)  # 12
    assert count_queries(client, url) == before
    with django_assert_max_num_queries(31):  # 30, and the cafés' changed dates (one query for all)
        client.get(url)


def test_cafe_page_queries_do_not_grow_with_tags(client, rabat, django_assert_max_num_queries):
    before = count_queries(client, rabat.url)
    rabat.tags.add(*[f"mot {i}" for i in range(10)])
    rabat.save()
    assert count_queries(client, rabat.url) == before
    with django_assert_max_num_queries(27):  # 25, its accessibility features and its changed dates
        client.get(rabat.url)


def test_editors_find_the_vocabulary_and_translate_it_in_the_admin(client, rabat):
    editor = get_user_model().objects.create_user("editeur-vocabulaire", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)
    listing = client.get("/admin/snippets/cafeia_site/vocabularyterm/")
    assert listing.status_code == 200
    assert "bibliothèques" in listing.content.decode()
    assert "bibliothèques" in client.get("/admin/snippets/cafeia_site/vocabularyterm/?q=biblio").content.decode()
    source = term("sans traduction")
    submit = client.get(f"/admin/localize/submit/snippet/cafeia_site/vocabularyterm/{source.pk}/")
    assert submit.status_code == 200


def test_the_tag_filter_also_takes_a_label_typed_in_arabic(client, rabat):
    listing = client.get("/ar/cafes/?when=all&tag=المكتبات").content.decode()
    assert rabat.title in listing
    assert rabat.title not in client.get("/ar/cafes/?when=all&tag=مكتبة").content.decode()


def test_the_demo_gives_its_tags_and_themes_arabic_and_english_labels():
    make_cafe(tags=["IA au quotidien", "travail"])
    translate_vocabulary(locale("fr"))  # the demo's step, without the 40-s demo
    assert term_labels(language="ar")["IA au quotidien"] == "الذكاء الاصطناعي في الحياة اليومية"
    assert term_labels(language="en")["travail"] == "work"
    assert term_labels(language="fr")["travail"] == "travail"
