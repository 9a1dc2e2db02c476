"""Declaring a café with its place: a postcode or a town resolved on the site's own data, a point refined on a map,
a private venue, a rhythm; after moderation, the café is on the map at its place, in every language."""
import datetime as dt
import html
import json

import pytest
from django.core import mail

from cafes import geo, places
from cafes.models import CafePage, CafeSessionChange
from contributions import kinds
from contributions.models import Contribution, Status

from .conftest import act, common_fields, links_in
from .test_moderation import login

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]

CAFE = {
    "title": "Café IA de la médiathèque", "summary": "Parlons IA, pour de vrai.",
    # Thursday 4 March 2027, the first Thursday of the month.
    "start": "2027-03-04T18:00", "end": "2027-03-04T20:00", "mode": "sur-place", "venue_name": "Médiathèque Paul-Eluard",
    "address": "3 place de la Libération", "postcode": "", "city": "", "region": "", "country": "FR",
    "organisation": "Médiathèque", "audiences": ["tous-publics"], "price": "", "registration_url": "", "meeting_url": "",
    "moderator_contact": "02 00 00 00 00",
}
VIERZON, CHATEAUROUX = places.get("FR", "18279"), places.get("FR", "36044")
BLOIS, VILLEBAROU = places.get("FR", "41018"), places.get("FR", "41276")


def post(client, data, language="fr"):
    return client.post(f"/{language}/contribuer/cafe/", {**common_fields(data.pop("email", "orga@example.org")), **data})


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def stored(email="orga@example.org") -> dict:
    return Contribution.objects.get(email=email).data


def declare_and_approve(submit, confirm, moderators, capture, data, *, email, language="fr", moderator="FR"):
    mail.outbox = []
    response = submit("cafe", {**common_fields(email), **data}, language=language)
    assert response.status_code == 302, (response.context["form"].errors, response.context["form"].notice)
    confirm(mail.outbox[0])
    contribution = Contribution.objects.get(email=email)
    assert contribution.status == Status.IN_MODERATION
    with capture(execute=True):
        act(contribution.page, moderators[moderator], "approve")
    page = CafePage.objects.get(pk=contribution.page_id)
    assert page.live
    return page


def feature(client, title, lang="fr"):
    data = json.loads(client.get("/data/cafes.geojson", {"lang": lang, "when": "all"}).content)
    found = [f for f in data["features"] if f["properties"]["title"] == title]
    return found[0] if found else None


