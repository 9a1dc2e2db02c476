"""The task worker survives a database outage: for ~15 s its sessions are killed again and again, first
while it works (it reconnects, and is cut again), then with every new session refused; afterwards the
queued e-mails all go out and the worker process is still the same one.

The real `run_worker` runs as a subprocess against the test database (PostgreSQL only: SQLite has
no server whose sessions can be cut). E-mails are enqueued from this process through a second
connection, outside the test's transaction, so the worker sees them; the file e-mail backend
records what it sends.
"""
import contextlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db import connection, connections
from django.test import override_settings

REPO = Path(__file__).resolve().parents[2]
DB_TASKS = {"default": {"BACKEND": "django_tasks_db.backend.DatabaseBackend"}}
QUEUED_BEFORE, QUEUED_FLAPPING, QUEUED_DOWN = 10, 30, 20
FLAPPING_SECONDS, DOWN_SECONDS = 8, 7  # ~15 s of outage in all
MAX_BACKOFF = 5  # production's default is 30 s; shorter here so the test does not wait for nothing
WORKER_APPLICATION_NAME = "cafeia-worker-fault-test"  # names the worker's sessions (libpq's PGAPPNAME), to cut only those


def _database_url(settings_dict) -> str:
    user = settings_dict.get("USER") or ""
    password = f":{settings_dict['PASSWORD']}" if settings_dict.get("PASSWORD") else ""
    host = settings_dict.get("HOST") or "127.0.0.1"
    port = settings_dict.get("PORT") or 5432
    return f"postgres://{user}{password}@{host}:{port}/{settings_dict['NAME']}"


def _admin_connection(settings_dict):
    """A session on the maintenance database, to cut and refuse the test database's sessions."""
    import psycopg

    return psycopg.connect(
        host=settings_dict.get("HOST") or "127.0.0.1", port=settings_dict.get("PORT") or 5432,
        user=settings_dict.get("USER") or None, password=settings_dict.get("PASSWORD") or None,
        dbname="postgres", autocommit=True,
    )


def _sent(maildir: Path) -> list[str]:
    """Recipients of the messages the worker handed to the (file) e-mail backend."""
    return [m for path in maildir.glob("*.log") for m in re.findall(r"^To: (\S+)$", path.read_text(), re.M)]


def _wait_for(condition, timeout: float, step: float = 0.2) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


@contextlib.contextmanager
def committed(wrapper):
    """The ORM on `wrapper`, a session of its own in autocommit: what it writes, the worker sees."""
    test_connection = connections["default"]
    connections["default"] = wrapper
    try:
        yield
    finally:
        connections["default"] = test_connection


@pytest.fixture
def worker(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL (CI runs it): SQLite has no server sessions to cut under the worker")
    from psycopg import sql

    maildir = tmp_path / "mail"
    maildir.mkdir()
    log_path = tmp_path / "worker.log"
    settings_dict = connection.settings_dict
    env = {
        **os.environ, "PYTHONUNBUFFERED": "1", "DJANGO_SETTINGS_MODULE": "tests.faults.worker_settings",
        "DATABASE_URL": _database_url(settings_dict), "EMAIL_FILE_PATH": str(maildir), "PGAPPNAME": WORKER_APPLICATION_NAME,
    }
    admin = _admin_connection(settings_dict)
    allow = sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(sql.Identifier(settings_dict["NAME"]))
    own = connections["default"].__class__({**settings_dict, "CONN_MAX_AGE": None}, alias="default")
    task_ids: list[str] = []
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            [sys.executable, "manage.py", "run_worker", "--no-startup-delay", "--interval", "0.2",
             "--max-backoff", str(MAX_BACKOFF)],
            cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT,
        )
        try:
            with override_settings(TASKS=DB_TASKS):
                yield {"proc": proc, "maildir": maildir, "log": log_path, "admin": admin, "name": settings_dict["NAME"],
                       "task_ids": task_ids, "own": own}
        finally:
            admin.execute(allow)
            admin.close()
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
                try:
                    proc.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    proc.kill()
            from django_tasks_db.models import DBTaskResult

            with committed(own):
                DBTaskResult.objects.filter(pk__in=task_ids).delete()  # committed rows: leave the database as found
            own.close()


def _enqueue(worker, first: int, count: int) -> None:
    from cafeia_site.tasks import send_email_task

    with committed(worker["own"]):
        for n in range(first, first + count):
            result = send_email_task.enqueue(subject=f"Confirmez votre contribution {n}", body="Merci !",
                                             to=[f"personne{n}@example.org"])
            worker["task_ids"].append(result.id)


def _cut_worker_sessions(worker) -> int:
    rows = worker["admin"].execute(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND application_name = %s",
        [worker["name"], WORKER_APPLICATION_NAME],
    ).fetchall()
    return sum(1 for (done,) in rows if done)


