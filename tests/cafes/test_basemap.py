"""The map's own base map (cafes/static/cafes/basemap/): valid GeoJSON inside its countries, small, loaded only by maps."""
import gzip
import json
import re
from pathlib import Path

import pytest

BASEMAP = Path(__file__).resolve().parents[2] / "cafes" / "static" / "cafes" / "basemap"
KINDS = {"land": {"Polygon", "MultiPolygon"}, "border": {"LineString", "MultiLineString"},
         "region": {"LineString", "MultiLineString"},
         "department": {"LineString", "MultiLineString"}, "city": {"Point"}}
# lon min, lat min, lon max, lat max: metropolitan France with Corsica; Morocco's cities.
BOUNDS = {"world.geojson": (-180, -90, 180, 90), "fr.geojson": (-5.2, 41.3, 9.6, 51.1),
          "ma.geojson": (-17.1, 20.7, -1.0, 35.95)}
# What one page downloads for its base map at most (the world and one country, or both countries on the index).
MAX_TOTAL_BYTES = 300_000
MAX_TOTAL_GZIP_BYTES = 80_000


def _positions(coordinates):
    if coordinates and isinstance(coordinates[0], (int, float)):
        yield coordinates
    else:
        for part in coordinates:
            yield from _positions(part)


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_basemap_file_is_geojson_inside_its_country(name):
    data = json.loads((BASEMAP / name).read_text())
    assert data["type"] == "FeatureCollection" and data["features"]
    west, south, east, north = BOUNDS[name]
    for feature in data["features"]:
        assert feature["type"] == "Feature"
        kind, geometry = feature["properties"]["kind"], feature["geometry"]
        assert geometry["type"] in KINDS[kind], (kind, geometry["type"])
        positions = list(_positions(geometry["coordinates"]))
        assert positions
        for lon, lat in positions:
            assert west <= lon <= east and south <= lat <= north, (name, kind, lon, lat)
            assert round(lon, 2) == lon and round(lat, 2) == lat  # 0.01°: about a kilometre, no more
        if kind == "city":
            properties = feature["properties"]
            assert properties["name_fr"] and properties["name_en"] and 1 <= properties["z"] <= 11
            assert set(properties) <= {"kind", "name_fr", "name_ar", "name_en", "z"}


def test_each_country_file_holds_what_its_map_shows():
    kinds = {name: {f["properties"]["kind"] for f in json.loads((BASEMAP / name).read_text())["features"]}
             for name in BOUNDS}
    assert kinds == {"world.geojson": {"land", "border"}, "fr.geojson": {"region", "department", "city"},
                     "ma.geojson": {"city"}}
    cities = {name: [c["name_fr"] for c in _cities(name)] for name in ("fr.geojson", "ma.geojson")}
    assert cities["fr.geojson"][0] == "Paris" and {"Lyon", "Marseille", "Lille"} <= set(cities["fr.geojson"])
    assert cities["ma.geojson"][0] == "Rabat" and {"Casablanca", "Fès", "Agadir", "Laâyoune"} <= set(cities["ma.geojson"])


def _cities(name):
    return [f["properties"] for f in json.loads((BASEMAP / name).read_text())["features"] if f["properties"]["kind"] == "city"]


def test_cities_are_named_in_each_language():
    names = {(c["name_en"]): c for name in ("fr.geojson", "ma.geojson") for c in _cities(name)}
    # French: the commune's official name (Évry merged into Évry-Courcouronnes), Morocco's towns' French names.
    for english, french, arabic in [("Tangier", "Tanger", "طنجة"), ("Marrakesh", "Marrakech", "مراكش"), ("Fès", "Fès", "فاس"),
                                    ("Oujda", "Oujda", "وجدة"), ("El Jadida", "El Jadida", "الجديدة"),
                                    ("Kenitra", "Kénitra", "القنيطرة"), ("Casablanca", "Casablanca", "الدار البيضاء"),
                                    ("Laayoune", "Laâyoune", "العيون"), ("Paris", "Paris", "باريس"),
                                    ("Marseille", "Marseille", "مرسيليا"), ("Strasbourg", "Strasbourg", "ستراسبورغ")]:
        assert (names[english]["name_fr"], names[english].get("name_ar")) == (french, arabic)
    assert names["Évry"]["name_fr"] == "Évry-Courcouronnes"
    # Every city shown up to zoom 6 has its Arabic name, and every Moroccan one; Arabic names are Arabic script.
    for name in ("fr.geojson", "ma.geojson"):
        for city in _cities(name):
            assert city.get("name_ar") or (name == "fr.geojson" and city["z"] > 6), city
            assert all("\u0600" <= ch <= "\u06ff" or ch == " " for ch in city.get("name_ar", "")), city


