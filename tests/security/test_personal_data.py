"""Personal data: export and deletion by e-mail, retention purge, and the registry apps plug into."""
import json
from datetime import timedelta
from io import StringIO

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cafeia_site import personal_data
from tests.factories import HomePageFactory

pytestmark = pytest.mark.django_db


def _run(*args):
    out = StringIO()
    call_command(*args, stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def person():
    user = get_user_model().objects.create_user("amina", "Amina@Example.org", "mot-de-passe-amina-4", first_name="Amina")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def test_export_lists_the_user_account_found_by_email_case_insensitively(person):
    data = json.loads(_run("export_personal_data", "--email", "amina@example.org"))
    [account] = data["sources"]["auth.users"]
    assert account["username"] == "amina"
    assert account["first_name"] == "Amina"
    assert account["groups"] == ["Editors"]


def test_export_of_an_unknown_address_is_empty():
    data = json.loads(_run("export_personal_data", "--email", "personne@example.org"))
    assert data["sources"]["auth.users"] == []


def test_deletion_removes_the_account_and_keeps_the_pages_it_edited(person):
    page = HomePageFactory(owner=person)
    assert "auth.users: 0 record" not in _run("delete_personal_data", "--email", "amina@example.org", "--dry-run")
    assert get_user_model().objects.filter(pk=person.pk).exists()  # a dry run deletes nothing
    output = _run("delete_personal_data", "--email", "amina@example.org")
    assert "auth.users: 1 deleted" in output
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    page.refresh_from_db()
    assert page.owner is None


def test_registered_apps_are_asked_for_export_deletion_and_purge():
    calls = []
    personal_data.register(
        "test.app",
        exporter=lambda email: [{"email": email}],
        deleter=lambda email: calls.append(("delete", email)) or 2,
        purger=lambda now: calls.append(("purge", now)) or 5,
    )
    try:
        assert json.loads(_run("export_personal_data", "--email", "a@example.org"))["sources"]["test.app"] == [
            {"email": "a@example.org"}
        ]
        assert "test.app: 2 deleted" in _run("delete_personal_data", "--email", "a@example.org")
        assert "test.app: 5 purged" in _run("purge_personal_data")
        assert [c[0] for c in calls] == ["delete", "purge"]
    finally:
        personal_data.unregister("test.app")


def test_daily_purge_removes_old_login_attempts_and_finished_tasks_only():
    now = timezone.now()
    old = AccessAttempt.objects.create(username="x", ip_address="192.0.2.1", failures_since_start=1,
                                       get_data="", post_data="", http_accept="", path_info="/admin/login/")
    AccessAttempt.objects.filter(pk=old.pk).update(attempt_time=now - timedelta(days=45))
    recent = AccessAttempt.objects.create(username="y", ip_address="192.0.2.2", failures_since_start=1,
                                          get_data="", post_data="", http_accept="", path_info="/admin/login/")
    from django.test import override_settings

    from cafeia_site.tasks import send_email_task

    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}):
        done = send_email_task.enqueue(subject="s", body="b", to=["old@example.org"])
        waiting = send_email_task.enqueue(subject="s", body="b", to=["new@example.org"])
    DBTaskResult.objects.filter(pk=done.id).update(status="SUCCESSFUL", finished_at=now - timedelta(days=40))

    output = _run("purge_personal_data")

    assert "axes.login_attempts: 1 purged" in output
    assert "tasks.finished: 1 purged" in output
    assert not AccessAttempt.objects.filter(pk=old.pk).exists()
    assert AccessAttempt.objects.filter(pk=recent.pk).exists()
    assert not DBTaskResult.objects.filter(pk=done.id).exists()
    assert DBTaskResult.objects.filter(pk=waiting.id).exists()  # a queued e-mail is never purged