# --- the place -------------------------------------------------------------------------------
def test_a_postcode_of_one_commune_puts_the_approved_cafe_at_its_place_in_every_language(
        client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    title = "Café IA de Châteauroux"
    data = {**CAFE, "title": title, "postcode": "36000"}
    page = declare_and_approve(submit, confirm, moderators, django_capture_on_commit_callbacks, data, email="chateauroux@example.org")
    assert (page.city, page.postcode, page.region) == ("Châteauroux", "36000", "Indre")
    assert (float(page.latitude), float(page.longitude)) == (CHATEAUROUX.latitude, CHATEAUROUX.longitude)
    assert tuple(map(float, geo.parse_point(page.location))) == (CHATEAUROUX.latitude, CHATEAUROUX.longitude)
    for lang in ("fr", "ar", "en"):
        found = feature(client, title, lang)
        assert found is not None, lang
        assert found["geometry"]["coordinates"] == [CHATEAUROUX.longitude, CHATEAUROUX.latitude]
        assert found["properties"]["approximate"] is False and found["properties"]["city"] == "Châteauroux"


def test_nothing_of_a_declared_cafe_is_public_before_moderation(client, submit, confirm):
    title = "Café IA pas encore modéré"
    mail.outbox = []
    assert submit("cafe", {**common_fields("attente@example.org"), **CAFE, "title": title, "city": "Vierzon"}).status_code == 302
    confirm(mail.outbox[0])
    page = CafePage.objects.get(pk=Contribution.objects.get(email="attente@example.org").page_id)
    assert page.latitude is not None and not page.live
    for lang in ("fr", "ar", "en"):
        assert feature(client, title, lang) is None
        assert title not in page_text(client.get("/data/cafes.csv", {"lang": lang, "when": "all"}))
    for url in (f"/fr/cafes/france/{page.slug}/", "/fr/cafes/?when=all", "/fr/recherche/?q=mod%C3%A9r%C3%A9",
                "/api/v2/pages/?type=cafes.CafePage&fields=coordinates"):
        assert title not in page_text(client.get(url)), url


def test_a_postcode_shared_by_communes_comes_back_with_them_to_choose_from(client):
    response = post(client, {**CAFE, "postcode": "41000"})
    assert response.status_code == 200
    text = page_text(response)
    assert "Plusieurs communes correspondent à « 41000 »" in text
    assert 'href="#id_place_code_0"' in text  # the error summary links to the list
    form = response.context["form"]
    codes = [code for code, _label in form.fields["place_code"].widget.choices]
    assert codes[:2] == ["41018", "41276"] and len(codes) == 5
    assert "Villebarou (41000, Loir-et-Cher)" in text
    assert 'value="Médiathèque Paul-Eluard"' in text  # nothing lost
    assert not Contribution.objects.exists()

    response = post(client, {**CAFE, "postcode": "41000", "place_code": "41276"})
    assert response.status_code == 302, page_text(response)[:2000]
    data = stored()
    assert (data["city"], data["postcode"], data["place_code"]) == ("Villebarou", "41000", "41276")
    assert (data["latitude"], data["longitude"]) == (VILLEBAROU.latitude, VILLEBAROU.longitude)


def test_a_postcode_with_its_town_needs_no_choice(client):
    assert post(client, {**CAFE, "postcode": "41000", "city": "blois"}).status_code == 302
    assert (stored()["city"], stored()["place_code"]) == ("Blois", "41018")


@pytest.mark.parametrize("postcode,message", [
    ("99999", "Code postal inconnu : aucune commune n'a le code 99999."),
    ("4100", "Code postal inconnu : un code postal français a cinq chiffres"),
    ("<b>", "Code postal inconnu : un code postal français a cinq chiffres"),
])
def test_an_unknown_postcode_is_said_on_its_field(client, postcode, message):
    response = post(client, {**CAFE, "postcode": postcode})
    assert response.status_code == 200
    text = page_text(response)
    assert message in text and 'href="#id_postcode"' in text
    assert response.context["form"].errors["postcode"]


def test_an_unknown_town_is_said_on_its_field(client):
    response = post(client, {**CAFE, "city": "Zzyzxville"})
    assert response.status_code == 200
    assert "Ville inconnue (France)" in page_text(response) and response.context["form"].errors["city"]


def test_a_town_that_exists_twice_is_chosen_or_told_apart_by_its_departement(client):
    response = post(client, {**CAFE, "city": "Valence"})
    assert response.status_code == 200
    labels = [label for _code, label in response.context["form"].fields["place_code"].widget.choices]
    assert labels == ["Valence (26000, Drôme)", "Valence (82400, Tarn-et-Garonne)", "Valence (16460, Charente)"]
    assert post(client, {**CAFE, "city": "Valence", "place_code": "82186"}).status_code == 302
    assert stored()["postcode"] == "82400"
    assert post(client, {**CAFE, "city": "Valence", "region": "Drôme"} | {"email": "drome@example.org"}).status_code == 302
    assert stored("drome@example.org")["place_code"] == "26362"


def test_a_moroccan_town_without_postcodes_is_found_by_its_name_in_arabic(client):
    response = post(client, {**CAFE, "country": "MA", "city": "إفران", "postcode": "53000"}, language="ar")
    assert response.status_code == 302, page_text(response)[:2000]
    data = stored()
    assert (data["city"], data["postcode"], data["region"], data["place_code"]) == ("إفران", "53000", "Fès-Meknès", "GN2546917")
    response = post(client, {**CAFE, "country": "MA", "postcode": "53000", "email": "sans-ville@example.org"})
    assert "le site ne connaît pas les codes postaux de ce pays (Maroc)" in page_text(response)


def test_a_place_is_needed_on_site_but_not_online(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    response = post(client, {**CAFE})
    assert "Indiquez le code postal ou la ville d'un café sur place." in page_text(response)
    response = post(client, {**CAFE, "mode": "hybride", "city": "Vierzon"})
    assert "Pour un café en ligne, donnez un lien" in page_text(response)
    title = "Café IA en ligne"
    data = {**CAFE, "title": title, "mode": "en-ligne", "venue_name": "", "address": "", "meeting_url": "https://visio.example.org/ia",
            "latitude": "47.2", "longitude": "2.1"}
    page = declare_and_approve(submit, confirm, moderators, django_capture_on_commit_callbacks, data, email="enligne@example.org")
    assert page.latitude is None and page.location == "" and page.meeting_url == "https://visio.example.org/ia"
    assert feature(client, title) is None  # nowhere to show it on the map; in the list and the agenda it is
    assert title in page_text(client.get("/fr/cafes/?mode=en-ligne&when=all"))


# --- the point on the map --------------------------------------------------------------------
def test_a_point_placed_on_the_map_is_used_rounded(client):
    assert post(client, {**CAFE, "city": "Vierzon", "latitude": "47.2222224444", "longitude": "2.0681234567"}).status_code == 302
    assert (stored()["latitude"], stored()["longitude"]) == (47.222222, 2.068123)


@pytest.mark.parametrize("latitude,longitude", [("abc", "2.1"), ("47.2", ""), ("nan", "2"), ("1e400", "2"), ("95", "2"),
                                                ("47,2", "2;drop table")])
def test_coordinates_that_are_not_a_point_are_refused_clearly_and_dropped(client, latitude, longitude):
    response = post(client, {**CAFE, "city": "Vierzon", "latitude": latitude, "longitude": longitude})
    assert response.status_code == 200
    text = page_text(response)
    assert "La position reçue pour la carte est illisible" in text and 'href="#place-map-field"' in text
    form = response.context["form"]
    assert (form["latitude"].value(), form["longitude"].value()) == ("", "")  # sent again, the town's centre is taken
    assert post(client, {**CAFE, "city": "Vierzon", "latitude": "", "longitude": ""}).status_code == 302


def test_a_point_outside_the_country_is_refused(client):
    rabat = places.get("MA", "GN2538475")
    response = post(client, {**CAFE, "city": "Vierzon", "latitude": str(rabat.latitude), "longitude": str(rabat.longitude)})
    assert response.status_code == 200
    assert "est hors du pays choisi (France)" in page_text(response)
    response = post(client, {**CAFE, "city": "Vierzon", "latitude": "43.6", "longitude": "1.44"})  # Toulouse, not Vierzon
    assert "Le point placé sur la carte est à 406 km de Vierzon" in page_text(response)


def test_a_comma_decimal_point_is_read(client):
    assert post(client, {**CAFE, "city": "Vierzon", "latitude": "47,22", "longitude": "2,07"}).status_code == 302
    assert (stored()["latitude"], stored()["longitude"]) == (47.22, 2.07)


def test_a_private_venue_is_public_only_by_its_town(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    title = "Café IA chez Claire"
    data = {**CAFE, "title": title, "venue_name": "Chez Claire", "address": "12 impasse des Tilleuls", "city": "Vierzon",
            "latitude": "47.2234567", "longitude": "2.0712345", "approximate_location": "on"}
    page = declare_and_approve(submit, confirm, moderators, django_capture_on_commit_callbacks, data, email="claire@example.org")
    assert page.approximate_location and float(page.latitude) == 47.223457
    for lang in ("fr", "ar", "en"):
        found = feature(client, title, lang)
        assert found["geometry"]["coordinates"] == [2.07, 47.22] and found["properties"]["approximate"] is True
    public = page_text(client.get(page.url))
    assert "Chez Claire" not in public and "impasse des Tilleuls" not in public and "Vierzon" in public


# --- the rhythm ------------------------------------------------------------------------------
def test_a_weekly_cafe_with_a_date_without_session(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    title = "Café IA du jeudi"
    data = {**CAFE, "title": title, "city": "Vierzon", "rhythm": "chaque-semaine", "recurrence_until": "2027-04-29",
            "skipped_dates": "2027-03-18, 01/04/2027"}
    page = declare_and_approve(submit, confirm, moderators, django_capture_on_commit_callbacks, data, email="jeudi@example.org")
    assert (page.recurrence_weekday, page.recurrence_week, page.recurrence_until) == (3, None, dt.date(2027, 4, 29))
    assert [(c.date, c.change) for c in page.session_changes.order_by("date")] == [
        (dt.date(2027, 3, 18), "sans-seance"), (dt.date(2027, 4, 1), "sans-seance")]
    assert feature(client, title)["properties"]["weekly"] is True
    sessions = [s.start.date() for s in page.sessions(after=dt.date(2027, 3, 1), before=dt.date(2027, 5, 1))]
    assert dt.date(2027, 3, 18) not in sessions and len(sessions) == 7


def test_a_date_without_session_outside_the_rhythm_is_refused_by_name(client):
    response = post(client, {**CAFE, "city": "Vierzon", "rhythm": "chaque-semaine", "recurrence_until": "2027-04-29",
                             "skipped_dates": "2027-03-18\n2027-03-19\n2027-05-06"})
    assert response.status_code == 200
    text = page_text(response)
    assert "Le 2027-03-19 n'est pas une date de séance de ce café" in text
    assert "Le 2027-05-06 n'est pas une date de séance de ce café" in text
    assert "2027-03-18 n'est pas" not in text and 'href="#id_skipped_dates"' in text
    response = post(client, {**CAFE, "city": "Vierzon", "skipped_dates": "18 mars"})
    assert "Date illisible : « 18 mars »" in page_text(response)
    response = post(client, {**CAFE, "city": "Vierzon", "skipped_dates": "2027-03-11"})
    assert "ne servent qu'à un café régulier" in page_text(response)


def test_a_monthly_cafe_on_its_rank_with_a_date_without_session(client, submit, confirm, moderators,
                                                                 django_capture_on_commit_callbacks):
    title = "Café IA du premier jeudi"
    data = {**CAFE, "title": title, "city": "Vierzon", "rhythm": "chaque-mois", "recurrence_week": "1",
            "recurrence_until": "2027-12-31", "skipped_dates": "2027-08-05"}
    page = declare_and_approve(submit, confirm, moderators, django_capture_on_commit_callbacks, data, email="mensuel@example.org")
    assert (page.recurrence_weekday, page.recurrence_week) == (3, 1)
    assert page.recurrence["rrule"].startswith("FREQ=MONTHLY;BYDAY=1TH") and page.recurrence["skipped"] == ["2027-08-05"]
    assert feature(client, title)["geometry"]["coordinates"] == [VIERZON.longitude, VIERZON.latitude]


def test_a_monthly_cafe_must_start_on_its_rank(client):
    base = {**CAFE, "city": "Vierzon", "rhythm": "chaque-mois", "recurrence_until": "2027-12-31"}
    response = post(client, {**base, "recurrence_week": "2"})
    assert "est le premier jeudi du mois, pas le deuxième" in page_text(response)
    response = post(client, {**base, "recurrence_week": ""})
    assert "Choisissez la semaine du mois" in page_text(response)
    response = post(client, {**base, "recurrence_week": "1", "skipped_dates": "2027-05-13"})
    assert "Le 2027-05-13 n'est pas une date de séance" in page_text(response)
    response = post(client, {**base, "recurrence_week": "1", "recurrence_until": "2027-01-01"})
    assert "La fin de la répétition doit suivre la première séance" in page_text(response)
    last = post(client, {**base, "start": "2027-03-25T18:00", "end": "2027-03-25T20:00", "recurrence_week": "-1"})
    assert last.status_code == 302  # 25 March 2027: the last Thursday


# --- the form in every language, and the resubmission ----------------------------------------
@pytest.mark.parametrize("language,legend", [("fr", "Où"), ("ar", "أين"), ("en", "Where")])
def test_the_form_groups_its_fields_and_brings_the_map(client, language, legend):
    text = page_text(client.get(f"/{language}/contribuer/cafe/"))
    assert f"<legend>{legend}</legend>" in text
    assert 'data-declare-map hidden' in text and "contributions/declare_map.js" in text and "leaflet.js" in text
    assert 'name="latitude"' in text and 'type="hidden"' in text


def test_the_resubmission_form_shows_the_place_rhythm_and_point_back(client, submit, confirm, django_capture_on_commit_callbacks):
    mail.outbox = []
    data = {**CAFE, "postcode": "41000", "place_code": "41276", "rhythm": "chaque-semaine", "recurrence_until": "2027-04-29",
            "skipped_dates": "2027-03-18", "approximate_location": "on"}
    assert submit("cafe", {**common_fields("retour@example.org"), **data}).status_code == 302
    confirm(mail.outbox[0])
    contribution = Contribution.objects.get(email="retour@example.org")
    login(client, "moderator")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/contributions/{contribution.pk}/decision/", {"action": "reject", "reject-comment": "Quelle salle ?"})
    client.logout()
    status = next(link for link in links_in(mail.outbox[-1]) if "/suivi/" in link).split("testserver", 1)[1]
    form = client.get(status).context["form"]
    assert form["place_code"].value() == "41276" and form["rhythm"].value() == "chaque-semaine"
    assert form["skipped_dates"].value() == "2027-03-18" and form["approximate_location"].value() is True
    assert form["latitude"].value() == ""  # the town's centre is found again, not carried as a point
    text = page_text(client.get(status))
    assert "2027-03-18</textarea>" in text and "declare_map.js" in text
    edited = {**{k: v for k, v in data.items() if k != "postcode"}, "city": "Villebarou", "postcode": "41000",
              "latitude": "47.62", "longitude": "1.32"}
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(status, edited).status_code == 302
    page = CafePage.objects.get(pk=contribution.page_id).get_latest_revision_as_object()
    assert (float(page.latitude), float(page.longitude), page.recurrence_weekday) == (47.62, 1.32, 3)
    assert [c.date for c in page.session_changes.all()] == [dt.date(2027, 3, 18)]


def test_a_form_prefilled_from_the_page_keeps_its_rhythm_and_point_and_the_organisers_changes(
        client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    """What the organiser's proposal form starts from (CafeBuilder.data_from_page) and what it writes back:
    a session the organiser cancelled since stays cancelled, the dates without session are the page's."""
    data = {**CAFE, "title": "Café IA des jeudis", "city": "Vierzon", "rhythm": "chaque-semaine",
            "recurrence_until": "2027-04-29", "skipped_dates": "2027-03-18", "latitude": "47.23", "longitude": "2.07"}
    page = declare_and_approve(submit, confirm, moderators, django_capture_on_commit_callbacks, data, email="jeudis@example.org")
    page.session_changes = [*page.session_changes.all(), CafeSessionChange(date=dt.date(2027, 3, 25), change="annulee")]
    page.save_revision().publish()
    page = CafePage.objects.get(pk=page.pk)
    contribution = Contribution.objects.get(email="jeudis@example.org")
    initial = kinds.KINDS["cafe"].builder.data_from_page(page, contribution)
    form = kinds.KINDS["cafe"].form(initial=initial, editing=True, language_code="fr")
    assert form["rhythm"].value() == "chaque-semaine" and form["skipped_dates"].value() == "2027-03-18"
    assert (form["latitude"].value(), form["longitude"].value()) == (47.23, 2.07)
    contribution.data = {**contribution.data, "skipped_dates": ["2027-04-01"]}
    kinds.KINDS["cafe"].builder.update_draft(contribution, page)
    draft = page.get_latest_revision_as_object()
    assert sorted((c.date.isoformat(), c.change) for c in draft.session_changes.all()) == [
        ("2027-03-25", "annulee"), ("2027-04-01", "sans-seance")]


# --- the moderators' map ---------------------------------------------------------------------
@pytest.mark.parametrize("username,country,city", [("administrateur", "FR", "Vierzon"), ("moderator", "FR", "Vierzon"),
                                                   ("moderateur-maroc", "MA", "Rabat")])
def test_the_moderator_sees_the_drafts_point_on_a_map(client, submit, confirm, username, country, city):
    mail.outbox = []
    data = {**CAFE, "country": country, "city": city, "approximate_location": "on"}
    assert submit("cafe", {**common_fields("carte@example.org"), **data}).status_code == 302
    confirm(mail.outbox[0])
    contribution = Contribution.objects.get(email="carte@example.org")
    place = places.find(country, city)[0]
    login(client, username)
    response = client.get(f"/admin/contributions/{contribution.pk}/")
    assert response.status_code == 200
    text = page_text(response)
    assert f"{place.latitude:.6f}" in text and f"{place.longitude:.6f}" in text  # in words, for whoever cannot see the map
    assert "data-cafe-map" in text and "cafes/map.js" in text and "leaflet.js" in text
    point = json.loads(text.split('id="moderation-point" type="application/json">')[1].split("</script>")[0])
    assert point["features"][0]["geometry"]["coordinates"] == [place.longitude, place.latitude]
    assert 'class="moderation-private"' in text


def test_the_moderators_page_of_an_online_cafe_has_no_map(client, submit, confirm):
    mail.outbox = []
    data = {**CAFE, "mode": "en-ligne", "meeting_url": "https://visio.example.org/x"}
    assert submit("cafe", {**common_fields("visio@example.org"), **data}).status_code == 302
    confirm(mail.outbox[0])
    login(client, "moderator")
    text = page_text(client.get(f"/admin/contributions/{Contribution.objects.get(email='visio@example.org').pk}/"))
    assert "data-cafe-map" not in text and "leaflet.js" not in text


def test_the_form_sections_follow_the_fieldsets():
    form = kinds.KINDS["cafe"].form(language_code="fr")
    sections = form.sections()
    assert [str(s["legend"]) for s in sections[:5]] == ["", "Quand", "Où", "Qui et pour qui", "Inscription"]
    assert [b.name for b in sections[2]["fields"]][:4] == ["mode", "meeting_url", "country", "postcode"]
    assert sections[2]["include"] and not sections[1]["include"]
