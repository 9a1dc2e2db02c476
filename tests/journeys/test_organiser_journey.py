"""The organiser's job, in Debian's Chromium on the demo, with JavaScript off: declare a weekly café from its
postcode, have it approved, then, through the private link of the e-mail, mark it full and cancel one session;
the café's page, the agenda and its calendar file say so, in French, Arabic and English."""
import datetime as dt
import re
import uuid
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from cafes.models import CafePage
from contributions.models import Contribution

from .conftest import admin_login
from .contributing import link_in, mails_to, send_filled
from .moderating import decide, open_from_queue

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("live_db")]
PARIS = ZoneInfo("Europe/Paris")


def _declare_weekly(tab, *, title: str, email: str, first: dt.date) -> None:
    tab.goto("/fr/contribuer/cafe/")
    form = tab.locator("form.contribution-form")
    form.get_by_label("Nom du café").fill(title)
    form.get_by_label("En quelques mots").fill("Chaque mercredi, une heure pour parler d'IA à la médiathèque.")
    form.get_by_label("Début").fill(f"{first:%Y-%m-%d}T18:00")
    form.get_by_label("Fin (obligatoire)", exact=True).fill(f"{first:%Y-%m-%d}T19:30")
    form.get_by_label("Chaque semaine, le même jour").check()
    form.get_by_label("Pour un café régulier, jusqu'au").fill((first + dt.timedelta(weeks=5)).isoformat())
    form.get_by_label("Pays").select_option("FR")
    form.get_by_label("Lieu", exact=True).fill("Médiathèque des Ursulines")
    form.get_by_label("Code postal").fill("29000")
    form.get_by_label("Structure organisatrice").fill("Association Quimper Numérique")
    form.get_by_label("Comment les modérateurs peuvent vous joindre").fill("02 98 00 00 00")
    send_filled(tab, form, email)


def _ics(tab, cafe) -> Calendar:
    return Calendar.from_ical(tab.request.get(f"/data/cafes/{cafe.pk}.ics").body())


def test_an_organiser_marks_the_cafe_full_and_cancels_a_session_through_the_private_link(no_js_page, page):
    run = uuid.uuid4().hex[:6]
    title, email = f"Café IA des Ursulines {run}", f"ursulines-{run}@example.org"
    today = dt.datetime.now(PARIS).date()
    first = today + dt.timedelta(days=(2 - today.weekday()) % 7 or 7)  # next Wednesday
    _declare_weekly(no_js_page, title=title, email=email, first=first)

    admin_login(page, "moderator")
    open_from_queue(page, title=title)
    assert page.locator("[data-cafe-map] .leaflet-marker-icon").count() == 1  # the point, seen before approving
    decide(page, action="approve")

    link = link_in(mails_to(email)[-1], "/mon-cafe/")
    tab = no_js_page
    tab.goto(link)
    assert title in tab.locator("h1").inner_text()
    cafe = CafePage.objects.get(pk=Contribution.objects.get(email=email).page_id)
    assert (cafe.recurrence_weekday, cafe.latitude is not None) == (2, True)

    # Full: at once, on the page, in the agenda, in the calendar file, in every language.
    tab.get_by_role("radio", name="Complet").check()
    tab.get_by_role("button", name="Enregistrer l'état").click()
    assert "indiqué complet partout" in tab.locator(".messages").inner_text()
    tab.screenshot(path="tests/browser/artifacts/organiser-fr.png", full_page=True)
    for version in CafePage.objects.filter(translation_key=cafe.translation_key):
        tab.goto(version.url)
        assert tab.locator(".cafe__status .badge").first.inner_text() in ("Complet", "مكتمل", "Full"), version.locale
    assert str(_ics(tab, cafe).walk("VEVENT")[0]["SUMMARY"]).endswith("(complet)")

    # One session cancelled: struck out and marked on the page and in the agenda, CANCELLED in calendars.
    second = first + dt.timedelta(weeks=1)
    tab.goto(link)
    tab.locator("li", has=tab.locator(f"input[name=day][value='{second.isoformat()}']")).get_by_role(
        "button", name="Annuler cette séance").click()
    assert "indiquée annulée" in tab.locator(".messages").inner_text()
    for language, cancelled in (("fr", "Séance annulée"), ("ar", "جلسة ملغاة"), ("en", "Session cancelled")):
        version = CafePage.objects.get(translation_key=cafe.translation_key, locale__language_code=language)
        tab.goto(version.url)
        assert cancelled in tab.locator(".cafe__sessions").inner_text(), language
        tab.goto(f"/{language}/cafes/agenda/?mois={second:%Y-%m}")
        card = tab.locator("li.cafe-card", has_text=version.title).filter(has=tab.locator(".badge--annule"))
        assert card.count() == 1, language
        if language == "ar":
            tab.screenshot(path="tests/browser/artifacts/organiser-agenda-ar.png", full_page=True)
    overrides = [e for e in _ics(tab, cafe).walk("VEVENT") if "RECURRENCE-ID" in e]
    assert [(e["RECURRENCE-ID"].dt.date(), str(e["STATUS"])) for e in overrides] == [(second, "CANCELLED")]

    # The organiser's page in Arabic, as a Moroccan organiser would read it.
    tab.goto(re.sub(r"/fr/", "/ar/", link, count=1))
    assert tab.locator("html").get_attribute("dir") == "rtl"
    assert "جلسة ملغاة" in tab.locator("main").inner_text()
    tab.screenshot(path="tests/browser/artifacts/organiser-ar.png", full_page=True)
