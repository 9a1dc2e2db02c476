"""The café list and its filters: each alone, combined, and the map following them."""
import datetime as dt
import re
from decimal import Decimal

import pytest
from django.utils import timezone

from cafes import selectors
from cafes.models import CafePage

from .factories import country, make_cafe, make_weekly_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

# Towns along the Loire, farther ones, and Morocco's: (title, country, postcode, city, latitude, longitude).
TOWNS = [
    ("Café IA à Blois", "FR", "41000", "Blois", "47.586000", "1.335000"),
    ("Café IA à Orléans", "FR", "45000", "Orléans", "47.902000", "1.909000"),
    ("Café IA à Lyon", "FR", "69001", "Lyon", "45.764000", "4.835000"),
    ("Café IA à Marseille", "FR", "13001", "Marseille", "43.296000", "5.370000"),
    ("Café IA à Lille", "FR", "59000", "Lille", "50.629000", "3.057000"),
    ("Café IA à Strasbourg", "FR", "67000", "Strasbourg", "48.573000", "7.752000"),
    ("Café IA à Brest", "FR", "29200", "Brest", "48.390000", "-4.486000"),
    ("Café IA à Rabat", "MA", "10000", "Rabat", "34.020000", "-6.840000"),
    ("Café IA à Fès", "MA", "30000", "Fès", "34.033000", "-5.000000"),
    ("Café IA à Ifrane", "MA", "53000", "Ifrane", "33.533000", "-5.110000"),
]


@pytest.fixture
def towns() -> dict[str, CafePage]:
    """One upcoming café, on site, in each town of TOWNS, by city."""
    return {city: make_cafe(country(code), title=title, postcode=postcode, city=city, region="",
                            latitude=Decimal(lat), longitude=Decimal(lng), days=3 + i)
            for i, (title, code, postcode, city, lat, lng) in enumerate(TOWNS)}


def titles(client, query: str) -> list[str]:
    html = client.get("/fr/cafes/?" + query).content.decode()
    return re.findall(r'<h3><a href="[^"]+" dir="auto">([^<]+)</a></h3>', html)


def all_titles(client, query: str) -> set[str]:
    found, page = set(), 1
    while True:
        html = client.get(f"/fr/cafes/?{query}&page={page}").content.decode()
        found |= set(re.findall(r'<h3><a href="[^"]+" dir="auto">([^<]+)</a></h3>', html))
        if 'rel="next"' not in html:
            return found
        page += 1


def test_default_list_shows_only_upcoming_cafes_soonest_first(client, towns):
    make_cafe(days=-5, title="Café déjà passé")
    make_weekly_cafe(weekday=3, at=dt.time(13, 30), title="Cafés animations")
    now = timezone.now()
    expected = list(selectors.cafes_filtered(locale="fr")[:20])
    assert expected and all(c.next_session is not None for c in expected)
    starts = [c.start for c in expected if not c.is_recurring]
    assert starts == sorted(starts)
    assert all(c.end >= now for c in expected if not c.is_recurring)
    assert titles(client, "")[0] in {c.title.replace("'", "&#x27;") for c in expected}
    assert "Café déjà passé" not in all_titles(client, "")


def test_past_filter_shows_only_cafes_that_are_over(client):
    past = make_cafe(days=-30, title="Café passé de test")
    future = make_cafe(days=5, title="Café futur de test")
    found = all_titles(client, "when=past")
    assert past.title in found and future.title not in found


def test_country_filter(client, towns):
    for i in range(3):
        make_cafe(country("MA"), title=f"Autre café marocain {i}")
    morocco = make_cafe(country("MA"), title="Café marocain de test")
    france = make_cafe(title="Café français de test")
    found = all_titles(client, "country=MA")
    assert morocco.title in found and france.title not in found
    assert CafePage.objects.live().filter(locale__language_code="fr", path__startswith=country("MA").path).count() > 5


@pytest.mark.parametrize(
    ("query", "field", "match", "other"),
    [
        ("region=Aube", "region", "Aube", "Vosges"),
        ("city=troyes", "city", "Troyes", "Chantraine"),
        ("mode=en-ligne", "mode", "en-ligne", "sur-place"),
    ],
)
def test_single_text_and_choice_filters(client, query, field, match, other):
    hit = make_cafe(title="Café qui correspond", **{field: match})
    miss = make_cafe(title="Café qui ne correspond pas", **{field: other})
    found = all_titles(client, query)
    assert hit.title in found and miss.title not in found


def test_audience_filter_uses_the_audience_table(client):
    hit = make_cafe(title="Café pour les seniors", audiences=["seniors"])
    miss = make_cafe(title="Café pour les jeunes", audiences=["jeunes"])
    found = all_titles(client, "audience=seniors")
    assert hit.title in found and miss.title not in found


