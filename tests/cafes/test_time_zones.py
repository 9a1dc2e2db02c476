"""A café happens in its own time zone (its country's): typed, stored and shown there, and named, everywhere."""
import csv
import datetime as dt
import io
import json
import re
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from icalendar import Calendar

from cafes import vtimezone
from cafes.models import CafePage
from tests.contributions.conftest import act, common_fields, links_in

from .factories import country, make_cafe, moderated_by

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

CASABLANCA = ZoneInfo("Africa/Casablanca")
PARIS = ZoneInfo("Europe/Paris")
# In July Paris and Casablanca are hours apart (whatever the edition of the zone rules): a time read in
# the wrong zone shows. Offsets below come from the zone database, never written by hand.
JULY_EVENING = dt.datetime(2027, 7, 15, 18, 0, tzinfo=CASABLANCA)


def moroccan_cafe(language="fr", **fields):
    values = {"title": "Café IA à Rabat en juillet", "start": JULY_EVENING, "end": JULY_EVENING + dt.timedelta(minutes=90),
              "city": "Rabat", "region": "Rabat-Salé-Kénitra", "postcode": "10000"}
    values.update(fields)
    return make_cafe(country("MA", language), **values)


# --- the zone comes from the country ---------------------------------------------------------
@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_each_country_has_the_time_zone_of_its_cafes_in_every_language(language):
    assert country("FR", language).time_zone == "Europe/Paris"
    assert country("MA", language).time_zone == "Africa/Casablanca"


def test_a_cafe_added_under_morocco_takes_the_casablanca_zone():
    cafe = moroccan_cafe()
    assert CafePage.objects.get(pk=cafe.pk).time_zone == "Africa/Casablanca"
    assert make_cafe(country("FR")).time_zone == "Europe/Paris"


def test_the_country_zone_stays_when_a_translation_is_published_again():
    """wagtail-localize rebuilds a translation from its copy of the source: the zone is synchronised."""
    from cafeia_site.demo import translate

    morocco = country("MA")
    translated = translate(morocco, {"ar": {"Maroc": "المغرب"}})
    assert translated["ar"].time_zone == "Africa/Casablanca"


def test_the_migration_gives_existing_countries_their_zone_and_fixes_what_would_bring_paris_back():
    """Rows, the latest revision (an editor's next publish starts from it) and wagtail-localize's source."""
    import importlib

    from django.apps import apps
    from wagtail_localize.models import TranslationSource

    migration = importlib.import_module("cafes.migrations.0006_country_time_zone")
    morocco = country("MA")
    morocco.save_revision()
    source, _created = TranslationSource.get_or_create_from_instance(morocco)
    # As before the field existed: the default on the row, nothing in the saved copies.
    type(morocco).objects.filter(pk=morocco.pk).update(time_zone="Europe/Paris")
    revision = morocco.latest_revision
    revision.content.pop("time_zone")
    revision.save(update_fields=["content"])
    content = json.loads(source.content_json)
    content.pop("time_zone")
    source.content_json = json.dumps(content)
    source.save(update_fields=["content_json"])

    migration.set_country_time_zones(apps, None)

    morocco.refresh_from_db()
    revision.refresh_from_db()
    source.refresh_from_db()
    assert morocco.time_zone == "Africa/Casablanca"
    assert revision.content["time_zone"] == "Africa/Casablanca"
    assert json.loads(source.content_json)["time_zone"] == "Africa/Casablanca"
    assert country("FR").time_zone == "Europe/Paris"


# --- typed in the café's zone: the public form and the admin -------------------------------------
MOROCCAN_FORM = {
    "title": "Café IA de la médina", "summary": "Parlons IA et vie quotidienne.",
    # 4 March 2027: Casablanca and Paris are an hour apart (checked in the test).
    "start": "2027-03-04T18:00", "end": "2027-03-04T20:00", "mode": "sur-place", "venue_name": "Dar Chabab",
    "address": "2 derb Sidi Fatah", "postcode": "10030", "city": "Rabat", "region": "Rabat-Salé-Kénitra", "country": "MA",
    "organisation": "Association Médina", "audiences": ["tous-publics"], "price": "", "registration_url": "",
    "meeting_url": "", "moderator_contact": "06 00 00 00 00",
}


