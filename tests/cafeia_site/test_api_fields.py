"""The API v2 read back over real HTTP: the fields of cafés, reports and articles, in every language, public
coordinates only, clear answers to bad input, and a listing whose cost does not grow with its length."""
import datetime as dt
import html
import json
import re
import urllib.error
import urllib.request
from decimal import Decimal
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cafes.models import AccessibilityFeature, CafePage
from tests.cafes.factories import make_cafe, make_weekly_cafe
from tests.cafes.test_pages import make_report
from tests.factories import (
    ArticlePageFactory,
    OrganisationFactory,
    ResourcePageFactory,
    StandardPageFactory,
    locale,
    site_tree,
    translate_page,
)
from tests.security.test_bad_input import ODD_VALUES, SQL_PAYLOADS, XSS_PAYLOADS

# A live server reads committed data: each test commits its tree, and the database is emptied afterwards,
# then given back what the migrations made (serialized_rollback) before the next such test.
live = pytest.mark.django_db(transaction=True, serialized_rollback=True)
pytestmark = pytest.mark.usefixtures("migrations_data_back")


PRIVATE_VENUE, PRIVATE_STREET = "Chez Madame Discrète", "12 rue des Volets Clos"
ARABIC_ORGANISER = "جمعية المقاهي الرقمية"
CAFE_FIELDS = ("start,end,time_zone,recurrence,status,mode,venue,street_address,city,region,country,coordinates,"
               "organiser,format,accessibility")


def _get(server, path: str) -> tuple[int, dict]:
    """A GET by a real HTTP client: status and decoded JSON, error answers included."""
    try:
        with urllib.request.urlopen(server.url + path, timeout=20) as response:  # noqa: S310 (the test server)
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def _items(server, path: str) -> dict[int, dict]:
    status, data = _get(server, path)
    assert status == 200, data
    return {item["id"]: item for item in data["items"]}


def _tree():
    """France with a public café (organiser translated into Arabic, a format, step-free) and a private weekly one,
    the first translated into Arabic, the second an English alias; a report; an article about Morocco."""
    tree = site_tree()
    organisation = tree.organisation
    arabic = organisation.copy_for_translation(locale("ar"))
    arabic.name, arabic.slug = ARABIC_ORGANISER, "jamiyat-al-maqahi"
    arabic.save()
    format_page = tree.resource
    tree.cafe.venue_name, tree.cafe.address, tree.cafe.format = "Médiathèque Jean-Macé", "3 place du Marché", format_page
    tree.cafe.accessibility_features.set(AccessibilityFeature.objects.filter(code__in=["plain-pied", "moteur"]))
    tree.cafe.save()
    cafe_ar = translate_page(tree.cafe, "ar", title="مقهى الذكاء الاصطناعي في تستفيل")
    private = make_weekly_cafe(tree.countries["FR"]["fr"], weekday=2, at=dt.time(18, 30), weeks=10,
                               organiser=organisation, venue_name=PRIVATE_VENUE, address=PRIVATE_STREET,
                               approximate_location=True, latitude=Decimal("45.767312"), longitude=Decimal("4.834987"),
                               accessibility=["boucle-magnetique"], mode=CafePage.Mode.HYBRID)
    private_en = private.create_alias(parent=tree.countries["FR"]["en"], update_locale=locale("en"))
    report = make_report(tree.cafe, participants=14, questions=["L'IA va-t-elle remplacer les bibliothécaires ?"],
                         proposals=["Un atelier mensuel sur les images générées."])
    report.themes.set(["emploi", "bibliothèques"])
    report.save()
    tree.article.country = tree.countries["MA"]["fr"]
    tree.article.date = dt.date(2026, 3, 12)
    tree.article.body = json.dumps([
        {"type": "quote", "value": {"text": "On a enfin compris ce qu'est un modèle.", "attribution": "Une participante"}},
        {"type": "text", "value": "<p>Trente personnes, deux heures de questions.</p>"},
    ])
    tree.article.tags.set(["maroc", "lettre"])
    tree.article.save()
    return tree, cafe_ar, private, private_en, report


