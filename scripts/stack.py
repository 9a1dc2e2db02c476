"""`make stack`: the production topology on one machine, from the repository, for a test or a look.

    Varnish :8100  ──round robin, health probe, retry──▶  gunicorn :8101   gunicorn :8102
                                                             │   shared by both:   │
                                       Redis :8179 (page cache, chrome, feeds)  ·  PostgreSQL (cafeia_stack)
                                       S3-compatible storage :8190 (moto)       ·  task worker (run_worker)

Each part is the one a real deployment runs (README, "Several servers"), with the production settings
(`cafeia_site.settings.stack`: the same, on plain HTTP). Redis keeps nothing on disk and the S3 server
keeps its objects in memory: stopping the stack forgets both; the database stays until `--rebuild`.
`python -m scripts.stack` runs it until Ctrl-C; tests and `make bench` use `Stack` as a context manager.
"""
import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.request import urlopen

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = os.environ.get("STACK_POSTGRES", "postgres://postgres@127.0.0.1:5432")
PORTS = {"front": 8100, "app1": 8101, "app2": 8102, "redis": 8179, "s3": 8190}
BUCKETS = ("cafeia-media", "cafeia-private")


def _free(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) != 0


def _wait(url: str, process: subprocess.Popen, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url}: the process stopped (exit {process.returncode}); see .stack/logs/")
        try:
            urlopen(url, timeout=2).read()  # noqa: S310 (loopback)
            return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {seconds:.0f} s")