@pytest.mark.django_db
def test_queued_emails_all_go_out_after_a_database_outage_and_the_worker_lives_on(worker):
    from psycopg import sql

    maildir, proc = worker["maildir"], worker["proc"]
    total = QUEUED_BEFORE + QUEUED_FLAPPING + QUEUED_DOWN
    recipients = [f"personne{n}@example.org" for n in range(total)]

    _enqueue(worker, 0, QUEUED_BEFORE)
    assert _wait_for(lambda: len(_sent(maildir)) == QUEUED_BEFORE, timeout=60), worker["log"].read_text()[-3000:]

    # First the worker's sessions are cut every 0.2 s while it has work: it reconnects and is cut again.
    began = time.monotonic()
    _enqueue(worker, QUEUED_BEFORE, QUEUED_FLAPPING)
    kills = 0
    while time.monotonic() - began < FLAPPING_SECONDS:
        kills += _cut_worker_sessions(worker)
        time.sleep(0.2)
    # Then the database refuses every new session. This test's own session was opened before: it stays,
    # and enqueues while the worker cannot reach its queue.
    worker["admin"].execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS false").format(sql.Identifier(worker["name"])))
    down = time.monotonic()
    kills += _cut_worker_sessions(worker)
    _enqueue(worker, QUEUED_BEFORE + QUEUED_FLAPPING, QUEUED_DOWN)
    while time.monotonic() - down < DOWN_SECONDS:
        kills += _cut_worker_sessions(worker)
        time.sleep(0.5)
    sent_while_down = set(_sent(maildir)) & set(recipients[QUEUED_BEFORE + QUEUED_FLAPPING:])
    worker["admin"].execute(sql.SQL("ALTER DATABASE {} WITH ALLOW_CONNECTIONS true").format(sql.Identifier(worker["name"])))
    outage = time.monotonic() - began
    back = time.monotonic()

    assert _wait_for(lambda: set(_sent(maildir)) >= set(recipients), timeout=90), worker["log"].read_text()[-3000:]
    caught_up = time.monotonic() - back
    sent = _sent(maildir)
    log = worker["log"].read_text()
    restarts = log.count("Database connection lost")
    requeued = log.count("queued again")
    print(f"\n{total} e-mails queued ({QUEUED_FLAPPING} while the sessions were cut, {QUEUED_DOWN} while the database "
          f"refused them), {len(sent)} sent ({len(sent) - len(set(sent))} twice); outage {outage:.1f} s; "
          f"{kills} worker sessions killed; {restarts} worker restarts; {requeued} interrupted tasks queued again; "
          f"all sent {caught_up:.1f} s after the database came back")

    assert proc.poll() is None, log[-3000:]  # the same process, still running
    # Every one went out. (One interrupted in the middle may go twice: queued again rather than lost.)
    assert set(sent) == set(recipients)
    assert sent_while_down == set()  # the outage was real: the worker could not reach its queue
    assert kills >= 2 and restarts >= 2
    assert "reachable again" in log

    from django_tasks_db.models import DBTaskResult

    with committed(worker["own"]):
        statuses = set(DBTaskResult.objects.filter(pk__in=worker["task_ids"]).values_list("status", flat=True))
    assert statuses == {"SUCCESSFUL"}


# --- the pieces, on any database -----------------------------------------------------------------
def test_waits_double_up_to_the_ceiling():
    from itertools import islice

    from cafeia_site.management.commands.run_worker import backoff

    assert list(islice(backoff(1.0, 30.0), 7)) == [1, 2, 4, 8, 16, 30, 30]


def _claimed_task():
    from django_tasks_db.models import DBTaskResult

    from cafeia_site.tasks import send_email_task

    with override_settings(TASKS=DB_TASKS):
        result = send_email_task.enqueue(subject="Confirmez", body="…", to=["x@example.org"])
    row = DBTaskResult.objects.get(pk=result.id)
    row.claim("worker-under-test")
    return row


def _lost_while(step):
    """The error the worker loop meets when the database goes during `step` (the library's own calls)."""
    from django.db import OperationalError

    from .test_database_outage import database_unreachable

    with database_unreachable():
        try:
            step()
        except OperationalError as exc:
            return exc
    raise AssertionError("the database was reachable")


@pytest.mark.django_db
def test_a_task_that_had_run_when_the_connection_went_is_recorded_as_done_not_run_again():
    from cafeia_site.management.commands.run_worker import RunningTask

    row = _claimed_task()

    def record_success():  # what db_worker's run_task does once the task has returned
        try:
            row.set_successful(1)
        except BaseException as exc:
            row.set_failed(exc)

    running = RunningTask()
    running.task_id = row.id
    running.interrupted(_lost_while(record_success))
    running.settle()
    row.refresh_from_db()
    assert row.status == "SUCCESSFUL"


@pytest.mark.django_db
def test_a_task_cut_in_the_middle_is_queued_again():
    import smtplib

    from cafeia_site.management.commands.run_worker import RunningTask

    row = _claimed_task()

    def task_fails_then_recording_fails():
        try:
            raise smtplib.SMTPServerDisconnected("gone")
        except BaseException as exc:
            row.set_failed(exc)

    running = RunningTask()
    running.task_id = row.id
    running.interrupted(_lost_while(task_fails_then_recording_fails))
    running.settle()
    row.refresh_from_db()
    assert row.status == "READY"