@live
def test_cafe_fields_read_back_over_http(live_server):
    tree, _cafe_ar, private, _private_en, _report = _tree()
    bare = make_cafe(tree.countries["MA"]["fr"], latitude=None, longitude=None, mode=CafePage.Mode.ONLINE)
    items = _items(live_server, f"/api/v2/pages/?type=cafes.CafePage&locale=fr&fields={CAFE_FIELDS}")
    public = items[tree.cafe.pk]
    paris = ZoneInfo("Europe/Paris")
    assert public["start"] == tree.cafe.start.astimezone(paris).isoformat()
    assert dt.datetime.fromisoformat(public["end"]) == tree.cafe.end
    assert public["time_zone"] == "Europe/Paris"
    assert public["recurrence"] is None
    assert (public["status"], public["mode"], public["country"]) == ("prevu", "sur-place", "FR")
    assert (public["city"], public["region"]) == ("Testville", "Testrégion")
    assert public["venue"] == "Médiathèque Jean-Macé" and public["street_address"] == "3 place du Marché"
    assert public["coordinates"] == {"latitude": 45.123456, "longitude": 3.654321, "approximate": False}
    assert public["organiser"] == {"name": tree.organisation.name, "slug": tree.organisation.slug}
    assert public["format"] == {"id": tree.resource.pk, "title": tree.resource.title}
    assert public["accessibility"] == ["moteur", "plain-pied"]

    weekly = items[private.pk]
    until = private.recurrence_until
    assert weekly["recurrence"] == {"rrule": f"FREQ=WEEKLY;BYDAY=WE;UNTIL={until:%Y%m%d}T235959Z", "frequency": "weekly",
                                    "weekday": "WE", "week": None, "until": until.isoformat(),
                                    "skipped": [], "cancelled": [], "added": []}
    assert weekly["coordinates"] == {"latitude": 45.77, "longitude": 4.83, "approximate": True}
    assert weekly["venue"] == "" and weekly["street_address"] == ""
    assert weekly["mode"] == "hybride" and weekly["accessibility"] == ["boucle-magnetique"]

    online = items[bare.pk]
    assert (online["country"], online["time_zone"], online["mode"]) == ("MA", "Africa/Casablanca", "en-ligne")
    assert online["start"] == bare.start.astimezone(ZoneInfo("Africa/Casablanca")).isoformat()
    assert online["coordinates"] is None and online["organiser"] is None and online["format"] is None


@live
def test_private_venue_never_leaks_through_the_api(live_server):
    _tree_, _cafe_ar, private, private_en, _report = _tree()
    for path in ("/api/v2/pages/?type=cafes.CafePage&fields=*",
                 f"/api/v2/pages/{private.pk}/", f"/api/v2/pages/{private_en.pk}/",
                 "/api/v2/pages/?type=cafes.CafePage&locale=en&fields=*"):
        status, data = _get(live_server, path)
        text = json.dumps(data, ensure_ascii=False)
        assert status == 200, data
        assert PRIVATE_VENUE not in text and PRIVATE_STREET not in text and "45.767312" not in text, path
    # The exact point cannot be probed with filters or ordering either: they are not fields of the API.
    for probe in ("latitude=45.767312", "venue_name=x", "address=x", "approximate_location=true", "order=latitude"):
        status, data = _get(live_server, f"/api/v2/pages/?type=cafes.CafePage&{probe}")
        assert status == 400 and data["message"], probe


