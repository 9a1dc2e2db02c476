"""SMTP server unavailable: e-mails stay queued in the task table and go out when it returns."""
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cafeia_site.tasks import queue_email, send_email_task

from .smtp_sink import SMTPSink, closed_port

pytestmark = pytest.mark.django_db

DB_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}


def smtp_settings(port):
    return override_settings(
        TASKS=DB_TASKS,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
        CAFEIA_EMAIL_RETRY_DELAYS=[60, 300],
    )


@pytest.fixture(autouse=True)
def _worker_keeps_the_test_transaction(monkeypatch):
    # The worker closes "obsolete" connections between tasks; inside a test's transaction
    # that would close it. Django's own test client disconnects the same call for requests.
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--interval", "0", verbosity=0)


def time_passes():
    """Make every deferred retry due now (the worker would otherwise wait for its run_after)."""
    DBTaskResult.objects.filter(status="READY").update(run_after=timezone.now() - timedelta(seconds=1))


def test_messages_survive_an_smtp_outage_and_go_out_when_it_returns(django_capture_on_commit_callbacks):
    port = closed_port()
    with smtp_settings(port):
        with django_capture_on_commit_callbacks(execute=True):
            for n in range(3):
                queue_email(subject=f"Confirmation {n}", body="Merci !", to=[f"personne{n}@example.org"])
        assert DBTaskResult.objects.filter(status="READY").count() == 3

        run_worker()  # SMTP down: every attempt fails, every message is queued again
        assert DBTaskResult.objects.filter(status="FAILED").count() == 3
        pending = DBTaskResult.objects.filter(status="READY")
        assert pending.count() == 3
        assert all(r.run_after > timezone.now() for r in pending)  # deferred, not hammering the server
        assert {r.args_kwargs["kwargs"]["attempt"] for r in pending} == {2}

        with SMTPSink(port) as sink:
            time_passes()
            run_worker()
            recipients = sorted(m["to"][0] for m in sink.messages)

    assert recipients == ["<personne0@example.org>", "<personne1@example.org>", "<personne2@example.org>"]
    assert DBTaskResult.objects.filter(status="SUCCESSFUL").count() == 3
    assert not DBTaskResult.objects.filter(status="READY").exists()
    assert b"Subject: Confirmation 0" in next(m["data"] for m in sink.messages if "personne0" in m["to"][0])


def test_a_message_is_given_up_only_after_every_retry_and_stays_recorded():
    with smtp_settings(closed_port()):
        send_email_task.enqueue(subject="Bonjour", body="…", to=["x@example.org"])
        for _ in range(3):  # first attempt + 2 retries
            run_worker()
            time_passes()
        results = DBTaskResult.objects.filter(task_path="cafeia_site.tasks.send_email_task")
        assert results.filter(status="FAILED").count() == 3
        assert not results.filter(status="READY").exists()
        last = results.order_by("-enqueued_at").first()
        assert last.args_kwargs["kwargs"]["attempt"] == 3
        assert last.args_kwargs["kwargs"]["to"] == ["x@example.org"]  # still there, for a manual resend


def test_nothing_is_queued_for_a_rolled_back_write(django_capture_on_commit_callbacks):
    with override_settings(TASKS=DB_TASKS):
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            queue_email(subject="Jamais", body="…", to=["y@example.org"])
        # The transaction did not commit: the callback never ran, no task exists.
        assert len(callbacks) == 1
        assert not DBTaskResult.objects.exists()


def test_with_the_immediate_backend_the_message_is_sent_at_once(mailoutbox):
    send_email_task.enqueue(subject="Tout de suite", body="…", to=["z@example.org"])
    assert [m.subject for m in mailoutbox] == ["Tout de suite"]
