"""A send refused before it is read (too fast, honeypot, replayed or forged token, rate limit) comes back whole."""
import time
import uuid
from html import unescape
from html.parser import HTMLParser

import pytest
from django.test import override_settings

from contributions import kinds, protection
from contributions.models import Contribution

from .conftest import common_fields, started_token
from .test_flow import CAFE, FORMAT, REPORT, TESTIMONY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]

KINDS = {"compte-rendu": REPORT, "format": FORMAT, "temoignage": TESTIMONY, "cafe": CAFE}
TOO_FAST = "Votre envoi est arrivé très vite"
# Longer than a slow request, shorter than the 30 s common_fields' forms have been open: "too fast" stays so.
MIN_FILL_SECONDS = 20


@pytest.fixture(autouse=True)
def _minimum_fill_time(settings):
    settings.CONTRIBUTIONS_MIN_FILL_SECONDS = MIN_FILL_SECONDS


class FormValues(HTMLParser):
    """What a browser would send back from the first contribution form of a page: name -> list of values."""

    def __init__(self, html):
        super().__init__(convert_charrefs=True)
        self.values: dict[str, list[str]] = {}
        self.ids: set[str] = set()
        self._in_form = self._done = False
        self._textarea = self._select = None
        self._text = []
        self.feed(html)

    def _add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "form" and "contribution-form" in (attrs.get("class") or "") and not self._done:
            self._in_form = True
        if not self._in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    self._add(name, attrs.get("value", "on"))
            elif kind != "file":
                self._add(name, attrs.get("value") or "")
        elif tag == "textarea":
            self._textarea, self._text = name, []
        elif tag == "select":
            self._select = name
        elif tag == "option" and self._select and "selected" in attrs:
            self._add(self._select, attrs.get("value") or "")

    def handle_data(self, data):
        if self._textarea:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea:
            text = "".join(self._text)
            self._add(self._textarea, text[1:] if text.startswith("\n") else text)  # as browsers read it
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form" and self._in_form:
            self._in_form, self._done = False, True

    def one(self, name) -> str:
        return (self.values.get(name) or [""])[-1]


def assert_everything_kept(html, data):
    shown = FormValues(html)
    for name, value in data.items():
        if name in ("started", "submission_key", "website"):
            continue
        expected = value if isinstance(value, list) else [value]
        if name in ("consent", "licence_accepted") or name.endswith("_consent"):
            expected = ["on"] if value else []
        got = shown.values.get(name, [])
        if not any(expected):
            assert not any(got), (name, got)
        else:
            assert got == [str(v).replace("\r\n", "\n") for v in expected], (name, got, expected)
    return shown


def too_fast(data):
    return {**data, "started": started_token(data["submission_key"], seconds_ago=0)}


