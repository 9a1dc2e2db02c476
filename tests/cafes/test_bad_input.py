"""Bad query strings never break a page: the value is ignored and a visible message says so."""
import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("country=XX", "Le filtre « Pays » a été ignoré"),
        ("date=2025-13-45", "Le filtre « À la date du » a été ignoré"),
        ("date_from=hier", "Le filtre « Du » a été ignoré"),
        ("mode=teleportation", "Le filtre « Format » a été ignoré"),
        ("audience=martiens", "Le filtre « Public » a été ignoré"),
        ("when=demain", "Le filtre « Quand » a été ignoré"),
        ("organiser=inconnue", "Structure inconnue"),
        ("organiser=<b>x</b>", "Le filtre « Structure » a été ignoré"),
        ("page=-1", "Cette page de la liste n&#x27;existe pas : voici la page 1."),
        ("page=abc", "Cette page de la liste n&#x27;existe pas : voici la page 1."),
        ("page=999999", "Cette page de la liste n&#x27;existe pas"),
        ("near=nullepart", "Aucun café connu près de « nullepart »"),
        ("q=" + "x" * 500, "Le filtre « Mots » a été ignoré"),
    ],
)
def test_bad_filter_is_ignored_with_a_visible_message(client, query, message):
    for path in ("/fr/cafes/", "/fr/cafes/france/"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 200
        html = response.content.decode()
        assert message in html
        assert 'class="notice notice--error" role="status"' in html
        assert "cafe-card" in html  # the list is still there, unfiltered


def test_injected_markup_is_escaped_everywhere(client):
    evil = '"><script>alert(1)</script>'
    for url in (f"/fr/cafes/?q={evil}", f"/fr/cafes/?near={evil}", f"/fr/cafes/?city={evil}&region={evil}&tag={evil}"):
        html = client.get(url).content.decode()
        assert "<script>alert(1)</script>" not in html
    assert client.get(f"/data/cafes.geojson?q={evil}").status_code == 200


def test_messages_are_translated(client):
    html = client.get("/ar/cafes/?country=XX&page=-1").content.decode()
    assert "Le filtre" not in html and "Cette page de la liste" not in html
    assert 'role="status"' in html


def test_bad_month_in_agenda(client):
    for value in ("2025-13", "abcd", "99999-01", "1800-01"):
        response = client.get(f"/fr/cafes/agenda/?mois={value}")
        assert response.status_code == 200
        assert "Mois invalide" in response.content.decode()


def test_unknown_directory_entries_are_404(client):
    assert client.get("/fr/cafes/structures/personne/").status_code == 404
    assert client.get("/fr/cafes/animateurs/personne/").status_code == 404


def test_feeds_survive_bad_input(client):
    for url in ("/data/cafes.ics?country=XX&date=2025-13-45", "/data/cafes.csv?page=-1&mode=x"):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("feed", ["cafes.geojson", "cafes.ics", "cafes.csv"])
def test_a_feed_in_a_language_the_site_has_not_says_so(client, feed):
    response = client.get(f"/data/{feed}?lang=zz<script>", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Langue inconnue" in body and "fr, ar, en" in body
    assert response["Content-Type"].startswith("text/plain")
