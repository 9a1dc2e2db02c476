"""Media on S3-compatible object storage: public media at public URLs, contributors' files never reachable."""
import io
import urllib.parse

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ImproperlyConfigured
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage, storages
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.images import get_image_model

from cafeia_site.security import origin_of
from cafeia_site.settings.objects import PRIVATE_URL_SECONDS, media_origins, object_storages
from contributions.models import Contribution, ContributionFile, Status
from tests.contributions.conftest import act, common_fields, jpeg_with_gps
from tests.contributions.test_flow import TESTIMONY

from .conftest import PRIVATE_BUCKET, PUBLIC_BUCKET, anonymous_get


def png(name="carte.png") -> ImageFile:
    out = io.BytesIO()
    Image.new("RGB", (120, 80), (30, 110, 200)).save(out, format="PNG")
    return ImageFile(io.BytesIO(out.getvalue()), name=name)


def user(username):
    return get_user_model().objects.get(username=username)


# --- The settings: what the environment turns on --------------------------------------------------------

def test_without_a_bucket_local_files_stay_the_default():
    assert object_storages({}) is None
    assert object_storages({"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000", "AWS_ACCESS_KEY_ID": "x"}) is None


@pytest.mark.parametrize("environ", [
    {"CAFEIA_S3_BUCKET": "media"},
    {"CAFEIA_S3_BUCKET": "media", "CAFEIA_S3_PRIVATE_BUCKET": "media"},
    {"CAFEIA_S3_PRIVATE_BUCKET": "private"},
])
def test_contributors_files_never_share_the_public_bucket(environ):
    with pytest.raises(ImproperlyConfigured):
        object_storages(environ)


def test_the_private_storage_has_no_public_url_whatever_the_public_one_has():
    entries = object_storages({"CAFEIA_S3_BUCKET": "media", "CAFEIA_S3_PRIVATE_BUCKET": "private",
                               "AWS_S3_CUSTOM_DOMAIN": "media.cafeia.example"})
    public, private = entries["default"]["OPTIONS"], entries["contributions"]["OPTIONS"]
    assert public["custom_domain"] == "media.cafeia.example" and public["querystring_auth"] is False
    assert private["custom_domain"] is None and private["querystring_auth"] is True
    assert private["default_acl"] == "private" and private["bucket_name"] == "private"
    assert public["file_overwrite"] is private["file_overwrite"] is False


def test_the_policy_allows_the_origin_media_urls_start_with():
    assert media_origins({"CAFEIA_S3_BUCKET": "m", "AWS_S3_CUSTOM_DOMAIN": "media.cafeia.example"}) == [
        "https://media.cafeia.example"]
    assert media_origins({"CAFEIA_S3_BUCKET": "m", "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.example",
                          "AWS_S3_ADDRESSING_STYLE": "path"}) == ["https://s3.fr-par.example"]
    assert media_origins({"CAFEIA_S3_BUCKET": "m", "AWS_S3_ENDPOINT_URL": "https://s3.fr-par.example"}) == [
        "https://s3.fr-par.example", "https://m.s3.fr-par.example"]
    assert media_origins({"CAFEIA_S3_BUCKET": "m", "AWS_S3_REGION_NAME": "eu-west-3"}) == [
        "https://m.s3.amazonaws.com", "https://m.s3.eu-west-3.amazonaws.com"]


# --- Public media ----------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_an_uploaded_image_and_its_rendition_are_public_in_the_public_bucket(on_s3):
    image = get_image_model().objects.create(title="Carte des cafés", file=png())
    assert (image.width, image.height) == (120, 80)
    assert image.file.name in on_s3.keys(PUBLIC_BUCKET)
    assert image.file.name not in on_s3.keys(PRIVATE_BUCKET)

    rendition = image.get_rendition("fill-60x40")
    assert rendition.file.name in on_s3.keys(PUBLIC_BUCKET)
    url = rendition.url
    assert url.startswith(f"{on_s3.endpoint}/{PUBLIC_BUCKET}/"), url
    # Public means the same plain URL for everyone, cacheable: no signature, no expiry.
    assert not urllib.parse.urlsplit(url).query
    status, body = anonymous_get(url)
    assert status == 200
    assert Image.open(io.BytesIO(body)).size == (60, 40)
    assert anonymous_get(image.file.url)[0] == 200