class Stack:
    """Starts and stops the parts; `app_urls` and `front_url` are where to send requests."""

    def __init__(self, *, database: str = "cafeia_stack", ports: dict | None = None, workers: int = 2,
                 root: Path | None = None, settings: str = "cafeia_site.settings.stack", extra_env: dict | None = None):
        self.database, self.ports, self.workers, self.settings = database, {**PORTS, **(ports or {})}, workers, settings
        self.root = root or REPO / ".stack"
        self.extra_env = extra_env or {}
        self.processes: dict[str, subprocess.Popen] = {}
        self.front_url = f"http://127.0.0.1:{self.ports['front']}"
        self.app_urls = {name: f"http://127.0.0.1:{self.ports[name]}" for name in ("app1", "app2")}

    @property
    def media(self) -> Path:
        return self.root / "media"

    # What every process of the application reads, as a deployment's environment file would say.
    @property
    def env(self) -> dict:
        s3 = f"http://127.0.0.1:{self.ports['s3']}"
        return {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": self.settings,
            "PYTHONPATH": str(REPO),
            "SECRET_KEY": "stack-only-not-secret-" + "s" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "CSRF_TRUSTED_ORIGINS": self.front_url,
            "DATABASE_URL": f"{PG}/{self.database}",
            "REDIS_URL": f"redis://127.0.0.1:{self.ports['redis']}/0",
            "FRONT_CACHE_URLS": self.front_url,
            "WAGTAILADMIN_BASE_URL": self.front_url,
            "CAFEIA_TRUSTED_PROXIES": "1",
            "SECURE_SSL_REDIRECT": "0",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": "2525",
            "EMAIL_USE_TLS": "0",
            "DEFAULT_FROM_EMAIL": "Café IA <contact@cafeia.example>",
            "STATIC_ROOT": str(self.root / "static"),
            "AWS_S3_ENDPOINT_URL": s3,
            "CAFEIA_S3_BUCKET": BUCKETS[0],
            "CAFEIA_S3_PRIVATE_BUCKET": BUCKETS[1],
            "AWS_ACCESS_KEY_ID": "stack",
            "AWS_SECRET_ACCESS_KEY": "stack-secret",
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_S3_ADDRESSING_STYLE": "path",
            **self.extra_env,
        }

    def manage(self, *args: str, settings: str | None = None, build: bool = False) -> str:
        env = {**self.env, "DJANGO_SETTINGS_MODULE": settings or self.settings}
        if build:
            # Local files and the database cache: nothing else of the stack runs yet (cafeia_site/settings/stack.py).
            env.update({"STACK_BUILD": "1", "STACK_MEDIA_ROOT": str(self.media), "REDIS_URL": "", "FRONT_CACHE_URLS": ""})
            env.pop("CAFEIA_S3_BUCKET"), env.pop("CAFEIA_S3_PRIVATE_BUCKET")
            subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=REPO, env=env, check=True,
                           capture_output=True)
        done = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True)
        if done.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{done.stderr[-3000:]}")
        return done.stdout

    def popen_manage(self, *args: str) -> subprocess.Popen:
        """`manage.py <args>` started with the stack's settings; its output is read as it comes."""
        return subprocess.Popen([sys.executable, "manage.py", *args], cwd=REPO, env=self.env, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)

    def _psql(self, sql: str, database: str = "postgres") -> str:
        return subprocess.run(["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-tAc", sql],
                              check=True, capture_output=True, text=True).stdout.strip()

    def prepare(self, rebuild: bool = False) -> None:
        """The database (migrated, with the demo content, its site at the front's address) and the static files."""
        exists = self._psql(f"SELECT 1 FROM pg_database WHERE datname='{self.database}'") == "1"  # noqa: S608
        if rebuild or not exists:
            self._psql(f"DROP DATABASE IF EXISTS {self.database} WITH (FORCE)")
            self._psql(f"CREATE DATABASE {self.database}")
        # The checks would stop on a site address not synced yet: sync_site_address below does it.
        self.manage("migrate", "--noinput", "--skip-checks")
        if self._psql("SELECT count(*) FROM wagtailcore_page", self.database) in ("", "0", "1", "2"):
            # The demo's files are written to .stack/media, which each start copies into the S3 server.
            self.manage("load_demo", settings="cafeia_site.settings.stack", build=True)
        self.manage("sync_site_address")
        self.manage("collectstatic", "--noinput")

    def _start(self, name: str, args: list[str], **kwargs) -> subprocess.Popen:
        logs = self.root / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        log = (logs / f"{name}.log").open("ab")
        process = subprocess.Popen(args, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, start_new_session=True, **kwargs)
        self.processes[name] = process
        return process

    def start_redis(self) -> None:
        port = self.ports["redis"]
        process = self._start("redis", ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                        "--appendonly", "no"])
        for _ in range(100):
            if not _free(port):
                return
            if process.poll() is not None:
                raise RuntimeError("redis-server stopped; see .stack/logs/redis.log")
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def start_s3(self) -> None:
        process = self._start("s3", [str(BIN / "moto_server"), "-H", "127.0.0.1", "-p", str(self.ports["s3"])])
        _wait(f"http://127.0.0.1:{self.ports['s3']}/", process)
        import boto3

        client = boto3.client("s3", endpoint_url=f"http://127.0.0.1:{self.ports['s3']}", region_name="us-east-1",
                              aws_access_key_id="stack", aws_secret_access_key="stack-secret")  # noqa: S106 (moto's)
        for bucket in BUCKETS:
            client.create_bucket(Bucket=bucket)
        # The S3 server keeps nothing between runs: the demo's files go back in, renditions are made again.
        for file in self.media.rglob("*"):
            if file.is_file():
                client.upload_file(str(file), BUCKETS[0], str(file.relative_to(self.media)), ExtraArgs={"ACL": "public-read"})
        self._psql("DELETE FROM wagtailimages_rendition", self.database)

    def start_app(self, name: str) -> None:
        process = self._start(name, [str(BIN / "gunicorn"), "cafeia_site.wsgi", "--workers", str(self.workers),
                                     "--bind", f"127.0.0.1:{self.ports[name]}", "--backlog", "512",
                                     "--graceful-timeout", "5", "--log-level", "warning"], env=self.env)
        _wait(f"{self.app_urls[name]}/sante/", process)

    def stop_one(self, name: str, sig: int = signal.SIGTERM) -> None:
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            os.killpg(process.pid, sig)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def start_worker(self) -> None:
        self._start("worker", [sys.executable, "manage.py", "run_worker"], env=self.env)

    def start_front(self) -> None:
        work = self.root / "varnish"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir(parents=True)
        vcl = (REPO / "deploy" / "varnish" / "cafeia.vcl").read_text()
        vcl = vcl.replace('"8001"', f'"{self.ports["app1"]}"').replace('"8002"', f'"{self.ports["app2"]}"')
        (work / "cafeia.vcl").write_text(vcl)
        varnishd = shutil.which("varnishd") or "/usr/sbin/varnishd"
        process = self._start("front", [varnishd, "-F", "-j", "none", "-n", str(work / "state"),
                                        "-a", f"127.0.0.1:{self.ports['front']}", "-f", str(work / "cafeia.vcl"),
                                        "-s", "malloc,256m", "-T", "127.0.0.1:0"])
        _wait(f"{self.front_url}/sante/", process)

    def start(self) -> "Stack":
        busy = [f"{name} :{port}" for name, port in self.ports.items() if not _free(port)]
        if busy:
            raise RuntimeError(f"ports in use: {', '.join(busy)} (another stack running?)")
        try:
            self.start_redis()
            self.start_s3()
            for name in self.app_urls:
                self.start_app(name)
            self.start_worker()
            self.start_front()
        except BaseException:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        for name in ("front", "worker", "app1", "app2", "s3", "redis"):
            self.stop_one(name)

    def __enter__(self) -> "Stack":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def missing_tools() -> list[str]:
    """What the stack needs from the system (Debian packages) that this machine lacks."""
    needed = {"varnishd": "varnish", "redis-server": "redis-server", "psql": "postgresql-client"}
    found = {tool: shutil.which(tool) or (Path("/usr/sbin") / tool).exists() for tool in needed}
    return [package for tool, package in needed.items() if not found[tool]]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the stack's database")
    args = parser.parse_args()
    if missing := missing_tools():
        sys.exit(f"make stack needs Debian's {' '.join(missing)}: apt-get install -y {' '.join(missing)}")
    stack = Stack()
    print("Preparing the database and the static files…", flush=True)
    stack.prepare(rebuild=args.rebuild)
    with stack:
        print(f"The site: {stack.front_url}/ (Varnish) — application servers {', '.join(stack.app_urls.values())}")
        print(f"Redis :{stack.ports['redis']} · S3 :{stack.ports['s3']} · logs in .stack/logs/ · Ctrl-C stops everything",
              flush=True)
        stopping = []
        signal.signal(signal.SIGTERM, lambda *_: stopping.append(1))
        try:
            while not stopping:
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
    print("Stopped.")


if __name__ == "__main__":
    main()
