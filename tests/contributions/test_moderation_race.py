"""The same form posted twice at the same instant, by two threads on two real connections: one contribution, no error.

Runs on the suite's database (SQLite by default, PostgreSQL with DATABASE_URL). The two requests commit for real
on their own connections, as two workers would; the test's own connection never touches the database while they
run, and what they wrote is read and deleted by a third connection afterwards.

On the demo: the two requests see only what is committed, and the demo is the one tree committed for the session
(a tree built in the test's transaction is invisible to them). Not `django_db(transaction=True)`: a transactional
test empties every table when it ends, the demo the later tests read included.
"""
import threading
import uuid

import pytest
from django.core import mail
from django.db import connection
from django.test import Client, override_settings

from cafeia_site.models import Counter
from contributions import protection
from contributions.models import Contribution, ContributionEvent

from .conftest import common_fields, started_token
from .test_flow import TESTIMONY

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

RACE_ADDRESS = "203.0.113.77"  # its own rate-limit counter, deleted afterwards
TIMEOUT = 20


def _in_thread(target, *args):
    """Runs `target` on a thread of its own, hence on a database connection of its own, closed afterwards."""
    outcome = {}

    def run():
        try:
            outcome["value"] = target(*args)
        except BaseException as exc:  # reported in the test's thread
            outcome["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    return thread, outcome


def _join(*pairs):
    results = []
    for thread, outcome in pairs:
        thread.join(TIMEOUT)
        assert not thread.is_alive(), "a request never finished"
        if "error" in outcome:
            raise outcome["error"]
        results.append(outcome["value"])
    return results


def _post(data):
    client = Client(raise_request_exception=False, REMOTE_ADDR=RACE_ADDRESS)
    return client.post("/fr/contribuer/temoignage/", data).status_code


def _read_then_delete(keys):
    """From a third connection: what the two requests committed, then the database as it was."""
    rows = {
        str(key): (
            Contribution.objects.filter(submission_key=key).count(),
            ContributionEvent.objects.filter(contribution__submission_key=key, action="submitted").count(),
        )
        for key in keys
    }
    Contribution.objects.filter(submission_key__in=keys).delete()
    Counter.objects.filter(name=protection._ip_key(RACE_ADDRESS)).delete()
    return rows


def _form(email, key):
    return {**common_fields(email), **TESTIMONY, "submission_key": str(key), "started": started_token(key)}


@override_settings(CONTRIBUTIONS_RATE_LIMIT_PER_HOUR=1000)
def test_the_second_of_two_identical_posts_finds_the_first_even_when_it_commits_in_between():
    """The interleaving that gave a 500: B looks for the key, A saves it, then B goes on."""
    key = uuid.uuid4()
    data = _form("race-exact@example.org", key)
    b_looked, a_done = threading.Event(), threading.Event()

    def pause_after_looking(execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if not b_looked.is_set() and sql.lstrip().upper().startswith("SELECT") and "contributions_contribution" in sql:
            b_looked.set()
            a_done.wait(TIMEOUT)
        return result

    def second():
        with connection.execute_wrapper(pause_after_looking):
            return _post(data)

    def first():
        assert b_looked.wait(TIMEOUT)
        try:
            return _post(data)
        finally:
            a_done.set()

    try:
        statuses = _join(_in_thread(second), _in_thread(first))
    finally:
        rows = _join(_in_thread(_read_then_delete, [key]))[0]
    assert statuses == [302, 302]
    assert rows == {str(key): (1, 1)}
    assert [m.to for m in mail.outbox] == [["race-exact@example.org"]]


@override_settings(CONTRIBUTIONS_RATE_LIMIT_PER_HOUR=1000)
def test_identical_posts_released_at_the_same_instant_make_one_contribution_each_time():
    rounds = [uuid.uuid4() for _ in range(8)]
    statuses = []
    try:
        for n, key in enumerate(rounds):
            data = _form(f"race-{n}@example.org", key)
            start = threading.Barrier(2, timeout=TIMEOUT)

            def post_together(data=data, start=start):
                start.wait()
                return _post(data)

            statuses += _join(_in_thread(post_together), _in_thread(post_together))
    finally:
        rows = _join(_in_thread(_read_then_delete, rounds))[0]
    assert statuses == [302] * 2 * len(rounds)
    assert rows == {str(key): (1, 1) for key in rounds}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(f"race-{n}@example.org" for n in range(len(rounds)))
