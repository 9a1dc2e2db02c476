"""The café list and its filters: each alone, combined, and the map following them."""
import datetime as dt
import re

import pytest
from django.utils import timezone

from cafes import selectors
from cafes.models import CafePage

from .factories import country, make_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


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


def test_default_list_shows_only_upcoming_cafes_soonest_first(client):
    now = timezone.now()
    expected = list(selectors.cafes_filtered(locale="fr")[:20])
    assert expected and all(c.next_session is not None for c in expected)
    starts = [c.start for c in expected if not c.is_recurring]
    assert starts == sorted(starts)
    assert all(c.end >= now for c in expected if not c.is_recurring)
    assert titles(client, "")[0] in {c.title.replace("'", "&#x27;") for c in expected}


def test_past_filter_shows_only_cafes_that_are_over(client):
    past = make_cafe(days=-30, title="Café passé de test")
    future = make_cafe(days=5, title="Café futur de test")
    found = all_titles(client, "when=past")
    assert past.title in found and future.title not in found


def test_country_filter(client):
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
    org = organisation("emmaus-connect")
    hit = make_cafe(title="Café Emmaüs de test", organiser=org)
    miss = make_cafe(title="Café sans structure")
    found = all_titles(client, "organiser=emmaus-connect")
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
    org = organisation("bibliotheque-lyon")
    hit = make_cafe(title="Le bon café", city="Lyon", region="Rhône", mode="hybride", organiser=org, audiences=["familles"], tags=["jeux"])
    make_cafe(title="Mauvais format", city="Lyon", region="Rhône", mode="sur-place", organiser=org, audiences=["familles"], tags=["jeux"])
    make_cafe(title="Mauvais public", city="Lyon", region="Rhône", mode="hybride", organiser=org, audiences=["seniors"], tags=["jeux"])
    make_cafe(country("MA"), title="Mauvais pays", city="Lyon", region="Rhône", mode="hybride", organiser=org, audiences=["familles"], tags=["jeux"])
    query = "country=FR&region=rhône&city=lyon&mode=hybride&audience=familles&organiser=bibliotheque-lyon&tag=jeux&q=bon"
    assert all_titles(client, query) == {hit.title}


def test_near_a_postcode_lists_the_nearest_cafes_first(client):
    titles_near = titles(client, "near=41000")
    assert titles_near and "Blois" in titles_near[0]
    html = client.get("/fr/cafes/?near=41000").content.decode()
    assert "Les cafés les plus proches de « 41000 »" in html
    assert "Orléans" in " ".join(titles_near[:6])  # the next département along the Loire


def test_near_a_town_name_and_its_departement(client):
    assert "Rabat" in titles(client, "near=rabat")[0]
    assert "Lyon" in titles(client, "near=69100")[0]  # unknown postcode: its département


def test_map_follows_the_filters(client):
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


def test_country_page_lists_only_its_cafes(client):
    html = client.get("/fr/cafes/maroc/").content.decode()
    assert "Rabat" in html and "Blois" not in html
    assert "country=MA" in html  # the map and feeds of the country


def test_selectors_upcoming_and_count_held():
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
