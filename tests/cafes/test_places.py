"""The embedded places: French communes and Moroccan towns found by postcode or name, the in-country boxes, /data/lieux.json."""
import pytest

from cafes import places


def codes(found):
    return [p.code for p in found]


def test_lannion_is_found_by_its_postcode_first():
    found = places.find("FR", "22300")
    assert found[0].name == "Lannion"
    assert found[0].code == "22113"
    assert found[0].label == "Lannion (22300, Côtes-d'Armor)"
    assert found[0].department == "Côtes-d'Armor" and found[0].region == "Bretagne"
    assert found[0].latitude == pytest.approx(48.73, abs=0.02) and found[0].longitude == pytest.approx(-3.46, abs=0.02)
    assert not found[0].approximate


@pytest.mark.parametrize("typed", ["lannion", "LANNION", "  Lannion ", "Lannion (22300)", "22300 Lannion", "lann"])
def test_lannion_is_found_by_its_name_as_a_person_types_it(typed):
    assert places.find("FR", typed)[0].code == "22113"


def test_a_name_and_postcode_give_the_commune_or_if_the_name_is_misspelt_the_postcodes():
    assert codes(places.find("FR", "Ploubezre (22300)")) == ["22211"]
    assert codes(places.find("FR", "Lanion (22300)")) == codes(places.find("FR", "22300"))
    assert places.find("FR", "Lannion (99999)") == []


def test_a_postcode_shared_by_several_communes_gives_them_all():
    found = places.find("FR", "22300")
    assert {"Lannion", "Ploubezre", "Ploumilliau", "Rospez", "Ploulec'h"} <= {p.name for p in found}
    assert all("22300" in p.postcodes for p in found)
    populations = [p.population for p in found]
    assert populations == sorted(populations, reverse=True)


def test_the_start_of_a_postcode_gives_the_communes_of_the_postcodes_starting_so():
    found = places.find("FR", "223", limit=10)
    assert len(found) == 10 and found[0].name == "Lannion"
    assert all(any(pc.startswith("223") for pc in p.postcodes) for p in found)


def test_a_town_that_exists_twice_gives_both_with_labels_that_tell_them_apart():
    found = places.find("FR", "Saint-Denis")
    labels = {p.label for p in found[:2]}
    assert labels == {"Saint-Denis (97400, La Réunion)", "Saint-Denis (93200, Seine-Saint-Denis)"}
    assert codes(found[:2]) == codes(places.find("FR", "st denis")[:2]) == codes(places.find("FR", "SAINT DENIS")[:2])
    valence = [p for p in places.find("FR", "valence") if p.name == "Valence"]
    assert {p.department for p in valence} >= {"Drôme", "Tarn-et-Garonne"}
    assert len({p.label for p in valence}) == len(valence)


def test_exact_names_come_before_names_that_only_start_so():
    found = places.find("FR", "Valence")
    names = [p.name for p in found]
    assert names.index("Valence") < names.index("Valence-en-Poitou")


@pytest.mark.parametrize(("typed", "name"), [
    ("sainte marie", "Sainte-Marie"), ("Ste-Marie", "Sainte-Marie"), ("saint etienne", "Saint-Étienne"),
    ("lhay les roses", "L'Haÿ-les-Roses"), ("L’Haÿ-les-Roses", "L'Haÿ-les-Roses"), ("rochelle", "La Rochelle"),
    ("annecy-le-vieux", "Annecy"),  # a former commune, merged into Annecy
])
def test_spelling_variants_are_tolerated(typed, name):
    assert places.find("FR", typed)[0].name == name


def test_the_overseas_departements_are_there():
    assert places.find("FR", "Fort-de-France")[0].department == "Martinique"
    for postcode, department in (("97100", "Guadeloupe"), ("97300", "Guyane"), ("97600", "Mayotte")):
        found = places.find("FR", postcode)
        assert found and found[0].department == department


@pytest.mark.parametrize(("typed", "name", "region"), [
    ("Casablanca", "Casablanca", "Casablanca-Settat"), ("casa blanca", None, None),
    ("rabat", "Rabat", "Rabat-Salé-Kénitra"), ("الرباط", "Rabat", "Rabat-Salé-Kénitra"),
    ("الدار البيضاء", "Casablanca", "Casablanca-Settat"), ("marrakesh", "Marrakech", "Marrakech-Safi"),
    ("fes", "Fès", "Fès-Meknès"), ("Laayoune", "Laâyoune", "Laâyoune-Sakia El Hamra"),
    ("Dakhla", "Dakhla", "Dakhla-Oued Ed-Dahab"),
])
def test_moroccan_towns_by_their_french_and_arabic_names(typed, name, region):
    found = places.find("MA", typed)
    if name is None:
        assert found == []
        return
    assert found[0].name == name and found[0].region == region and found[0].department == ""
    assert found[0].label == f"{name} ({region})"


def test_a_moroccan_town_carries_its_arabic_name():
    rabat = places.find("MA", "Rabat")[0]
    assert rabat.name_ar == "الرباط"
    assert places.get("MA", rabat.code) == rabat


def test_get_by_code():
    assert places.get("FR", "22113").name == "Lannion"
    assert places.get("FR", "99999") is None
    assert places.get("XX", "22113") is None