def test_no_disputed_boundary_is_drawn():
    """Natural Earth's Morocco / Western Sahara line is left out of the borders (the build's choice, see README)."""
    features = json.loads((BASEMAP / "world.geojson").read_text())["features"]
    along = 0
    for feature in features:
        if feature["properties"]["kind"] == "border":
            lines = feature["geometry"]["coordinates"]
            for line in lines if feature["geometry"]["type"] == "MultiLineString" else [lines]:
                along += sum(abs(a[1] - 27.67) < 0.05 and abs(b[1] - 27.67) < 0.05 and -13.2 < a[0] < -8.6
                             for a, b in zip(line, line[1:], strict=False))
    assert along == 0
    assert "disputed" not in {f["properties"]["kind"] for f in features}


def test_basemap_stays_small():
    raw = sum((BASEMAP / name).stat().st_size for name in BOUNDS)
    zipped = sum(len(gzip.compress((BASEMAP / name).read_bytes(), 9)) for name in BOUNDS)
    assert raw < MAX_TOTAL_BYTES and zipped < MAX_TOTAL_GZIP_BYTES, (raw, zipped)


def test_basemap_names_its_sources_and_licences():
    readme = (BASEMAP / "README.md").read_text()
    for words in ("Natural Earth", "public domain", "GeoNames", "CC BY 4.0", "cafes/basemap/build.sh", "names.tsv",
                  "Western Sahara"):
        assert words in readme


def _basemap_files(html: str) -> list[str] | None:
    found = re.search(r'data-basemap="([^"]*)"', html)
    return None if found is None else sorted(Path(url).name.split(".")[0] for url in found.group(1).split())


@pytest.mark.django_db
@pytest.mark.usefixtures("module_site_tree")
class TestTemplates:
    def test_index_loads_the_world_and_both_countries(self, client):
        html = client.get("/fr/cafes/").content.decode()
        assert _basemap_files(html) == ["fr", "ma", "world"]
        assert "Natural Earth" in html and "cafes/basemap/basemap.css" in html

    @pytest.mark.parametrize(("path", "files"), [("/fr/cafes/france/", ["fr", "world"]),
                                                  ("/ar/cafes/maroc/", ["ma", "world"])])
    def test_country_page_loads_only_its_own(self, client, path, files):
        assert _basemap_files(client.get(path).content.decode()) == files

    def test_cafe_page_loads_its_country(self, client, module_site_tree):
        assert _basemap_files(client.get(module_site_tree.cafe.url).content.decode()) == ["fr", "world"]

    @pytest.mark.parametrize("path", ["/fr/", "/fr/cafes/agenda/", "/fr/lettre/"])
    def test_pages_without_a_map_load_none(self, client, path):
        response = client.get(path)
        assert response.status_code == 200
        assert "cafes/basemap/" not in response.content.decode()

    def test_listing_map_passes_the_popup_words(self, client):
        html = client.get("/ar/cafes/").content.decode()
        assert 'data-accessibility-label="إمكانية الوصول:"' in html and 'data-list-separator="، "' in html

    def test_tiles_replace_the_basemap(self, client, settings):
        settings.CAFEIA_TILE_URL = "https://tiles.example.org/{z}/{x}/{y}.png"
        html = client.get("/fr/cafes/france/").content.decode()
        assert "data-tile-url=\"https://tiles.example.org/" in html and _basemap_files(html) is None


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_basemap_is_served_as_geojson(client, name):
    # Whitenoise serves the static files (in tests from the finders, as in development; collected in production).
    response = client.get(f"/static/cafes/basemap/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