@pytest.mark.django_db
def test_two_uploads_with_one_name_are_two_objects(on_s3):
    first = get_image_model().objects.create(title="Un", file=png("meme.png"))
    second = get_image_model().objects.create(title="Deux", file=png("meme.png"))
    assert first.file.name != second.file.name
    assert {first.file.name, second.file.name} <= on_s3.keys(PUBLIC_BUCKET)


# --- Files sent with contributions ----------------------------------------------------------------------

@pytest.fixture
def testimony(on_s3, moderation_tree, submit, confirm):
    """A testimony with its photo, sent through the public form and confirmed from the e-mail, as a contributor does."""
    mail.outbox = []
    data = {**common_fields("objets@example.org"), **TESTIMONY, "photo_1_alt": "Portrait", "photo_1_consent": "on"}
    response = submit("temoignage", data, files={"photo_1": jpeg_with_gps()})
    assert response.status_code == 302, response.content.decode()[:2000]
    confirm(mail.outbox[0])
    contribution = Contribution.objects.get(email="objets@example.org")
    assert contribution.status == Status.IN_MODERATION
    return contribution


def test_a_contributors_file_is_in_the_private_bucket_and_not_readable_anonymously(on_s3, testimony):
    record = testimony.files.get()
    assert record.file.storage is storages["contributions"]
    assert record.file.name in on_s3.keys(PRIVATE_BUCKET)
    assert record.file.name not in on_s3.keys(PUBLIC_BUCKET)
    stored = on_s3.body(PRIVATE_BUCKET, record.file.name)
    assert Image.open(io.BytesIO(stored)).format == "JPEG"

    # The object's plain address, as a public one would be: the server refuses it (private ACL).
    plain = f"{on_s3.endpoint}/{PRIVATE_BUCKET}/{urllib.parse.quote(record.file.name)}"
    assert anonymous_get(plain)[0] == 403
    # Nor is it under the public storage's URL of that name.
    assert anonymous_get(default_storage.url(record.file.name))[0] in (403, 404)
    # Whatever asks the storage for a URL gets a signed one, valid minutes, never a public one.
    query = urllib.parse.parse_qs(urllib.parse.urlsplit(record.file.url).query)
    assert query["X-Amz-Expires"] == [str(PRIVATE_URL_SECONDS)] and query["X-Amz-Signature"]


def test_a_moderator_reads_the_private_file_through_the_admin(client, on_s3, testimony):
    record = testimony.files.get()
    url = reverse("contributions_admin:file", args=[testimony.pk, record.pk])
    assert client.get(url).status_code in (302, 403, 404)

    client.force_login(user("moderator"))
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content) == on_s3.body(PRIVATE_BUCKET, record.file.name)