@pytest.mark.parametrize("text", [
    "99999", "00000", "", " ", "a", "<script>alert(1)</script>", "<script>", "x" * 10_000, "%", "%%", "_",
    "' OR 1=1 --", "'; DROP TABLE cafes_cafepage; --", "Robert'); DROP TABLE--", "${7*7}", "{{ 7*7 }}",
    "\x00", "lannion\x00", "22300; 22301", "22300 22113", "../../etc/passwd", "\u202e", "9" * 200,
])
def test_nothing_found_and_hostile_input_give_an_empty_list(text):
    assert places.find("FR", text) == []
    assert places.find("MA", text) == []


def test_bad_arguments_give_an_empty_list():
    assert places.find("XX", "Lannion") == []
    assert places.find("FR", None) == []
    assert places.find("FR", 22300) == []
    assert places.find("FR", "Lannion", limit=0) == []
    assert places.find("FR", "Lannion", limit=None) == []


def test_limit_is_honoured():
    assert len(places.find("FR", "saint", limit=7)) == 7
    assert len(places.find("FR", "saint")) == 20


@pytest.mark.parametrize(("country", "lat", "lng", "inside"), [
    ("FR", 48.8566, 2.3522, True),  # Paris
    ("FR", 42.70, 9.45, True),  # Bastia
    ("FR", 14.6161, -61.0588, True),  # Fort-de-France
    ("FR", -20.88, 55.45, True),  # Saint-Denis de La Réunion
    ("MA", 33.5731, -7.5898, True),  # Casablanca
    ("MA", 23.68, -15.96, True),  # Dakhla
    ("FR", 40.0, -30.0, False), ("MA", 40.0, -30.0, False),  # the Atlantic
    ("FR", 33.5731, -7.5898, False), ("MA", 48.8566, 2.3522, False),
    ("FR", 2.3522, 48.8566, False),  # latitude and longitude swapped
    ("XX", 48.8566, 2.3522, False), ("FR", "north", 2.35, False), ("FR", None, None, False),
])
def test_in_country(country, lat, lng, inside):
    assert places.in_country(country, lat, lng) is inside


def test_every_place_lies_in_its_country():
    for country in places.COUNTRIES:
        index = places._index(country)
        outside = [p.label for p in index.places if not places.in_country(country, p.latitude, p.longitude)]
        assert outside == []


@pytest.mark.django_db
class TestEndpoint:
    def test_postcode_start_gives_ten_results_cached_a_day(self, client):
        response = client.get("/data/lieux.json", {"country": "FR", "q": "223"})
        assert response.status_code == 200
        assert response["Content-Type"] == "application/json"
        assert response["Cache-Control"] == "public, max-age=86400"
        data = response.json()
        assert len(data["results"]) == 10
        first = data["results"][0]
        assert first == {"code": "22113", "label": "Lannion (22300, Côtes-d'Armor)", "name": "Lannion", "name_ar": "",
                         "postcode": "22300", "latitude": 48.73264, "longitude": -3.45657, "region": "Bretagne",
                         "department": "Côtes-d'Armor", "approximate": False}
        assert "GeoNames" in data["attribution"]

    def test_the_postcode_shown_is_the_one_typed(self, client):
        results = client.get("/data/lieux.json", {"country": "FR", "q": "75015"}).json()["results"]
        assert results[0]["postcode"] == "75015" and results[0]["label"] == "Paris (75015, Paris)"

    def test_moroccan_town_in_arabic(self, client):
        results = client.get("/data/lieux.json", {"country": "MA", "q": "الرباط"}).json()["results"]
        assert results[0]["name"] == "Rabat" and results[0]["name_ar"] == "الرباط"

    @pytest.mark.parametrize("q", ["99999", "", "<script>", "x" * 10_000])
    def test_nothing_found_is_an_empty_list(self, client, q):
        response = client.get("/data/lieux.json", {"country": "FR", "q": q})
        assert response.status_code == 200
        assert response.json()["results"] == []

    def test_unknown_country_is_a_400_with_a_translated_message(self, client):
        response = client.get("/data/lieux.json", {"country": "ES", "q": "Madrid"})
        assert response.status_code == 400
        assert response.content.decode() == "Pays inconnu. Pays de ces données : FR, MA."
        english = client.get("/data/lieux.json", {"country": "<b>", "lang": "en"})
        assert english.status_code == 400
        assert english.content.decode() == "Unknown country. Countries in this data: FR, MA."
        assert english["Content-Type"].startswith("text/plain")
        assert "Cache-Control" not in english or "public" not in english["Cache-Control"]
        arabic = client.get("/data/lieux.json", {"q": "Rabat", "lang": "ar"})
        assert arabic.status_code == 400 and arabic.content.decode() == "بلد غير معروف. بلدان هذه البيانات: FR, MA."

    def test_nothing_asked_is_nothing_found(self, client):
        response = client.get("/data/lieux.json")
        assert response.status_code == 200 and response.json()["results"] == []
        assert client.head("/data/lieux.json").status_code == 200

    def test_only_reading_methods(self, client):
        assert client.post("/data/lieux.json?country=FR&q=223").status_code == 405
