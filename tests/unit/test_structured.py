"""Machine-readable café data without a database: statuses, GeoJSON features, JSON in a <script>."""
import datetime as dt
import json

from cafes import structured

NOW = dt.datetime(2026, 6, 15, 12, 0, tzinfo=dt.UTC)
YESTERDAY, TOMORROW = NOW - dt.timedelta(days=1), NOW + dt.timedelta(days=1)


def test_row_status_ages_with_time_and_a_weekly_session_lasts_until_its_end():
    assert structured.row_status("prevu", TOMORROW, None, NOW) == "prevu"
    assert structured.row_status("prevu", YESTERDAY, None, NOW) == "passe"
    assert structured.row_status("complet", YESTERDAY, dt.date(2026, 7, 1), NOW) == "complet"
    assert structured.row_status("passe", YESTERDAY, dt.date(2026, 7, 1), NOW) == "prevu"  # marked past, yet still running
    assert structured.row_status("annule", YESTERDAY, None, NOW) == "annule"


def test_script_json_cannot_be_closed_by_a_string_inside_it():
    html = str(structured.script_json({"name": "</script><script>alert(1)</script> & co"}))
    assert html.count("</script>") == 1 and html.endswith("</script>")
    assert "\\u003C/script\\u003E" in html and "\\u0026 co" in html
    inner = html[html.index(">") + 1:-len("</script>")]
    assert json.loads(inner) == {"name": "</script><script>alert(1)</script> & co"}


def _row(pk=1, *, approximate=False, end="2026-06-20T19:30:00+00:00", status="prevu", path="000100010001000100010001"):
    return (pk, "Café", "/accueil/cafes/france/cafe/", path, "2026-06-20T18:00:00+00:00", end, None, None, None, None,
            "Blois", "Centre", "41000", "sur-place", status, 47.5861234, 1.3359123, approximate, "Médiathèque", "Europe/Paris",
            "fr")


def _features(*rows):
    def country_of(path, by_path):
        return by_path.get(path[:-4])

    class Country:
        country_code = "FR"

    return structured.geojson_features(rows, url_base="https://cafeia.example", index_url_path="/accueil/cafes/",
                                       index_url="/fr/cafes/", by_path={"00010001000100010001": Country()},
                                       country_of=country_of)


def test_geojson_features_carry_public_coordinates_local_times_and_the_country():
    [exact], [approximate] = _features(_row()), _features(_row(approximate=True))
    assert exact["geometry"]["coordinates"] == [1.3359123, 47.5861234]
    assert approximate["geometry"]["coordinates"] == [1.34, 47.59]
    props = exact["properties"]
    assert props["url"] == "https://cafeia.example/fr/cafes/france/cafe/"
    assert props["start"] == "2026-06-20T20:00:00+02:00" and props["time_zone"] == "Europe/Paris"
    assert props["country"] == "FR" and props["organiser"] == "Médiathèque"


def test_a_feature_whose_date_has_passed_says_so():
    [feature] = _features(_row(end="2020-01-01T00:00:00+00:00"))
    assert feature["properties"]["status"] == "passe"
