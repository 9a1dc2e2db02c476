"""The organiser of a declared café keeps it up to date through a private link: full, cancelled, a session
cancelled, restored or added (at once, everywhere), other changes proposed to the moderators; a reminder
after the café asks for its report. Driven through the public pages, the e-mails and the moderators' action."""
import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar
from wagtail.models import PageLogEntry

from cafes.models import CafePage
from cafes.updates import LOG_ACTION
from contributions import services, tokens
from contributions.models import Contribution, ContributionEvent, Status

from .conftest import act, common_fields
from .test_flow import CAFE

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]
PARIS = ZoneInfo("Europe/Paris")
ORGANISER_LINK = re.compile(r"https?://[^\s]+/mon-cafe/[^\s/]+/")


def _organiser_path(message) -> str:
    return ORGANISER_LINK.search(message.body).group(0).split("testserver", 1)[1]


@pytest.fixture
def declared(submit, confirm, moderators, django_capture_on_commit_callbacks):
    """A café declared through the form, confirmed, approved by the national moderators; its organiser's link."""
    mail.outbox = []
    data = {**CAFE, "title": "Café IA des Lilas", **common_fields("lilas@example.org")}
    assert submit("cafe", data).status_code == 302
    confirm(mail.outbox[0])
    contribution = Contribution.objects.get(email="lilas@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        act(contribution.page, moderators["FR"], "approve")
    published = mail.outbox[-1]
    assert "Café IA des Lilas" in published.subject
    contribution.refresh_from_db()
    return contribution, _organiser_path(published)


def _seen(client, path) -> str:
    return re.search(r'name="seen" value="(\w+)"', client.get(path).content.decode()).group(1)


def _post(client, path, capture, **data):
    with capture(execute=True):
        return client.post(path, data)


def _weekly(contribution, weeks=6) -> CafePage:
    """An editor makes the declared café weekly (the public form's rhythm is tested with the form)."""
    cafe = CafePage.objects.get(pk=contribution.page_id)
    today = timezone.now().astimezone(PARIS).date()
    first = today + dt.timedelta(days=(2 - today.weekday()) % 7 or 7)  # next Wednesday
    cafe.start = dt.datetime.combine(first, dt.time(18, 0), tzinfo=PARIS)
    cafe.end = cafe.start + dt.timedelta(hours=2)
    cafe.recurrence_weekday, cafe.recurrence_until = 2, first + dt.timedelta(weeks=weeks)
    cafe.save_revision().publish()
    return CafePage.objects.get(pk=cafe.pk)


def test_the_organiser_marks_the_cafe_full_and_every_page_feed_and_language_says_so(client, declared, django_capture_on_commit_callbacks):
    contribution, path = declared
    page = client.get(path)
    assert page.status_code == 200 and "Café IA des Lilas" in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0") and 'name="robots" content="noindex"' in page.content.decode()
    response = _post(client, path, django_capture_on_commit_callbacks, action="status", status="complet", seen=_seen(client, path))
    assert response.status_code == 302
    assert "indiqué complet partout" in client.get(path).content.decode()

    cafe = CafePage.objects.get(pk=contribution.page_id)
    assert cafe.status == "complet" and cafe.live_revision.as_object().status == "complet"
    assert "Complet" in client.get(cafe.url).content.decode()
    month = cafe.start.astimezone(PARIS)
    agenda = client.get(f"/fr/cafes/agenda/?mois={month:%Y-%m}").content.decode()
    assert re.search(r'Café IA des Lilas</a>.*?badge--complet', agenda, re.S)
    ics = Calendar.from_ical(client.get(f"/data/cafes/{cafe.pk}.ics").content)
    assert str(ics.walk("VEVENT")[0]["SUMMARY"]) == "Café IA des Lilas (complet)"
    # In Arabic and English too: the café's aliases follow at once.
    for version in CafePage.objects.filter(translation_key=cafe.translation_key):
        assert version.status == "complet", version.locale
    assert 'badge--complet' in client.get(CafePage.objects.get(translation_key=cafe.translation_key, locale__language_code="ar").url).content.decode()
    assert PageLogEntry.objects.filter(page=cafe, action=LOG_ACTION).exists()
    assert ContributionEvent.objects.filter(contribution=contribution, action="organiser_update", comment="complet").exists()
    assert "lilas@example.org" not in client.get(cafe.url).content.decode()


def test_the_organiser_cancels_one_session_then_restores_it_and_adds_one(client, declared, django_capture_on_commit_callbacks):
    contribution, path = declared
    cafe = _weekly(contribution)
    second = cafe.first_day + dt.timedelta(weeks=1)
    response = _post(client, path, django_capture_on_commit_callbacks, action="cancel", day=second.isoformat(), seen=_seen(client, path))
    assert response.status_code == 302

    agenda = client.get(f"/fr/cafes/agenda/?mois={second:%Y-%m}").content.decode()
    assert "Séance annulée" in agenda
    page = client.get(cafe.url).content.decode()
    assert "Séance annulée" in page
    ics = Calendar.from_ical(client.get(f"/data/cafes/{cafe.pk}.ics").content)
    cancelled = [e for e in ics.walk("VEVENT") if "RECURRENCE-ID" in e]
    assert [(e["RECURRENCE-ID"].dt.date(), str(e["STATUS"])) for e in cancelled] == [(second, "CANCELLED")]
    for version in CafePage.objects.filter(translation_key=cafe.translation_key):
        assert [(c.date, c.change) for c in version.session_changes.all()] == [(second, "annulee")]

    _post(client, path, django_capture_on_commit_callbacks, action="restore", day=second.isoformat(), seen=_seen(client, path))
    assert "Séance annulée" not in client.get(cafe.url).content.decode()
    saturday = cafe.first_day + dt.timedelta(days=3)
    response = _post(client, path, django_capture_on_commit_callbacks, action="add", day=saturday.isoformat(), seen=_seen(client, path))
    assert response.status_code == 302
    assert b"RDATE;TZID=Europe/Paris:" + f"{saturday:%Y%m%d}T180000".encode() in client.get(f"/data/cafes/{cafe.pk}.ics").content


def test_bad_dates_a_stale_page_and_a_bad_action_change_nothing_and_say_why(client, declared, django_capture_on_commit_callbacks):
    contribution, path = declared
    cafe = _weekly(contribution)
    seen = _seen(client, path)
    thursday = cafe.first_day + dt.timedelta(days=1)
    for data, message in (
        ({"action": "cancel", "day": thursday.isoformat()}, "n&#x27;est pas une date de séance de ce café"),
        ({"action": "cancel", "day": (cafe.first_day - dt.timedelta(weeks=3)).isoformat()}, "est passé"),
        ({"action": "cancel", "day": "2027-02-30"}, "Saisissez une date valide"),
        ({"action": "status", "status": "<script>"}, "Sélectionnez un choix valide"),
        ({"action": "explode"}, "Sélectionnez un choix valide"),
        ({"action": "add", "day": ""}, "Indiquez la date de la séance"),
    ):
        response = _post(client, path, django_capture_on_commit_callbacks, seen=seen, **data)
        assert response.status_code == 400, data
        assert message in response.content.decode(), data
    # Someone else changed the café since this page was shown: told, nothing applied.
    _post(client, path, django_capture_on_commit_callbacks, action="status", status="complet", seen=seen)
    response = _post(client, path, django_capture_on_commit_callbacks, action="status", status="annule", seen=seen)
    assert response.status_code == 302
    assert "vient d&#x27;être modifié par quelqu&#x27;un d&#x27;autre" in client.get(path).content.decode()
    assert CafePage.objects.get(pk=cafe.pk).status == "complet"
    assert not CafePage.objects.get(pk=cafe.pk).session_changes.exists()


def test_a_forged_link_is_refused_and_an_expired_one_renews_to_the_declarers_address(client, declared, monkeypatch, django_capture_on_commit_callbacks):
    contribution, path = declared
    assert client.get(path[:-5] + "xxxx/").status_code == 404
    assert client.get("/fr/contribuer/mon-cafe/" + tokens.make_token(contribution.public_id, "status") + "/").status_code == 404
    monkeypatch.setitem(tokens.MAX_AGES, "organiser", dt.timedelta(seconds=-1))
    expired = client.get(path)
    assert expired.status_code == 410 and "envoyer un nouveau lien" in expired.content.decode()
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(path + "nouveau-lien/").status_code == 200
        forged = client.post(path[:-5] + "xxxx/nouveau-lien/")
    assert forged.status_code == 200 and forged.content.decode().count("un nouveau lien vient de partir") == 1
    assert [m.to for m in mail.outbox] == [["lilas@example.org"]]
    monkeypatch.setitem(tokens.MAX_AGES, "organiser", dt.timedelta(days=120))
    assert client.get(_organiser_path(mail.outbox[0])).status_code == 200


def test_other_changes_wait_for_moderation_and_keep_what_the_organiser_changed_meanwhile(client, declared, moderators, django_capture_on_commit_callbacks):
    contribution, path = declared
    form = client.get(path + "modifier/").content.decode()
    assert 'value="Café IA des Lilas"' in form and "Maison de quartier" in form
    data = {**CAFE, "title": "Café IA des Lilas, au jardin", "venue_name": "Jardin partagé des Lilas"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(path + "modifier/", data)
    assert response.status_code == 302, response.content.decode()[-2000:]
    cafe = CafePage.objects.get(pk=contribution.page_id)
    assert cafe.title == "Café IA des Lilas" and "jardin" not in client.get(cafe.url).content.decode()  # not before approval
    proposal = Contribution.objects.get(page=cafe, status=Status.IN_MODERATION)
    assert proposal.email == "lilas@example.org" and proposal.data["title"] == "Café IA des Lilas, au jardin"
    assert "attend la modération" in client.get(path).content.decode()
    assert client.post(path + "modifier/", data).status_code == 400  # one proposal at a time

    # Marked full while the proposal waits: approving the proposal keeps it full.
    _post(client, path, django_capture_on_commit_callbacks, action="status", status="complet", seen=_seen(client, path))
    with django_capture_on_commit_callbacks(execute=True):
        act(cafe, moderators["FR"], "approve")
    cafe = CafePage.objects.get(pk=cafe.pk)
    assert (cafe.title, cafe.venue_name, cafe.status) == ("Café IA des Lilas, au jardin", "Jardin partagé des Lilas", "complet")
    proposal.refresh_from_db()
    assert proposal.status == Status.PUBLISHED and "au jardin" in mail.outbox[-1].subject


def test_after_the_cafe_its_organiser_is_asked_for_a_report_once_with_the_form_prefilled(client, declared, django_capture_on_commit_callbacks):
    contribution, _path = declared
    cafe = CafePage.objects.get(pk=contribution.page_id)
    mail.outbox = []
    after = cafe.end + dt.timedelta(hours=3)
    with django_capture_on_commit_callbacks(execute=True):
        assert services.report_reminders_send(now=cafe.end - dt.timedelta(minutes=30)) == 0  # not over yet
        assert services.report_reminders_send(now=cafe.end + dt.timedelta(days=9)) == 0  # too late to ask
        assert services.report_reminders_send(now=after) == 1
        assert services.report_reminders_send(now=after + dt.timedelta(hours=1)) == 0  # asked once
    [message] = mail.outbox
    assert message.to == ["lilas@example.org"] and "Café IA des Lilas" in message.subject
    link = re.search(r"https?://\S+/contribuer/compte-rendu/\?\S+", message.body).group(0)
    day = cafe.start.astimezone(PARIS).date()
    assert f"cafe={cafe.pk}" in link and f"date={day.isoformat()}" in link
    assert ORGANISER_LINK.search(message.body)


def test_the_report_form_takes_the_cafe_and_the_day_from_the_reminders_link(client, declared):
    contribution, _path = declared
    cafe = CafePage.objects.get(pk=contribution.page_id)
    cafe.start, cafe.end = timezone.now() - dt.timedelta(days=2, hours=2), timezone.now() - dt.timedelta(days=2)
    cafe.save_revision().publish()
    day = cafe.start.astimezone(PARIS).date()
    html = client.get(f"/fr/contribuer/compte-rendu/?cafe={cafe.pk}&date={day.isoformat()}").content.decode()
    assert re.search(rf'<option value="{cafe.pk}" selected', html)
    assert f'value="{day.isoformat()}"' in html
    assert client.get(f"/fr/contribuer/compte-rendu/?cafe={cafe.pk}&date=2026-02-30").status_code == 200


def test_the_daily_command_queues_the_reminders(declared, django_capture_on_commit_callbacks):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("send_report_reminders", stdout=out)
    assert out.getvalue().strip() == "0 reminders queued"  # the declared café is still to come
