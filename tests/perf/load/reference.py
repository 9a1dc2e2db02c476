"""The reference of every ratio in `make bench` (issue 19): a vanilla Wagtail site served the same way.

`wagtail start benchref` in a temporary directory, its home page template reduced to the page title in
minimal HTML (no static files), PostgreSQL database `cafeia_bench_vanilla`, gunicorn with the same
binary and worker count. Measuring it in the same run as the site makes the ratios independent of the
machine and of the other load on it. The X-Queries middleware is copied into the project so that the
bench can report its query count too.
"""
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.request import urlopen

from . import run

DB_NAME = "cafeia_bench_vanilla"
PROJECT = "benchref"
TEMPLATE = (
    "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{{ page.title }}</title></head>"
    "<body><h1>{{ page.title }}</h1></body></html>\n"
)
SETTINGS = f'''"""Benchmark override: production-like, PostgreSQL, X-Queries header."""
from .base import *  # noqa: F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1"]
SECRET_KEY = "benchmark-only-" + "v" * 50
DATABASES = {{"default": {{
    "ENGINE": "django.db.backends.postgresql", "NAME": "{DB_NAME}",
    "USER": "postgres", "HOST": "127.0.0.1", "PORT": "5432",
}}}}
MIDDLEWARE = ["{PROJECT}.querycount.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
'''


def _wait(url: str, proc: subprocess.Popen) -> None:
    for _ in range(150):
        if proc.poll() is not None:
            raise RuntimeError(f"vanilla gunicorn exited with {proc.returncode}")
        try:
            with urlopen(url, timeout=2) as response:  # noqa: S310 (loopback)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("vanilla gunicorn did not start")


@contextmanager
def vanilla_wagtail(workers: int = run.WORKERS) -> Iterator[str]:
    """Builds, migrates and serves a fresh `wagtail start` project; yields its base URL, then stops it."""
    bin_dir = Path(run.PYTHON).parent
    tmp = tempfile.mkdtemp(prefix="cafeia-bench-vanilla-")
    project = Path(tmp) / PROJECT
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "PYTHONPATH")}
    env["DJANGO_SETTINGS_MODULE"] = f"{PROJECT}.settings.bench"
    proc = None
    try:
        subprocess.run([str(bin_dir / "wagtail"), "start", PROJECT], cwd=tmp, check=True, capture_output=True)
        (project / PROJECT / "settings" / "bench.py").write_text(SETTINGS)
        shutil.copy(Path(__file__).with_name("middleware.py"), project / PROJECT / "querycount.py")
        (project / "home" / "templates" / "home" / "home_page.html").write_text(TEMPLATE)
        run._psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        run._psql(f"CREATE DATABASE {DB_NAME}")
        subprocess.run([run.PYTHON, "manage.py", "migrate", "--noinput"], cwd=project, env=env, check=True,
                       capture_output=True)
        port = run._free_port()
        proc = subprocess.Popen(
            [str(bin_dir / "gunicorn"), f"{PROJECT}.wsgi", "--workers", str(workers),
             "--bind", f"127.0.0.1:{port}", "--backlog", "256", "--log-level", "warning"],
            cwd=project, env=env,
        )
        base = f"http://127.0.0.1:{port}"
        _wait(f"{base}/", proc)
        yield base
    finally:
        if proc is not None and proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        run._psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        shutil.rmtree(tmp, ignore_errors=True)