@live
def test_translations_and_aliases_name_the_organiser_in_their_language(live_server):
    tree, cafe_ar, private, private_en, _report = _tree()
    arabic = _items(live_server, "/api/v2/pages/?type=cafes.CafePage&locale=ar&fields=organiser,country,start,content_language")
    assert arabic[cafe_ar.pk]["organiser"]["name"] == ARABIC_ORGANISER
    assert arabic[cafe_ar.pk]["content_language"] == "ar"
    assert arabic[cafe_ar.pk]["country"] == "FR"
    assert arabic[cafe_ar.pk]["start"] == _items(live_server, "/api/v2/pages/?type=cafes.CafePage&fields=start")[
        tree.cafe.pk]["start"]
    # An alias (the page in English, its content in French) answers like any page; no English organiser: French.
    english = _items(live_server, "/api/v2/pages/?type=cafes.CafePage&locale=en&fields=organiser,coordinates,recurrence,"
                                  "content_language")
    alias = english[private_en.pk]
    assert (alias["meta"]["locale"], alias["content_language"]) == ("en", "fr")
    assert _get(live_server, f"/api/v2/pages/{private_en.pk}/")[1]["content_language"] == "fr"
    assert alias["organiser"]["name"] == tree.organisation.name
    assert alias["coordinates"]["approximate"] is True and alias["coordinates"]["latitude"] == 45.77
    assert alias["recurrence"]["weekday"] == "WE"
    status, detail = _get(live_server, f"/api/v2/pages/{cafe_ar.pk}/")
    assert status == 200 and detail["organiser"]["slug"] == "jamiyat-al-maqahi"


@live
def test_report_and_article_fields_read_back_over_http(live_server):
    tree, _cafe_ar, _private, _private_en, report = _tree()
    reports = _items(live_server, "/api/v2/pages/?type=cafes.CafeReportPage&fields=date,participants,themes,questions,proposals")
    read = reports[report.pk]
    assert read["date"] == "2025-03-04" and read["participants"] == 14
    assert read["themes"] == ["bibliothèques", "emploi"]
    assert read["questions"] == ["L'IA va-t-elle remplacer les bibliothécaires ?"]
    assert read["proposals"] == ["Un atelier mensuel sur les images générées."]
    assert "author_credit" not in read

    articles = _items(live_server, "/api/v2/pages/?type=home.ArticlePage&fields=date,body,country,tags")
    article = articles[tree.article.pk]
    assert (article["date"], article["country"], article["tags"]) == ("2026-03-12", "MA", ["lettre", "maroc"])
    assert [(block["type"], block["value"]) for block in article["body"]] == [
        ("quote", {"text": "On a enfin compris ce qu'est un modèle.", "attribution": "Une participante"}),
        ("text", "<p>Trente personnes, deux heures de questions.</p>"),
    ]
    assert all(block["id"] for block in article["body"])
    assert list(_items(live_server, "/api/v2/pages/?type=home.ArticlePage&tags=maroc")) == [tree.article.pk]
    assert _items(live_server, "/api/v2/pages/?type=home.ArticlePage&tags=sport") == {}
    # What the README promised before these fields: resources carry their licence.
    resources = _items(live_server, "/api/v2/pages/?type=ressources.ResourcePage&fields=licence,kind")
    assert resources[tree.resource.pk]["licence"] == tree.resource.licence


@live
def test_the_documented_filters_select_cafes(live_server):
    tree, cafe_ar, private, _private_en, _report = _tree()
    listing = "/api/v2/pages/?type=cafes.CafePage&locale=fr"
    assert set(_items(live_server, f"{listing}&organiser={tree.organisation.pk}")) == {tree.cafe.pk, private.pk}
    assert set(_items(live_server, f"{listing}&accessibility=plain-pied")) == {tree.cafe.pk}
    assert set(_items(live_server, f"{listing}&accessibility=plain-pied,moteur")) == {tree.cafe.pk}
    assert set(_items(live_server, f"{listing}&accessibility=plain-pied&accessibility=boucle-magnetique")) == set()
    status, data = _get(live_server, f"{listing}&accessibility=ramp")
    assert status == 400 and "unknown accessibility code: ramp" in data["message"]
    assert set(_items(live_server, f"{listing}&mode=hybride")) == {private.pk}
    assert set(_items(live_server, "/api/v2/pages/?type=cafes.CafePage&locale=ar&accessibility=plain-pied")) == {cafe_ar.pk}
    assert set(_items(live_server, f"{listing}&city=Testville&order=-start")) == {tree.cafe.pk, private.pk}


