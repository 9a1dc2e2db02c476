"""Helpers for driving contributions as a contributor and a moderator would, and the moderated minimal tree they use."""
import io
import re
import time
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from PIL import Image

from contributions import protection
from contributions.models import Contribution

from . import factories

LINK = re.compile(r"https?://[^\s]+/(?:confirmer|suivi)/[^\s/]+/")


def started_token(submission_key, seconds_ago=30):
    """The token of a form shown `seconds_ago`, for that submission only."""
    return protection.form_started_token(submission_key, started=time.time() - seconds_ago)


def common_fields(email="contributrice@example.org"):
    key = str(uuid.uuid4())
    return {"email": email, "consent": "on", "website": "", "started": started_token(key), "submission_key": key}


def links_in(message):
    return LINK.findall(message.body)


def jpeg_with_gps():
    image = Image.new("RGB", (64, 48), (200, 120, 40))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    exif[0x8825] = {2: (48.0, 51.0, 24.0), 4: (2.0, 21.0, 3.0)}  # GPSInfo
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile("photo.jpg", out.getvalue(), content_type="image/jpeg")


@pytest.fixture
def submit(client, django_capture_on_commit_callbacks):
    """POSTs a public form and returns the response; e-mails after commit land in mail.outbox."""

    def _submit(slug, data, language="fr", files=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/{language}/contribuer/{slug}/", {**data, **(files or {})})

    return _submit


@pytest.fixture
def confirm(client, django_capture_on_commit_callbacks):
    def _confirm(message):
        url = next(link for link in links_in(message) if "/confirmer/" in link)
        path = url.split("testserver", 1)[1]
        assert client.get(path).status_code == 200
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(path)
        assert response.status_code == 200, response.content[:500]
        return response

    return _confirm


@pytest.fixture
def moderators():
    User = get_user_model()
    national = User.objects.create_user("modo-fr", password="x", is_staff=True)
    national.groups.add(Group.objects.get(name="Modérateurs"))
    maroc = User.objects.create_user("modo-ma", password="x", is_staff=True)
    maroc.groups.add(Group.objects.get(name="Modérateurs Maroc"))
    return {"FR": national, "MA": maroc}


def act(page, user, action, comment="", capture=None):
    """What the moderator's button in the Wagtail editor does."""
    page = page.specific
    state = page.current_workflow_state
    task_state = state.current_task_state
    task = task_state.task.specific
    names = [name for name, _label, _modal in task.get_actions(page, user)]
    assert action in names, f"{user} cannot {action}: {names}"
    task.on_action(task_state.specific, user, action, comment=comment)


@pytest.fixture
def outbox():
    mail.outbox = []
    return mail.outbox


@pytest.fixture
def moderation_tree(db) -> factories.ModerationTree:
    """The minimal tree moderated as the demo is, with the demo's accounts (factories.moderation_tree), for this test."""
    return factories.moderation_tree()


def _for_the_module(django_db_blocker, **options):
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield factories.moderation_tree(**options)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def module_moderation_tree(django_db_setup, django_db_blocker) -> factories.ModerationTree:
    """The same, once for a whole module, rolled back after its last test (each test still rolls back its own
    changes inside it). Not for modules with `transaction=True` tests."""
    yield from _for_the_module(django_db_blocker)


@pytest.fixture(scope="module")
def module_moderation_queue(django_db_setup, django_db_blocker) -> factories.ModerationTree:
    """The module's moderated tree with the demo's pending contributions in its queue (factories.pending_contributions)."""
    yield from _for_the_module(django_db_blocker, pending=True)


@pytest.fixture
def pending(module_moderation_queue):
    """The queue's pending contribution sent from this address, as it is now (factories.pending_contributions)."""

    def _pending(email) -> Contribution:
        return Contribution.objects.get(pk=module_moderation_queue.pending[email].pk)

    return _pending
