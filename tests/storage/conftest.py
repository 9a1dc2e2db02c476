"""A local S3-compatible server (moto in server mode) for the session, and the site's storages pointed at it.

The server is a real HTTP server on 127.0.0.1: uploads, ACLs, signed URLs and anonymous reads go over the
wire as they would to a provider, and nothing leaves the machine.
"""
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import boto3
import pytest
from django.core.cache import caches
from django.core.files.storage import storages

from cafeia_site.settings.objects import object_storages, with_media_origins
from contributions.models import ContributionFile

# The contributor's and the moderator's helpers of tests/contributions, shared rather than copied.
from tests.contributions.conftest import confirm, moderation_tree, submit  # noqa: F401

PUBLIC_BUCKET = "cafeia-media"
PRIVATE_BUCKET = "cafeia-contributions"
REGION = "eu-west-3"
# moto accepts any key; boto3 reads them from the environment, as in production.
CREDENTIALS = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",  # noqa: S105
    "AWS_SESSION_TOKEN": "",
    "AWS_DEFAULT_REGION": REGION,
    # No ~/.aws of the developer's, no instance metadata lookup.
    "AWS_CONFIG_FILE": os.devnull,
    "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
    "AWS_EC2_METADATA_DISABLED": "true",
}


@dataclass
class S3Server:
    endpoint: str
    client: object  # a boto3 S3 client, signed with the test credentials

    def environ(self) -> dict[str, str]:
        """The deployment's environment (deploy/cafeia.env.example) for this server."""
        return {
            "CAFEIA_S3_BUCKET": PUBLIC_BUCKET,
            "CAFEIA_S3_PRIVATE_BUCKET": PRIVATE_BUCKET,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": REGION,
            "AWS_S3_ADDRESSING_STYLE": "path",
        }

    def keys(self, bucket: str) -> set[str]:
        listing = self.client.list_objects_v2(Bucket=bucket)
        return {item["Key"] for item in listing.get("Contents", [])}

    def body(self, bucket: str, key: str) -> bytes:
        return self.client.get_object(Bucket=bucket, Key=key)["Body"].read()


def anonymous_get(url: str) -> tuple[int, bytes]:
    """What a visitor's browser gets at that URL: no credentials, no signature."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 (a URL of our own server)
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(endpoint: str, process: subprocess.Popen, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with {process.returncode}")
        try:
            urllib.request.urlopen(endpoint + "/moto-api/", timeout=1).close()  # noqa: S310
            return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"moto_server did not answer at {endpoint} within {seconds} s")


@pytest.fixture(scope="session")
def s3_server(tmp_path_factory):
    """moto_server on a free port for the whole session, with the two buckets; stopped at the end."""
    moto = Path(sys.executable).with_name("moto_server")
    port = _free_port()
    endpoint = f"http://127.0.0.1:{port}"
    saved = {name: os.environ.get(name) for name in CREDENTIALS}
    os.environ.update(CREDENTIALS)
    log = (tmp_path_factory.mktemp("moto") / "moto_server.log").open("wb")
    process = subprocess.Popen([str(moto), "-H", "127.0.0.1", "-p", str(port)], stdout=log, stderr=subprocess.STDOUT)
    try:
        _wait_until_up(endpoint, process)
        client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION)
        for bucket in (PUBLIC_BUCKET, PRIVATE_BUCKET):
            client.create_bucket(Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": REGION})
        yield S3Server(endpoint=endpoint, client=client)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@pytest.fixture
def on_s3(s3_server, settings):
    """This test's settings as production's with the S3 variables set (settings/production.py, its last lines)."""
    settings.STORAGES = {**settings.STORAGES, **object_storages(s3_server.environ())}
    settings.CONTENT_SECURITY_POLICY = with_media_origins(settings.CONTENT_SECURITY_POLICY, s3_server.environ())
    # Changing STORAGES resets django's storages and default_storage (what Wagtail's images and renditions use);
    # ContributionFile.file took its storage from the callable once, at import, as a process started with these
    # settings would have done: give it the one these settings name.
    field = ContributionFile._meta.get_field("file")
    imported = field.storage
    field.storage = storages["contributions"]
    # Renditions are cached in memory, which a test's rollback does not empty.
    caches["renditions"].clear()
    yield s3_server
    field.storage = imported
    caches["renditions"].clear()