@live
def test_bad_input_gets_a_clear_answer_never_a_500(live_server):
    _tree()
    answers = {
        "/api/v2/pages/?type=cafes.CafePage&fields=nonexistent": "unknown fields: nonexistent",
        "/api/v2/pages/?type=cafes.CafePage&locale=xx": "unknown locale: xx",
        "/api/v2/pages/?locale=xx": "unknown locale: xx",
        "/api/v2/pages/?type=cafes.Nope": "type doesn't exist",
        "/api/v2/pages/?type=cafes.CafePage&fields=organiser(name)": "unknown fields: name",
        "/api/v2/pages/?type=cafes.CafePage&limit=500": "limit cannot be higher than 20",
        "/api/v2/pages/?type=cafes.CafePage&start=demain": "",
    }
    for path, message in answers.items():
        status, data = _get(live_server, path)
        assert status == 400, (path, status, data)
        assert message in data["message"], (path, data)
    # A page that does not exist (any more) is a JSON 404, not a redirection to an HTML page.
    for path in ("/api/v2/pages/99999999/", "/api/v2/pages/find/?html_path=/fr/nulle-part/"):
        status, data = _get(live_server, path)
        assert status == 404 and data["message"], path
    status, data = _get(live_server, "/api/v2/pages/?type=cafes.CafePage&locale=ar&search=" + quote("طلبة"))
    assert status == 200 and data["items"] == []


def _cafes_with_everything(count: int, tree) -> None:
    """`count` cafés, each with its own organiser (translated into Arabic every other time) and format."""
    for n in range(count):
        organisation = OrganisationFactory()
        if n % 2:
            translated = organisation.copy_for_translation(locale("ar"))
            translated.name = f"منظمة {n}"
            translated.save()
        cafe = make_cafe(tree.countries["MA"]["fr"], organiser=organisation,
                         format=ResourcePageFactory(parent=tree.resources["fr"]), approximate_location=bool(n % 3))
        if n % 2:
            translate_page(cafe, "ar")
        if n % 4 == 0:
            cafe.create_alias(parent=tree.countries["MA"]["en"], update_locale=locale("en"))


def _reports_and_articles(count: int, tree) -> None:
    for n in range(count):
        report = make_report(tree.cafe, participants=n, questions=[f"Question {n}"], proposals=[f"Proposition {n}"])
        report.themes.set([f"thème {n}", "commun"])
        report.save()
        article = ArticlePageFactory(parent=tree.lettre["fr"], country=tree.countries["MA"]["fr"],
                                     body=json.dumps([{"type": "text", "value": f"<p>Section {n}</p>"}]))
        article.tags.set([f"mot {n}"])
        article.save()


