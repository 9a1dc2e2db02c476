"""Bad input and abuse: spam, double submits, forged and expired links, hostile uploads."""
import io
import uuid
from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from PIL import Image

from cafeia_site.uploads import clean_document, clean_photo
from contributions import protection
from contributions.models import Contribution, Status
from contributions.tokens import make_token

from .conftest import common_fields, jpeg_with_gps, started_token
from .test_flow import TESTIMONY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]


def test_double_submit_creates_one_contribution(submit):
    data = {**common_fields("double@example.org"), **TESTIMONY}
    assert submit("temoignage", data).status_code == 302
    assert submit("temoignage", data).status_code == 302
    assert Contribution.objects.filter(email="double@example.org").count() == 1
    assert len([m for m in mail.outbox if m.to == ["double@example.org"]]) == 1


@pytest.mark.parametrize("reason", ["honeypot", "too_fast"])
def test_robots_are_refused_and_counted(submit, settings, reason):
    settings.CONTRIBUTIONS_MIN_FILL_SECONDS = 20  # "too fast" however slow the request; common_fields' forms are 30 s old
    before = protection.spam_count(reason)
    data = {**common_fields("robot@example.org"), **TESTIMONY}
    if reason == "honeypot":
        data["website"] = "http://spam.example"
    else:
        data["started"] = started_token(data["submission_key"], seconds_ago=0)
    response = submit("temoignage", data)
    # Refused, but as a form a person can send again: a robot's send and a hurried person's look alike.
    assert response.status_code == 400
    assert 'class="contribution-form"' in response.content.decode()
    assert not Contribution.objects.filter(email="robot@example.org").exists()
    assert protection.spam_count(reason) == before + 1


def test_forged_started_token_is_refused_like_a_too_fast_send(submit):
    before = protection.spam_count("forged")
    response = submit("temoignage", {**common_fields("forge@example.org"), **TESTIMONY, "started": "forged:token"})
    assert response.status_code == 400
    assert not Contribution.objects.filter(email="forge@example.org").exists()
    assert protection.spam_count("forged") == before + 1


def test_a_started_token_carries_one_submission_only(settings):
    settings.CONTRIBUTIONS_MIN_FILL_SECONDS = 20
    key, other = str(uuid.uuid4()), str(uuid.uuid4())
    token = started_token(key)
    assert protection.started_problem(token, key) is None
    assert protection.started_problem(token, other) == "replayed"
    assert protection.started_problem(token, key.upper()) is None  # the same key, spelt otherwise
    assert protection.started_problem(token, "not-a-key") == "forged"
    assert protection.started_problem(started_token(key, seconds_ago=0), key) == "too_fast"
    assert protection.started_problem(token[:-2] + "xx", key) == "forged"


@override_settings(CONTRIBUTIONS_RATE_LIMIT_PER_HOUR=3)
def test_rate_limit_per_ip(submit):
    codes = [submit("temoignage", {**common_fields(f"r{i}@example.org"), **TESTIMONY}).status_code for i in range(5)]
    assert codes == [302, 302, 302, 429, 429]
    assert Contribution.objects.filter(email__startswith="r", email__endswith="@example.org").count() >= 3


@override_settings(CONTRIBUTIONS_RATE_LIMIT_PER_HOUR=2, CAFEIA_TRUSTED_PROXIES=1)
def test_rate_limit_counts_the_visitor_behind_the_proxy_not_what_the_client_claims(client, django_capture_on_commit_callbacks):
    def post(n, forwarded):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/fr/contribuer/temoignage/", {**common_fields(f"p{n}@example.org"), **TESTIMONY},
                               HTTP_X_FORWARDED_FOR=forwarded).status_code

    # The proxy appends the real address; anything further left was written by the client.
    assert [post(i, f"198.51.100.{i}, 203.0.113.7") for i in range(3)] == [302, 302, 429]
    assert post(3, "203.0.113.8") == 302  # another visitor has a limit of their own


