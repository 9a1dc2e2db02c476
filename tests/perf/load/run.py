"""The load benchmark, step by step: database with volume, static files, gunicorn, wrk, contribution load.

Everything runs on 127.0.0.1: PostgreSQL (database `cafeia_bench`, built once, reused until
BENCH_REBUILD=1), gunicorn with 2 sync workers and production settings, and wrk in another process.
"""
import gzip
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.request import Request, urlopen

REPO = Path(__file__).resolve().parents[3]
PYTHON = sys.executable
DB_NAME = "cafeia_bench"
PG = "postgres://postgres@127.0.0.1:5432"
LUA = Path(__file__).with_name("report.lua")
WORKERS = 2
CONNECTIONS = 20
# A cookie Django knows: the page cache steps aside and every request renders its page.
BYPASS_CACHE = "csrftoken=benchmarkbypassesthepagecache0000"


def database_url() -> str:
    return f"{PG}/{DB_NAME}"


def _psql(sql: str, database: str = "postgres") -> str:
    return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql],
                          check=True, capture_output=True, text=True).stdout.strip()


def _python(*args, env: dict) -> str:
    """Runs `python <args>` in the repository (manage.py or a module) and returns what it printed."""
    return subprocess.run([PYTHON, *args], cwd=REPO, env=env, check=True, capture_output=True, text=True).stdout


def prepare_database(rebuild: bool) -> dict:
    """The demo plus the generated volume, built once; returns the URLs to request."""
    exists = _psql(f"SELECT 1 FROM pg_database WHERE datname='{DB_NAME}'") == "1"  # noqa: S608 (a constant)
    built = exists and _psql("SELECT count(*) FROM wagtailcore_page WHERE slug='banc-d-essai'", DB_NAME) == "1"
    env = {**os.environ, "DATABASE_URL": database_url(), "DJANGO_SETTINGS_MODULE": "cafeia_site.settings.test"}
    if rebuild or not built:
        _psql(f"DROP DATABASE IF EXISTS {DB_NAME} WITH (FORCE)")
        _psql(f"CREATE DATABASE {DB_NAME}")
        started = time.perf_counter()
        _python("manage.py", "migrate", "--noinput", env=env)
        _python("manage.py", "createcachetable", env=env)
        _python("manage.py", "load_demo", env=env)
        _python("-m", "tests.perf.volume", "--build", env=env)
        # After a bulk load the planner's statistics are stale (autovacuum would catch up later).
        _psql("ANALYZE", DB_NAME)
        print(f"[load] database {DB_NAME} built in {time.perf_counter() - started:.0f} s", flush=True)
    return json.loads(_python("-m", "tests.perf.volume", env=env))


def production_env(static_root: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.perf.load.settings",
        "SECRET_KEY": "benchmark-only-" + "k" * 50,
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": database_url(),
        "EMAIL_HOST": "127.0.0.1",
        "DEFAULT_FROM_EMAIL": "Café IA <contact@cafeia.example>",
        "SECURE_SSL_REDIRECT": "0",
        "BENCH_STATIC_ROOT": static_root,
        "PYTHONPATH": str(REPO),
    }


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn():
    """Collects the static files (fingerprinted, compressed) and serves the site; yields its base URL."""
    static_root = tempfile.mkdtemp(prefix="cafeia-bench-static-")
    env = production_env(static_root)
    _python("manage.py", "collectstatic", "--noinput", env=env)
    _python("manage.py", "clear_page_cache", env=env)
    port = _free_port()
    proc = subprocess.Popen(
        [str(Path(PYTHON).with_name("gunicorn")), "cafeia_site.wsgi", "--workers", str(WORKERS),
         "--bind", f"127.0.0.1:{port}", "--backlog", "256", "--log-level", "warning"],
        cwd=REPO, env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urlopen(f"{base}/banc-d-essai/plancher/", timeout=2).read()  # noqa: S310 (loopback)
                break
            except OSError:
                time.sleep(0.2)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=30)
        shutil.rmtree(static_root, ignore_errors=True)


@dataclass
class Fetched:
    status: int
    headers: dict
    body: bytes


def fetch(url: str, **headers) -> Fetched:
    request = Request(url, headers=headers)  # noqa: S310 (loopback)
    with urlopen(request, timeout=30) as response:  # noqa: S310
        return Fetched(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())


def compressed_sizes(body: bytes) -> tuple[int, int]:
    import brotli

    return len(gzip.compress(body, compresslevel=6)), len(brotli.compress(body, quality=5))


def wrk(url: str, seconds: int, *headers: str) -> dict:
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--timeout", "10s", "-s", str(LUA),
            "-H", "Accept-Encoding: gzip"]
    for header in headers:
        args += ["-H", header]
    out = subprocess.run([*args, url], check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    result["rps"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def measure_page(base: str, path: str, seconds: int) -> dict:
    """Sizes and queries from single requests, then throughput and latency with and without the page cache."""
    url = base + path
    # Several times, so that both workers have warmed their own caches; the fewest queries is the steady state.
    renders = [fetch(url, Cookie=BYPASS_CACHE) for _ in range(4)]
    plain = renders[-1]
    assert plain.status == 200, (path, plain.status)
    served = fetch(url, **{"Accept-Encoding": "gzip"})  # stores it in the page cache
    hit = fetch(url, **{"Accept-Encoding": "gzip"})
    gz, br = compressed_sizes(plain.body)
    row = {
        "path": path,
        "queries": min(int(r.headers["x-queries"]) for r in renders),
        "queries_cached": int(hit.headers["x-queries"]),
        "cache": hit.headers.get("x-cache", "-"),
        "cache_control": hit.headers.get("cache-control", ""),
        "etag": bool(hit.headers.get("etag")),
        "bytes": len(plain.body),
        "gzip_served": len(served.body) if served.headers.get("content-encoding") == "gzip" else None,
        "gzip": gz,
        "brotli": br,
    }
    row["cached"] = wrk(url, seconds)
    row["rendered"] = wrk(url, seconds, f"Cookie: {BYPASS_CACHE}")
    return row


def home_transfer(base: str) -> dict:
    """What a first visit to the home page downloads, images aside: the page, its stylesheets and scripts."""
    html = fetch(f"{base}/fr/", **{"Accept-Encoding": "gzip"})
    text = gzip.decompress(html.body).decode() if html.headers.get("content-encoding") == "gzip" else html.body.decode()
    assets = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text) + re.findall(r'<script[^>]+src="([^"]+)"', text)
    files = []
    for asset in assets:
        got = fetch(base + asset, **{"Accept-Encoding": "br, gzip"})
        files.append({
            "url": asset, "bytes": len(got.body), "encoding": got.headers.get("content-encoding", "identity"),
            "fingerprinted": bool(re.search(r"\.[0-9a-f]{12}\.(css|js)$", asset)),
            "immutable": "immutable" in got.headers.get("cache-control", ""),
        })
    return {"html": len(html.body), "assets": files, "total": len(html.body) + sum(f["bytes"] for f in files)}