def _onsets(cal, tzid):
    """(local onset, offset) of every observance of a VTIMEZONE, as a calendar program reads them."""
    onsets = []
    for component in cal.walk("VTIMEZONE"):
        if str(component["TZID"]) != tzid:
            continue
        for part in component.subcomponents:
            assert "RRULE" not in part
            starts = [part["DTSTART"].dt]
            rdates = part.get("RDATE", [])
            for rdate in rdates if isinstance(rdates, list) else [rdates]:
                starts += [p.dt for p in rdate.dts]
            onsets += [(start.replace(tzinfo=None), part["TZOFFSETTO"].td) for start in starts]
    assert onsets, f"no VTIMEZONE for {tzid}"
    return sorted(onsets)


def _offset(onsets, local):
    return [offset for start, offset in onsets if start <= local][-1]


def _vtimezone_offset(cal, tzid, local):
    """The UTC offset a calendar program reading only the VTIMEZONE gives to a local time."""
    return _offset(_onsets(cal, tzid), local)


def test_a_cafe_declared_for_morocco_at_1800_happens_at_1800_in_casablanca(client, django_capture_on_commit_callbacks):
    moderated_by([country("MA", code) for code in ("fr", "ar", "en")], group="Modérateurs Maroc", workflow="Contributions Maroc")
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/contribuer/cafe/", {**common_fields("medina@example.org"), **MOROCCAN_FORM})
    assert response.status_code == 302, response.content.decode()[:2000]
    path = next(link for link in links_in(mail.outbox[0]) if "/confirmer/" in link).split("testserver", 1)[1]
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path).status_code == 200

    typed = dt.datetime(2027, 3, 4, 18, 0)
    assert typed.replace(tzinfo=CASABLANCA).utcoffset() != typed.replace(tzinfo=PARIS).utcoffset()
    page = CafePage.objects.get(title="Café IA de la médina")
    assert page.time_zone == "Africa/Casablanca"
    assert page.start == typed.replace(tzinfo=CASABLANCA)  # not 18:00 in Paris
    assert page.end.astimezone(CASABLANCA).hour == 20

    moderator = get_user_model().objects.create_user("modo-tz", password="x", is_staff=True)
    moderator.groups.add(Group.objects.get(name="Modérateurs Maroc"))
    with django_capture_on_commit_callbacks(execute=True):
        act(page, moderator, "approve")
    page.refresh_from_db()
    assert "18:00–20:00 (heure de Casablanca)" in client.get(page.url).content.decode()

    cal = Calendar.from_ical(client.get(f"/data/cafes/{page.pk}.ics").content)
    text = cal.to_ical().decode()
    assert "DTSTART;TZID=Africa/Casablanca:20270304T180000" in text
    assert "TZID=Europe/Paris" not in text
    assert _vtimezone_offset(cal, "Africa/Casablanca", typed) == typed.replace(tzinfo=CASABLANCA).utcoffset()


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("admin-tz", "tz@example.org", "pw"))
    return client


def _admin_cafe_form(title, start, end, time_zone):
    from django.utils.text import slugify
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    return nested_form_data({
        "title": title, "slug": slugify(title), "summary": "", "start": start, "end": end, "time_zone": time_zone,
        "recurrence_weekday": "", "recurrence_week": "", "recurrence_until": "", "status": "prevu", "mode": "sur-place", "venue_name": "",
        "address": "", "postcode": "", "city": "Ifrane", "region": "", "location": "", "latitude": "", "longitude": "",
        "price": "", "registration_url": "", "contact": "", "meeting_url": "", "tags": "", "capacity": "",
        "description": streamfield([]), "comments": inline_formset([]), "session_changes": inline_formset([]),
    })


