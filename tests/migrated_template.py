"""A migrated SQLite test database kept as a template (a pytest plugin): a fresh database is a file copy, not
~30 s of migrations.

The template sits next to the test database (`test-db.sqlite3.migrated-<key>`); its key is a hash of every
migration file Django would run, so a new or edited migration makes a new template. A session that needs a
fresh database (no `--reuse-db`, or `--create-db`) copies the template over the test database and lets
pytest-django keep it (its migrate then finds nothing to do). PostgreSQL is left to pytest-django.
Set CAFEIA_DB_TEMPLATE=0 to migrate from scratch.
"""
import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

_state: dict[str, object] = {}


def _test_database_path() -> Path | None:
    from django.conf import settings

    database = settings.DATABASES["default"]
    if not database["ENGINE"].endswith("sqlite3") or os.environ.get("CAFEIA_DB_TEMPLATE") == "0":
        return None
    name = (database.get("TEST") or {}).get("NAME")
    if not name or str(name).startswith(":memory:") or "mode=memory" in str(name):
        return None
    return Path(name)


def _migrations_key() -> str:
    """A hash of every app's migration files (read as files: some migrations query the database on import)."""
    from django.apps import apps

    digest = hashlib.sha256()
    for app in sorted(apps.get_app_configs(), key=lambda a: a.label):
        for source in sorted((Path(app.path) / "migrations").glob("*.py")):
            digest.update(f"{app.label}/{source.name}".encode())
            digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


def _copy(source: Path, target: Path) -> None:
    """SQLite's online backup: a consistent copy even of a database another connection holds open."""
    target.unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


@pytest.fixture(scope="session")
def _migrated_template(request) -> bool:
    """True when the test database has just been copied from the template (so pytest-django must keep it)."""
    if "used" in _state:
        return bool(_state["used"])
    path = _test_database_path()
    fresh = not request.config.getvalue("reuse_db") or request.config.getvalue("create_db") or (path and not path.exists())
    _state["used"] = False
    if path is None or request.config.getvalue("nomigrations") or not fresh:
        return False
    template = path.with_name(f"{path.name}.migrated-{_migrations_key()}")
    _state["template"] = template
    for stale in path.parent.glob(f"{path.name}.migrated-*"):
        if stale != template:
            stale.unlink(missing_ok=True)
    if template.exists():
        _copy(template, path)
        _state["used"] = True
    return bool(_state["used"])


@pytest.fixture(scope="session")
def django_db_keepdb(request, _migrated_template) -> bool:
    return bool(request.config.getvalue("reuse_db")) or _migrated_template


@pytest.fixture(scope="session")
def django_db_createdb(request, _migrated_template) -> bool:
    return bool(request.config.getvalue("create_db")) and not _migrated_template


def save_template() -> None:
    """Called right after pytest-django migrated a new test database, before any test writes to it."""
    template = _state.get("template")
    path = _test_database_path()
    if template is None or _state.get("used") or path is None or not path.exists():
        return
    from django.db import connections

    connections["default"].close()
    _copy(path, template)
    _state["used"] = True