def _listing_queries(client, path: str) -> int:
    """Queries of one listing, once the cache of site root paths (emptied by every page saved) is filled."""
    assert client.get(path).json()["items"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(path).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_listing_with_fields_costs_the_same_for_3_or_12_cafes(client, django_assert_max_num_queries):
    """In-process (a live server's queries run on its own connection): the count must not grow with the list,
    in French, in Arabic (translations) or in English (aliases)."""
    tree = site_tree()
    path = "/api/v2/pages/?type=cafes.CafePage&fields=*&limit=20&locale="
    _cafes_with_everything(2, tree)  # with site_tree's own: 3 in French
    few = {code: _listing_queries(client, path + code) for code in ("fr", "ar", "en")}
    _cafes_with_everything(9, tree)
    assert client.get(path + "fr").json()["meta"]["total_count"] == 12
    with django_assert_max_num_queries(few["fr"]):
        client.get(path + "fr")
    assert {code: _listing_queries(client, path + code) for code in ("fr", "ar", "en")} == few


def _open_data_page(tree):
    page = StandardPageFactory(parent=tree.home["fr"], title="Données ouvertes", slug="donnees-ouvertes",
                               body=json.dumps([{"type": "api_examples", "value": None}]))  # as the demo writes it
    page.full_clean()
    return {"fr": page, "ar": translate_page(page, "ar", title="البيانات المفتوحة"), "en": translate_page(page, "en")}


@live
def test_the_open_data_page_documents_requests_that_answer(live_server):
    """Every request the open-data page shows answers 200 with the fields it names, read over HTTP."""
    tree, *_rest = _tree()
    translate_page(tree.article, "en", title="What Fès asked about AI")
    pages = _open_data_page(tree)
    with urllib.request.urlopen(live_server.url + pages["fr"].url, timeout=20) as response:  # noqa: S310
        body = response.read().decode()
    requests = [html.unescape(href) for href in re.findall(r'href="(/api/v2/pages/[^"]+)"', body)]
    assert len(requests) == 4
    for path in requests:
        items = _items(live_server, path)
        assert items, path
        named = re.search(r"fields=([^&]+)", path)[1].split(",")
        assert all(set(named) <= set(item) for item in items.values()), path


@pytest.mark.django_db
def test_the_api_examples_are_translated(client):
    pages = _open_data_page(site_tree())
    for code, heading in (("fr", "L'API en quatre exemples"), ("ar", "واجهة البرمجة في أربعة أمثلة"),
                          ("en", "The API in four examples")):
        text = html.unescape(client.get(pages[code].url).content.decode())
        assert heading in text, code
        assert '<pre dir="ltr"><code>{"meta"' in text


API_PARAMETERS = ["type", "fields", "locale", "order", "search", "search_operator", "offset", "limit", "child_of", "translation_of",
                  "start", "accessibility", "organiser", "city", "mode", "status"]


@pytest.mark.django_db
def test_hostile_query_parameters_get_json_answers_never_a_500(client):
    site_tree()
    for param in API_PARAMETERS:
        for payload in XSS_PAYLOADS + SQL_PAYLOADS + ODD_VALUES:
            query = {"type": "cafes.CafePage", "fields": "start,organiser,coordinates", "search": "café", param: payload}
            if param not in ("search", "search_operator"):
                del query["search"]
            response = client.get("/api/v2/pages/", query)
            assert response.status_code in (200, 400), (param, payload, response.status_code)
            data = response.json()
            assert ("items" in data) if response.status_code == 200 else data["message"], (param, payload)


@pytest.mark.django_db
def test_report_and_article_listings_cost_the_same_for_3_or_12(client):
    tree = site_tree()
    reports = "/api/v2/pages/?type=cafes.CafeReportPage&fields=*&limit=20"
    articles = "/api/v2/pages/?type=home.ArticlePage&fields=*&limit=20"
    _reports_and_articles(3, tree)
    few = (_listing_queries(client, reports), _listing_queries(client, articles))
    _reports_and_articles(9, tree)
    assert client.get(reports).json()["meta"]["total_count"] == 12
    assert (_listing_queries(client, reports), _listing_queries(client, articles)) == few


@pytest.mark.django_db
def test_themes_and_tags_come_with_their_labels_in_the_pages_language(client):
    from cafeia_site.models import VocabularyTerm

    tree = site_tree()
    report = make_report(tree.cafe, participants=9, questions=[], proposals=[])
    report.themes.set(["emploi"])
    report.save()
    term = VocabularyTerm.objects.get(name="emploi", locale__language_code="fr")
    arabic = term.copy_for_translation(locale("ar"))
    arabic.label = "العمل"
    arabic.save()
    report_ar = translate_page(report, "ar", title="محضر")
    tree.article.tags.set(["emploi"])
    tree.article.save()
    path = "/api/v2/pages/?type=cafes.CafeReportPage&fields=themes,theme_labels&locale="
    read = {code: client.get(path + code).json()["items"] for code in ("fr", "ar")}
    assert [(i["themes"], i["theme_labels"]) for i in read["fr"]] == [(["emploi"], ["emploi"])]
    assert [(i["id"], i["themes"], i["theme_labels"]) for i in read["ar"]] == [(report_ar.pk, ["emploi"], ["العمل"])]
    tags = client.get("/api/v2/pages/?type=home.ArticlePage&fields=tags,tag_labels&locale=fr").json()["items"]
    assert [(i["tags"], i["tag_labels"]) for i in tags] == [(["emploi"], ["emploi"])]
