"""Personal data, app by app: a registry the export, deletion and purge commands walk.

Each app that stores personal data registers, in its AppConfig.ready() (or at import of a
module loaded at startup):

    from cafeia_site import personal_data
    personal_data.register(
        "contributions",
        exporter=lambda email: [...],        # JSON-serialisable records about this address
        deleter=lambda email: 3,             # deletes or anonymises them, returns how many (or a Deleted)
        purger=lambda now: 12,               # optional: applies the retention period, returns how many
    )

`manage.py export_personal_data --email X`, `delete_personal_data --email X` and the daily
`purge_personal_data` call every registered function. Only Django users (by e-mail) and the
generic records of this project (login attempts, finished e-mail tasks) are registered here.
"""
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.contrib.auth import get_user_model
from django_tasks_db.models import DBTaskResult

from .counters import purge_expired


@dataclass(frozen=True)
class Source:
    label: str
    exporter: Callable[[str], list] | None
    deleter: Callable[[str], int] | None
    purger: Callable[[datetime], int] | None


@dataclass(frozen=True)
class Deleted:
    """What a deleter did: how many records, and what the person asking should know (what stays, what changed)."""

    count: int
    note: str = ""


_registry: dict[str, Source] = {}


def register(label: str, exporter=None, deleter=None, purger=None) -> None:
    """Register (or replace) the personal data of one app under `label`."""
    _registry[label] = Source(label, exporter, deleter, purger)


def unregister(label: str) -> None:
    _registry.pop(label, None)


def sources() -> list[Source]:
    return [_registry[label] for label in sorted(_registry)]


def normalise_email(email: str) -> str:
    return email.strip()


def export(email: str) -> dict[str, list]:
    email = normalise_email(email)
    return {s.label: list(s.exporter(email)) for s in sources() if s.exporter}


def delete(email: str) -> dict[str, Deleted]:
    email = normalise_email(email)
    return {s.label: _deleted(s.deleter(email)) for s in sources() if s.deleter}


def _deleted(result) -> Deleted:
    return result if isinstance(result, Deleted) else Deleted(int(result))


def purge(now: datetime) -> dict[str, int]:
    return {s.label: int(s.purger(now)) for s in sources() if s.purger}


def retention(key: str) -> timedelta:
    """A retention period of settings.CAFEIA_RETENTION_DAYS (one place for all of them)."""
    return timedelta(days=settings.CAFEIA_RETENTION_DAYS[key])


# --- What this project stores itself --------------------------------------------------


def _users(email):
    return get_user_model().objects.filter(email__iexact=email)


def export_users(email: str) -> list[dict]:
    return [
        {
            "username": u.get_username(),
            "email": u.email,
            "first_name": u.first_name,
            "last_name": u.last_name,
            "date_joined": u.date_joined.isoformat(),
            "last_login": u.last_login.isoformat() if u.last_login else None,
            "is_active": u.is_active,
            "groups": sorted(g.name for g in u.groups.all()),
        }
        for u in _users(email).prefetch_related("groups")
    ]


def delete_users(email: str) -> int:
    # Pages and revisions keep their content; Wagtail sets their owner to NULL.
    users = _users(email)
    count = users.count()
    users.delete()
    return count


def purge_login_attempts(now: datetime) -> int:
    """django-axes keeps usernames and IP addresses of failed logins; keep them 30 days."""
    cutoff = now - retention("login_attempts")
    total = 0
    total += AccessAttempt.objects.filter(attempt_time__lt=cutoff).delete()[0]
    total += AccessLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    total += AccessFailureLog.objects.filter(attempt_time__lt=cutoff).delete()[0]
    return total


def purge_finished_tasks(now: datetime) -> int:
    """Finished task results keep e-mail recipients and bodies in their arguments."""
    cutoff = now - retention("finished_tasks")
    return DBTaskResult.objects.finished().filter(finished_at__lt=cutoff).delete()[0]


def register_defaults() -> None:
    register("auth.users", exporter=export_users, deleter=delete_users)
    register("axes.login_attempts", purger=purge_login_attempts)
    register("tasks.finished", purger=purge_finished_tasks)
    register("counters.expired", purger=purge_expired)