def test_an_editor_adding_a_cafe_under_morocco_starts_from_its_zone_and_types_its_hours(admin_client):
    morocco = country("MA")
    form = admin_client.get(f"/admin/pages/add/cafes/cafepage/{morocco.pk}/").content.decode()
    assert re.search(r'<option value="Africa/Casablanca"\s+selected', form)

    response = admin_client.post(f"/admin/pages/add/cafes/cafepage/{morocco.pk}/",
                                 _admin_cafe_form("Café IA d'Ifrane en été", "2027-07-15 18:00", "2027-07-15 19:30", ""))
    assert response.status_code == 302, response.content.decode()[-3000:]
    cafe = CafePage.objects.get(title="Café IA d'Ifrane en été")
    assert cafe.time_zone == "Africa/Casablanca"
    assert cafe.start == JULY_EVENING

    edit = admin_client.get(f"/admin/pages/{cafe.pk}/edit/").content.decode()
    assert 'value="2027-07-15 18:00"' in edit  # shown as typed, not as 19:00 in Paris


def test_an_editor_choosing_another_zone_types_the_hours_of_that_zone(admin_client):
    france = country("FR")
    response = admin_client.post(f"/admin/pages/add/cafes/cafepage/{france.pk}/",
                                 _admin_cafe_form("Café IA en visio depuis Casablanca", "2027-07-15 18:00", "2027-07-15 19:30",
                                                  "Africa/Casablanca"))
    assert response.status_code == 302
    assert CafePage.objects.get(title="Café IA en visio depuis Casablanca").start == JULY_EVENING


# --- shown in the café's zone, the zone named ---------------------------------------------
@pytest.mark.parametrize(("language", "label"), [("fr", "heure de Casablanca"), ("en", "Casablanca time"),
                                                  ("ar", "بتوقيت الدار البيضاء")])
def test_the_cafe_page_and_the_lists_give_the_cafes_hours_and_name_its_zone(client, language, label):
    cafe = moroccan_cafe(language)
    expected = f"18:00–19:30 ({label})"
    assert expected in client.get(cafe.url).content.decode()
    listing = client.get(f"/{language}/cafes/?q={cafe.title.split()[-1]}&when=all").content.decode()
    assert expected in listing


def test_a_paris_cafe_names_its_zone_too():
    from django.utils import translation

    from cafes.templatetags.cafes import cafe_when

    cafe = make_cafe(start=dt.datetime(2027, 7, 15, 18, 0, tzinfo=PARIS), end=dt.datetime(2027, 7, 15, 19, 30, tzinfo=PARIS))
    with translation.override("fr"):
        assert cafe_when(cafe) == "jeudi 15 juillet 2027, 18:00–19:30 (heure de Paris)"


def test_the_agenda_puts_a_late_cafe_on_its_own_day_at_its_own_hours(client):
    # 23:30 in Casablanca is already the next day in Paris.
    late = dt.datetime(2027, 7, 15, 23, 30, tzinfo=CASABLANCA)
    cafe = moroccan_cafe(title="Café IA de nuit à Rabat", start=late, end=late + dt.timedelta(minutes=60))
    html = client.get("/fr/cafes/agenda/?mois=2027-07").content.decode()
    day = html.split("jeudi 15 juillet 2027", 1)[1].split("<h2>", 1)[0]
    assert cafe.title in day
    assert "23:30–00:30 (heure de Casablanca)" in day


def test_the_geojson_gives_times_with_the_cafes_offset_and_names_its_zone(client):
    for language, label in (("fr", "heure de Casablanca"), ("en", "Casablanca time")):
        cafe = moroccan_cafe(language)
        data = client.get(f"/data/cafes.geojson?when=all&country=MA&lang={language}").json()
        feature = next(f for f in data["features"] if f["id"] == cafe.pk)
        props = feature["properties"]
        assert props["start"] == JULY_EVENING.isoformat()  # 2027-07-15T18:00:00 and Casablanca's offset
        assert props["end"] == (JULY_EVENING + dt.timedelta(minutes=90)).isoformat()
        assert (props["time_zone"], props["time_zone_label"]) == ("Africa/Casablanca", label)