@pytest.mark.parametrize("slug", KINDS)
def test_a_send_too_fast_comes_back_with_everything_typed_and_nothing_recorded(submit, slug):
    email = f"vite-{slug}@example.org"
    data = too_fast({**common_fields(email), **KINDS[slug]})
    before = protection.spam_count("too_fast")
    response = submit(slug, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert TOO_FAST in html and 'id="form-notice" tabindex="-1" autofocus' in html
    shown = assert_everything_kept(html, data)
    assert shown.one("submission_key") == data["submission_key"]
    assert not Contribution.objects.filter(email=email).exists()
    assert protection.spam_count("too_fast") == before + 1


def test_the_send_after_a_too_fast_one_goes_through(client, submit, settings):
    settings.CONTRIBUTIONS_MIN_FILL_SECONDS = 2
    data = too_fast({**common_fields("deuxieme@example.org"), **TESTIMONY})
    response = submit("temoignage", data)
    assert response.status_code == 400
    shown = FormValues(response.content.decode())
    time.sleep(protection.min_fill_seconds() + 0.05)  # a person reading the message and sending again
    again = {name: values if len(values) > 1 else values[0] for name, values in shown.values.items()}
    assert submit("temoignage", again).status_code == 302
    assert Contribution.objects.filter(email="deuxieme@example.org").count() == 1


@pytest.mark.parametrize("slug", KINDS)
def test_a_filled_honeypot_shows_the_form_again_emptied_of_it_only(submit, slug):
    email = f"remplissage-{slug}@example.org"
    data = {**common_fields(email), **KINDS[slug], "website": "https://mon-site.example"}
    before = protection.spam_count("honeypot")
    response = submit(slug, data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "outil de remplissage automatique" in html
    shown = assert_everything_kept(html, data)
    assert shown.one("website") == ""
    assert "mon-site.example" not in html
    assert protection.started_problem(shown.one("started"), shown.one("submission_key")) is None
    assert not Contribution.objects.filter(email=email).exists()
    assert protection.spam_count("honeypot") == before + 1


@pytest.mark.parametrize("slug", KINDS)
def test_a_token_replayed_for_another_submission_is_caught(submit, slug):
    first = {**common_fields(f"premier-{slug}@example.org"), **KINDS[slug]}
    assert submit(slug, first).status_code == 302
    before = protection.spam_count("replayed")
    replay = {**first, "email": f"rejeu-{slug}@example.org", "submission_key": str(uuid.uuid4())}
    response = submit(slug, replay)
    assert response.status_code == 400
    html = response.content.decode()
    assert "a déjà servi pour un autre envoi" in html
    shown = assert_everything_kept(html, replay)
    assert not Contribution.objects.filter(email=replay["email"]).exists()
    assert protection.spam_count("replayed") == before + 1
    # The form now carries a token of its own: only the minimum fill time stands between it and a send.
    assert shown.one("submission_key") == replay["submission_key"]
    assert protection.started_problem(shown.one("started"), shown.one("submission_key")) == "too_fast"


def test_the_same_form_sent_twice_is_a_double_submit_not_a_replay(submit):
    data = {**common_fields("deux-clics@example.org"), **TESTIMONY}
    before = protection.spam_count("replayed")
    assert [submit("temoignage", data).status_code for _ in range(3)] == [302, 302, 302]
    assert Contribution.objects.filter(email="deux-clics@example.org").count() == 1
    assert protection.spam_count("replayed") == before


@pytest.mark.parametrize(("change", "reason", "message"), [
    ({"started": "forged:token"}, "forged", "n'a pas pu être reconnu"),
    ({"started": ""}, "forged", "n'a pas pu être reconnu"),
    ({"submission_key": "1 OR 1=1"}, "forged", "n'a pas pu être reconnu"),
    ({"submission_key": ""}, "forged", "n'a pas pu être reconnu"),
])
def test_a_forged_token_or_submission_key_gets_a_message_and_a_fresh_pair(submit, change, reason, message):
    data = {**common_fields("faux@example.org"), **TESTIMONY, **change}
    before = protection.spam_count(reason)
    response = submit("temoignage", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in unescape(html)
    shown = assert_everything_kept(html, data)
    assert uuid.UUID(shown.one("submission_key"))
    assert protection.started_problem(shown.one("started"), shown.one("submission_key")) == "too_fast"
    assert protection.spam_count(reason) == before + 1
    assert not Contribution.objects.filter(email="faux@example.org").exists()


def test_a_form_opened_more_than_a_day_ago_is_shown_again_with_a_new_token(submit):
    data = {**common_fields("hier@example.org"), **TESTIMONY}
    data["started"] = started_token(data["submission_key"], seconds_ago=protection.STARTED_MAX_AGE_SECONDS + 60)
    response = submit("temoignage", data)
    assert response.status_code == 400
    assert "ouvert il y a plus d'un jour" in unescape(response.content.decode())
    shown = assert_everything_kept(response.content.decode(), data)
    assert protection.started_problem(shown.one("started"), data["submission_key"]) == "too_fast"


@override_settings(CONTRIBUTIONS_RATE_LIMIT_PER_HOUR=1, CAFEIA_TRUSTED_PROXIES=1)
@pytest.mark.parametrize("slug", KINDS)
def test_past_the_rate_limit_the_form_comes_back_whole_with_429(client, django_capture_on_commit_callbacks, slug):
    def post(data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/fr/contribuer/{slug}/", data, HTTP_X_FORWARDED_FOR="192.0.2.1")

    assert post({**common_fields(f"un-{slug}@example.org"), **KINDS[slug]}).status_code == 302
    second = {**common_fields(f"deux-{slug}@example.org"), **KINDS[slug]}
    response = post(second)
    assert response.status_code == 429
    html = response.content.decode()
    assert "renvoyez dans une heure" in html
    assert_everything_kept(html, second)
    assert not Contribution.objects.filter(email=second["email"]).exists()


@override_settings(CONTRIBUTIONS_RATE_LIMIT_PER_HOUR=2, CAFEIA_TRUSTED_PROXIES=1)
def test_sends_with_mistakes_do_not_use_up_the_rate_limit(client, django_capture_on_commit_callbacks):
    def post(data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/fr/contribuer/temoignage/", data, HTTP_X_FORWARDED_FOR="192.0.2.77").status_code

    fields = common_fields("hesitante@example.org")
    assert [post({**fields, **TESTIMONY, "body": ""}) for _ in range(4)] == [200] * 4
    assert post({**fields, **TESTIMONY}) == 302


def test_no_refusal_ends_on_a_page_without_the_form(client):
    for slug in kinds.KINDS:
        response = client.post(f"/fr/contribuer/{slug}/", {"email": "x@example.org"})
        assert response.status_code == 400
        assert 'class="contribution-form"' in response.content.decode()


def test_a_cafe_keeps_its_hours_as_typed_for_the_resubmission_form(submit):
    data = {
        **common_fields(), "title": "Café IA de Fès", "summary": "Un café ouvert.", "start": "2027-02-10T18:00",
        "end": "2027-02-10T20:00", "mode": "sur-place", "city": "Fès", "country": "MA",
        "organisation": "Médiathèque de Fès", "moderator_contact": "0600000000",
    }
    assert submit("cafe", data).status_code == 302
    stored = Contribution.objects.get(submission_key=data["submission_key"]).data
    assert (stored["start"], stored["end"]) == ("2027-02-10T18:00", "2027-02-10T20:00")

    form = kinds.KINDS["cafe"].form(initial=stored, editing=True, language_code="fr")
    assert 'value="2027-02-10T18:00"' in str(form["start"])