def test_invalid_form_keeps_what_was_typed_and_says_what_to_fix(client, submit):
    response = submit("temoignage", {**common_fields("x@example.org"), "person_name": "<b>Jo</b>", "role": "", "body": "Mon texte"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Mon texte" in html and "&lt;b&gt;Jo&lt;/b&gt;" in html
    assert 'class="errorlist"' in html
    assert "<b>Jo</b>" not in html


def test_hostile_text_is_stored_as_text_and_never_rendered_as_markup(client, submit, confirm, moderators, django_capture_on_commit_callbacks):
    from .conftest import act

    payload = '<script>alert(1)</script> يا سلام 😀 ' + "x" * 80
    data = {**common_fields("xss@example.org"), **TESTIMONY, "body": payload}
    submit("temoignage", data)
    confirm(mail.outbox[-1])
    contribution = Contribution.objects.get(email="xss@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        act(contribution.page, moderators["FR"], "approve")
    html = client.get(contribution.page.specific.url).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "يا سلام 😀" in html


@pytest.mark.parametrize("token", ["nope", "a" * 300, "eyJ0ZXN0Ijp0cnVlfQ:forged:sig"])
def test_forged_tokens_get_a_clear_page(client, token):
    for path in (f"/fr/contribuer/confirmer/{token}/", f"/fr/contribuer/suivi/{token}/"):
        response = client.get(path)
        assert response.status_code == 404
        assert "Lien invalide" in response.content.decode()


def test_expired_confirmation_link_gets_a_clear_page(client, submit, time_machine=None):
    submit("temoignage", {**common_fields("late@example.org"), **TESTIMONY})
    contribution = Contribution.objects.get(email="late@example.org")
    from django.core import signing

    token = signing.TimestampSigner(salt="contributions.confirm").sign_object(str(contribution.public_id))
    # A token signed eight days ago:
    import time as _time

    old = signing.TimestampSigner(salt="contributions.confirm")
    old.timestamp = lambda: signing.b62_encode(int(_time.time() - 8 * 86400))
    token = old.sign_object(str(contribution.public_id))
    response = client.post(f"/fr/contribuer/confirmer/{token}/")
    assert response.status_code == 410
    assert "Lien expiré" in response.content.decode()
    contribution.refresh_from_db()
    assert contribution.status == Status.AWAITING_CONFIRMATION


def test_confirming_twice_changes_nothing(client, submit, confirm):
    submit("temoignage", {**common_fields("twice@example.org"), **TESTIMONY})
    message = mail.outbox[-1]
    confirm(message)
    contribution = Contribution.objects.get(email="twice@example.org")
    page_id = contribution.page_id
    confirm(message)
    contribution.refresh_from_db()
    assert contribution.page_id == page_id
    assert contribution.events.filter(action="confirmed").count() == 1


def test_workflow_without_active_task_refuses_to_start(client, submit):
    from contributions.models import ContributionModerationTask

    ContributionModerationTask.objects.update(active=False)
    submit("temoignage", {**common_fields("nobody@example.org"), **TESTIMONY})
    contribution = Contribution.objects.get(email="nobody@example.org")
    response = client.post(f"/fr/contribuer/confirmer/{make_token(contribution.public_id, 'confirm')}/")
    assert response.status_code == 503
    contribution.refresh_from_db()
    assert contribution.status == Status.AWAITING_CONFIRMATION and contribution.page is None


def test_photos_lose_their_gps_and_camera_metadata():
    original = jpeg_with_gps()
    assert 0x8825 in Image.open(io.BytesIO(original.read())).getexif()  # the GPS block is really there
    original.seek(0)
    cleaned = clean_photo(original)
    image = Image.open(io.BytesIO(cleaned.content.read()))
    assert dict(image.getexif()) == {}
    assert cleaned.content_type == "image/jpeg"


@pytest.mark.parametrize("name,content", [
    ("evil.pdf", b"MZ\x90\x00" + b"\x00" * 100),
    ("fake.pdf", b"PK\x03\x04" + b"\x00" * 100),
    ("script.pdf", b"#!/bin/sh\nrm -rf /\n"),
    ("notes.docx", b"%PDF-1.7 but named docx"),
])
def test_disguised_documents_are_refused(name, content):
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile

    with pytest.raises(ValidationError):
        clean_document(SimpleUploadedFile(name, content))


def test_oversized_photo_is_refused_with_a_message(submit):
    from django.core.files.uploadedfile import SimpleUploadedFile

    big = SimpleUploadedFile("big.jpg", b"\xff\xd8\xff" + b"0" * (10 * 1024 * 1024 + 10), content_type="image/jpeg")
    data = {**common_fields("big@example.org"), **TESTIMONY, "photo_1_alt": "x", "photo_1_consent": "on"}
    response = submit("temoignage", data, files={"photo_1": big})
    assert response.status_code == 200
    assert "10 Mo" in response.content.decode()
    assert not Contribution.objects.filter(email="big@example.org").exists()


def test_unconfirmed_contributions_are_purged_after_seven_days(submit):
    from django.utils import timezone

    from contributions.services import contribution_purge

    submit("temoignage", {**common_fields("old@example.org"), **TESTIMONY})
    Contribution.objects.filter(email="old@example.org").update(created_at=timezone.now() - timedelta(days=8))
    submit("temoignage", {**common_fields("new@example.org"), **TESTIMONY})
    counts = contribution_purge()
    assert counts["unconfirmed"] >= 1
    assert not Contribution.objects.filter(email="old@example.org").exists()
    assert Contribution.objects.filter(email="new@example.org").exists()