def test_approval_copies_the_photo_into_the_public_bucket_and_the_page_shows_it(
    client, on_s3, testimony, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        act(testimony.page, user("moderator"), "approve")
    record = testimony.files.get()
    image = record.image
    assert image is not None and image.file.name in on_s3.keys(PUBLIC_BUCKET)
    status, body = anonymous_get(image.file.url)
    assert status == 200 and Image.open(io.BytesIO(body)).format == "JPEG"
    # The published page points to a rendition in the bucket, and its policy lets browsers load it.
    response = client.get(testimony.page.url)
    assert response.status_code == 200
    [rendition] = image.renditions.all()
    assert rendition.url.startswith(on_s3.endpoint) and rendition.url in response.content.decode()
    img_src = next(d for d in response["Content-Security-Policy"].split(";") if d.strip().startswith("img-src"))
    assert origin_of(rendition.url) in img_src.split()
    assert anonymous_get(rendition.url)[0] == 200
    # The original stays private until the contribution goes.
    assert anonymous_get(f"{on_s3.endpoint}/{PRIVATE_BUCKET}/{urllib.parse.quote(record.file.name)}")[0] == 403


def test_a_private_object_lost_from_the_bucket_is_a_404_for_the_moderator(client, on_s3, testimony):
    record = testimony.files.get()
    client.force_login(user("moderator"))
    url = reverse("contributions_admin:file", args=[testimony.pk, record.pk])
    assert client.get(url, follow=True).status_code == 200
    on_s3.client.delete_object(Bucket=PRIVATE_BUCKET, Key=record.file.name)
    assert client.get(url, follow=True).status_code == 404


def test_refusal_deletes_the_private_object(on_s3, testimony, django_capture_on_commit_callbacks):
    name = testimony.files.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        act(testimony.page, user("moderator"), "refuse", comment="Hors sujet.")
    testimony.refresh_from_db()
    assert testimony.status == Status.REJECTED
    assert not ContributionFile.objects.filter(contribution=testimony).exists()
    assert name not in on_s3.keys(PRIVATE_BUCKET)


def test_erasure_deletes_every_object_of_a_published_contribution(on_s3, testimony, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        act(testimony.page, user("moderator"), "approve")
    record = testimony.files.get()
    image = record.image
    rendition = image.get_rendition("max-800x600")
    objects = {
        PRIVATE_BUCKET: {record.file.name},
        PUBLIC_BUCKET: {image.file.name, rendition.file.name},
    }
    for bucket, names in objects.items():
        assert names <= on_s3.keys(bucket)

    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_personal_data", "--email", "objets@example.org", stdout=io.StringIO())

    for bucket, names in objects.items():
        assert not names & on_s3.keys(bucket), bucket
    assert anonymous_get(f"{on_s3.endpoint}/{PUBLIC_BUCKET}/{urllib.parse.quote(image.file.name)}")[0] in (403, 404)


# --- Production settings ---------------------------------------------------------------------------------

def _production(args, extra):
    import os
    import subprocess
    import sys

    from django.conf import settings

    env = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env.update(
        DJANGO_SETTINGS_MODULE="cafeia_site.settings.production",
        SECRET_KEY="a-long-random-production-secret-9f8e7d6c5b4a3928171605f4e3d2c1b0",
        ALLOWED_HOSTS="cafeia.example",
        DATABASE_URL="postgres://u:p@127.0.0.1:1/cafeia",
        EMAIL_HOST="smtp.example",
        DEFAULT_FROM_EMAIL="contact@cafeia.example",
        **extra,
    )
    return subprocess.run([sys.executable, "manage.py", *args], cwd=settings.BASE_DIR, env=env,
                          capture_output=True, text=True, timeout=120)


def test_production_settings_take_the_buckets_from_the_environment_and_pass_the_deploy_checks(s3_server):
    show = ["shell", "-c", "from django.conf import settings as s; "
            "print(s.STORAGES['default']['BACKEND'], s.STORAGES['contributions']['BACKEND'], "
            "s.STORAGES['staticfiles']['BACKEND'], *s.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src'])"]
    result = _production(show, s3_server.environ())
    assert result.returncode == 0, result.stderr
    shown = result.stdout.splitlines()[-1].split()
    assert shown[:3] == ["storages.backends.s3.S3Storage", "storages.backends.s3.S3Storage",
                         "whitenoise.storage.CompressedManifestStaticFilesStorage"]
    assert s3_server.endpoint in shown[3:]
    result = _production(["check", "--deploy", "--fail-level", "WARNING"], s3_server.environ())
    assert result.returncode == 0 and "no issues" in result.stdout, result.stdout + result.stderr

    result = _production(show, {})
    shown = result.stdout.splitlines()[-1].split()
    assert shown[:2] == ["django.core.files.storage.FileSystemStorage"] * 2, result.stderr
    assert s3_server.endpoint not in shown