def test_organiser_filter(client):
    org = organisation(name="Emmaüs Connect", slug="emmaus-connect-essai")
    hit = make_cafe(title="Café Emmaüs de test", organiser=org)
    miss = make_cafe(title="Café sans structure")
    found = all_titles(client, f"organiser={org.slug}")
    assert hit.title in found and miss.title not in found


def test_tag_filter_is_case_insensitive(client):
    hit = make_cafe(title="Café étiqueté", tags=["Robotique"])
    miss = make_cafe(title="Café sans étiquette")
    found = all_titles(client, "tag=robotique")
    assert hit.title in found and miss.title not in found


def test_date_range_filter(client):
    inside = make_cafe(days=100, title="Café dans la plage")
    outside = make_cafe(days=130, title="Café hors de la plage")
    day = timezone.localdate() + dt.timedelta(days=100)
    found = all_titles(client, f"date_from={(day - dt.timedelta(days=2)).isoformat()}&date_to={(day + dt.timedelta(days=2)).isoformat()}")
    assert inside.title in found and outside.title not in found
    exact = all_titles(client, f"date={inside.start.astimezone(timezone.get_current_timezone()).date().isoformat()}")
    assert inside.title in exact and outside.title not in exact


def test_free_text_searches_title_city_and_organiser(client):
    hit = make_cafe(title="Café des castors", city="Castorville")
    found = all_titles(client, "q=castors")
    assert found == {hit.title}
    assert hit.title in all_titles(client, "q=castorville")


def test_filters_combine(client):
    org = organisation(name="Bibliothèque municipale de Lyon", slug="bibliotheque-lyon-essai")
    hit = make_cafe(title="Le bon café", city="Lyon", region="Rhône", mode="hybride", organiser=org, audiences=["familles"], tags=["jeux"])
    make_cafe(title="Mauvais format", city="Lyon", region="Rhône", mode="sur-place", organiser=org, audiences=["familles"], tags=["jeux"])
    make_cafe(title="Mauvais public", city="Lyon", region="Rhône", mode="hybride", organiser=org, audiences=["seniors"], tags=["jeux"])
    make_cafe(country("MA"), title="Mauvais pays", city="Lyon", region="Rhône", mode="hybride", organiser=org, audiences=["familles"], tags=["jeux"])
    query = f"country=FR&region=rhône&city=lyon&mode=hybride&audience=familles&organiser={org.slug}&tag=jeux&q=bon"
    assert all_titles(client, query) == {hit.title}


def test_near_a_postcode_lists_the_nearest_cafes_first(client, towns):
    titles_near = titles(client, "near=41000")
    assert titles_near and "Blois" in titles_near[0]
    html = client.get("/fr/cafes/?near=41000").content.decode()
    assert "Les cafés les plus proches de « 41000 »" in html
    assert "Orléans" in " ".join(titles_near[:6])  # the next département along the Loire


def test_near_a_town_name_and_its_departement(client, towns):
    assert "Rabat" in titles(client, "near=rabat")[0]
    assert "Lyon" in titles(client, "near=69100")[0]  # unknown postcode: its département


def test_map_follows_the_filters(client, towns):
    make_cafe(country("MA"), title="Café IA en ligne depuis Rabat", mode="en-ligne")
    html = client.get("/fr/cafes/?country=MA&mode=sur-place").content.decode()
    url = re.search(r'data-geojson="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "country=MA" in url and "mode=sur-place" in url
    data = client.get(url).json()
    assert data["features"]
    assert {f["properties"]["country"] for f in data["features"]} == {"MA"}
    assert {f["properties"]["mode"] for f in data["features"]} == {"sur-place"}


def test_pagination_keeps_the_filters(client):
    for i in range(25):
        make_cafe(title=f"Café paginé {i}", region="Pagination")
    html = client.get("/fr/cafes/?region=Pagination").content.decode()
    assert "25 cafés." in html
    assert 'href="?region=Pagination&amp;page=2"' in html
    assert len(titles(client, "region=Pagination&page=2")) == 5


def test_country_page_lists_only_its_cafes(client, towns):
    html = client.get("/fr/cafes/maroc/").content.decode()
    assert "Rabat" in html and "Blois" not in html
    assert "country=MA" in html  # the map and feeds of the country


def test_selectors_upcoming_and_count_held(towns):
    upcoming = list(selectors.cafes_upcoming(locale="fr", country="MA", limit=3))
    assert 0 < len(upcoming) <= 3
    assert all(c.next_session is not None for c in upcoming)
    held = selectors.cafe_count_held(locale="fr")
    make_cafe(days=-3)
    make_cafe(days=-3, status=CafePage.Status.CANCELLED)
    assert selectors.cafe_count_held(locale="fr") == held + 1


def test_audiences_can_be_counted_in_the_database():
    before = selectors.audience_counts(locale="fr")
    make_cafe(audiences=["seniors", "familles"])
    after = selectors.audience_counts(locale="fr")
    assert after["seniors"] == before.get("seniors", 0) + 1
    assert after["familles"] == before.get("familles", 0) + 1