def test_the_csv_gives_times_with_the_cafes_offset_and_names_its_zone(client):
    cafe = moroccan_cafe()
    text = client.get("/data/cafes.csv?when=all&country=MA").content.decode("utf-8-sig")
    row = next(r for r in csv.DictReader(io.StringIO(text)) if r["id"] == str(cafe.pk))
    assert (row["start"], row["end"], row["time_zone"]) == (
        JULY_EVENING.isoformat(), (JULY_EVENING + dt.timedelta(minutes=90)).isoformat(), "Africa/Casablanca")


def test_the_json_ld_gives_the_cafes_local_time(client):
    cafe = moroccan_cafe()
    html = client.get(cafe.url).content.decode()
    data = json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))
    assert data["startDate"] == JULY_EVENING.isoformat()


def test_the_ics_feed_names_each_cafes_own_zone(client):
    cafe = moroccan_cafe()
    cal = Calendar.from_ical(client.get("/data/cafes.ics?country=MA").content)
    event = next(e for e in cal.walk("VEVENT") if str(e["SUMMARY"]) == cafe.title)
    assert event["DTSTART"].params["TZID"] == "Africa/Casablanca"
    assert event["DTSTART"].dt == JULY_EVENING
    assert _vtimezone_offset(cal, "Africa/Casablanca", dt.datetime(2027, 7, 15, 18, 0)) == JULY_EVENING.utcoffset()


def test_the_ics_vtimezone_keeps_moroccos_ramadan_hour(client):
    """Calendar programs that read the VTIMEZONE (rather than their own zone data) put this café right."""
    ramadan = dt.datetime(2024, 3, 20, 18, 0, tzinfo=CASABLANCA)  # a month at UTC+0 inside a year at UTC+1
    cafe = moroccan_cafe(title="Café IA du ftour", start=ramadan, end=ramadan + dt.timedelta(minutes=90))
    cal = Calendar.from_ical(client.get(f"/data/cafes/{cafe.pk}.ics").content)
    assert _vtimezone_offset(cal, "Africa/Casablanca", ramadan.replace(tzinfo=None)) == ramadan.utcoffset()


@pytest.mark.parametrize("name", ["Africa/Casablanca", "Europe/Paris", "America/Sao_Paulo"])
def test_the_vtimezone_agrees_with_the_zone_database_every_day_of_its_span(name):
    """icalendar's own VTIMEZONE missed Morocco's Ramadan hour in 2024 and 2027 (shorter than its 64-day steps)."""
    from icalendar import Calendar as ICal

    cal = ICal()
    cal.add_component(vtimezone.vtimezone(name, dt.date(2019, 1, 1), dt.date(2031, 1, 1)))
    cal = ICal.from_ical(cal.to_ical())
    zone = ZoneInfo(name)
    onsets = _onsets(cal, name)
    day = dt.datetime(2019, 1, 2, 18, 0)
    wrong = []
    while day.year < 2031:
        if _offset(onsets, day) != day.replace(tzinfo=zone).utcoffset():
            wrong.append(day.date())
        day += dt.timedelta(days=1)
    assert wrong == []


def test_zone_rules_are_the_tzdata_packages_not_the_systems():
    """The system's copy can lag by years (Debian 12's misses Morocco's move to UTC+0 in 2026)."""
    import zoneinfo
    from importlib import resources

    assert zoneinfo.TZPATH == ()
    packaged = zoneinfo.ZoneInfo.from_file(
        resources.files("tzdata.zoneinfo").joinpath("Africa/Casablanca").open("rb"), key="Africa/Casablanca")
    day = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    while day.year < 2029:
        assert day.astimezone(CASABLANCA).utcoffset() == day.astimezone(packaged).utcoffset(), day
        day += dt.timedelta(days=5)
