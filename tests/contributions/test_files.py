"""Files sent with contributions: private until a moderator approves, public after, and every copy gone when they go."""
import io
import json
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import caches
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from contributions.models import Contribution, ContributionFile, Status
from contributions.services import contribution_purge

from .conftest import act, common_fields, jpeg_with_gps, links_in
from .test_flow import FORMAT, REPORT, TESTIMONY

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
GPS = 0x8825


def pdf(name="deroule.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")


def disk(root) -> set[Path]:
    return {p for p in Path(root).rglob("*") if p.is_file()}


def public_files() -> set[Path]:
    return disk(settings.MEDIA_ROOT)


def private_path(record) -> Path:
    return Path(record.file.path)


def user(username):
    return get_user_model().objects.get(username=username)


def login(client, username, password):
    response = client.post("/admin/login/", {"username": username, "password": password})
    assert response.status_code == 302, response.content[:300]


@pytest.fixture(autouse=True)
def _fresh_renditions():
    # Renditions are cached in memory, which a test's rollback does not empty: ids come back in the next test.
    caches["renditions"].clear()


@pytest.fixture
def send(submit, confirm):
    """Submits a form with its files, confirms it from the e-mail, returns the contribution in moderation."""

    def _send(slug, data, files, email):
        mail.outbox = []
        response = submit(slug, {**common_fields(email), **data}, files=files)
        assert response.status_code == 302, response.content.decode()[:2000]
        confirm(mail.outbox[0])
        contribution = Contribution.objects.get(email=email)
        assert contribution.status == Status.IN_MODERATION
        return contribution

    return _send


@pytest.fixture
def report(send):
    return send("compte-rendu", {**REPORT, "photo_1_alt": "Le public du café", "photo_1_consent": "on"},
                {"photo_1": jpeg_with_gps()}, "photos@example.org")


@pytest.fixture
def format_with_pdf(send):
    return send("format", FORMAT, {"document_1": pdf()}, "format-pdf@example.org")


@pytest.fixture
def approve(django_capture_on_commit_callbacks):
    def _approve(contribution):
        with django_capture_on_commit_callbacks(execute=True):
            act(contribution.page, user("moderator"), "approve")
        contribution.refresh_from_db()
        assert contribution.status == Status.PUBLISHED
        return contribution.page.specific

    return _approve


def _api_count(client, kind):
    return client.get(f"/api/v2/{kind}/").json()["meta"]["total_count"]


def test_confirmed_files_are_nowhere_public(client, submit, confirm, send):
    images, documents = get_image_model().objects.count(), get_document_model().objects.count()
    api = (_api_count(client, "images"), _api_count(client, "documents"))
    media = public_files()

    report = send("compte-rendu", {**REPORT, "photo_1_alt": "Le public", "photo_1_consent": "on"},
                  {"photo_1": jpeg_with_gps()}, "prive@example.org")
    fmt = send("format", FORMAT, {"document_1": pdf()}, "prive-pdf@example.org")

    assert get_image_model().objects.count() == images
    assert get_document_model().objects.count() == documents
    assert (_api_count(client, "images"), _api_count(client, "documents")) == api
    assert public_files() == media
    records = ContributionFile.objects.filter(contribution__in=[report, fmt])
    assert sorted(r.kind for r in records) == ["document", "photo"]
    for record in records:
        assert record.image_id is None and record.document_id is None
        assert private_path(record).is_file()
        assert not str(private_path(record)).startswith(str(settings.MEDIA_ROOT))
    # The drafts, and the revisions moderators review, reference no image and no document.
    assert report.page.specific.photos.count() == 0
    assert report.page.get_latest_revision().content["photos"] == []
    assert fmt.page.get_latest_revision().content["documents"] == []


def _file_urls(*contributions):
    return [reverse("contributions_admin:file", args=[c.pk, c.files.get().pk]) for c in contributions]


def test_moderator_reads_the_files_through_the_admin_and_anonymous_visitors_do_not(client, report, format_with_pdf):
    photo_url, pdf_url = _file_urls(report, format_with_pdf)
    for url in (photo_url, pdf_url):
        assert client.get(url).status_code in (302, 403, 404)

    login(client, "moderator", "cafeia-moderator")
    response = client.get(photo_url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    served = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert GPS not in served.getexif()
    response = client.get(pdf_url)
    assert response.status_code == 200 and b"".join(response.streaming_content) == PDF


def test_an_editor_who_moderates_nothing_cannot_read_the_files(client, report, format_with_pdf):
    login(client, "editor", "cafeia-editor")
    for url in _file_urls(report, format_with_pdf):
        assert client.get(url).status_code in (302, 403, 404)


def test_approval_publishes_the_photo_without_gps_and_the_document(
    client, report, format_with_pdf, approve, django_capture_on_commit_callbacks
):
    page = approve(report)
    [photo] = page.photos.all()
    record = report.files.get()
    assert record.image_id == photo.image_id
    assert photo.alt_text == photo.image.description == "Le public du café" and photo.consent
    # The published revision holds the photo: the next edit keeps it.
    assert [p["image"] for p in page.live_revision.content["photos"]] == [photo.image_id]
    assert page.get_latest_revision().pk == page.live_revision_id

    response = client.get(photo.image.file.url)
    assert response.status_code == 200
    published = Image.open(io.BytesIO(b"".join(response.streaming_content)))
    assert GPS not in published.getexif() and dict(published.getexif()) == {}
    html = client.get(page.url).content.decode()
    rendition = photo.image.renditions.get()
    assert rendition.url in html and 'alt="Le public du café"' in html
    shown = Image.open(io.BytesIO(b"".join(client.get(rendition.url).streaming_content)))
    assert dict(shown.getexif()) == {}
    assert photo.image_id in [item["id"] for item in client.get("/api/v2/images/?limit=20&order=-id").json()["items"]]

    # The other one the way a moderator does it: the "Approve" action of Wagtail's admin.
    login(client, "moderator", "cafeia-moderator")
    task_state = format_with_pdf.page.specific.current_workflow_state.current_task_state
    action = reverse("wagtailadmin_pages:workflow_action", args=[format_with_pdf.page_id, "approve", task_state.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(action, {"comment": ""}).status_code in (200, 302)
    client.logout()
    resource = format_with_pdf.page.specific_class.objects.get(pk=format_with_pdf.page_id)
    assert resource.live
    [attached] = resource.documents.all()
    assert format_with_pdf.files.get().document_id == attached.document_id
    response = client.get(attached.document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert [d["document"] for d in resource.live_revision.content["documents"]] == [attached.document_id]


def test_publishing_the_draft_without_the_workflow_publishes_its_photo_too(send, django_capture_on_commit_callbacks):
    testimony = send("temoignage", {**TESTIMONY, "photo_1_alt": "Portrait", "photo_1_consent": "on"},
                     {"photo_1": jpeg_with_gps()}, "portrait@example.org")
    page = testimony.page.specific
    assert page.photo is None
    with django_capture_on_commit_callbacks(execute=True):
        # What the editor's "Publish" button does: the running workflow is cancelled, the revision goes live.
        page.get_latest_revision().publish(user=user("moderator"))
    page.refresh_from_db()
    assert page.live and page.photo_id == testimony.files.get().image_id is not None
    assert page.live_revision.content["photo"] == page.photo_id


def test_refusal_deletes_the_files(report, django_capture_on_commit_callbacks):
    private = private_path(report.files.get())
    media = public_files()
    with django_capture_on_commit_callbacks(execute=True):
        act(report.page, user("moderator"), "refuse", comment="Ce café n'a pas eu lieu.")
    report.refresh_from_db()
    assert report.status == Status.REJECTED
    assert not ContributionFile.objects.filter(contribution=report).exists()
    assert not private.exists() and not private.parent.exists()
    assert public_files() == media


def test_purge_deletes_the_files_of_unconfirmed_contributions(submit, django_capture_on_commit_callbacks):
    data = {**common_fields("oubli@example.org"), **TESTIMONY, "photo_1_alt": "Portrait", "photo_1_consent": "on"}
    assert submit("temoignage", data, files={"photo_1": jpeg_with_gps()}).status_code == 302
    contribution = Contribution.objects.get(email="oubli@example.org")
    private = private_path(contribution.files.get())
    assert private.is_file()
    Contribution.objects.filter(pk=contribution.pk).update(created_at=timezone.now() - timedelta(days=8))
    with django_capture_on_commit_callbacks(execute=True):
        contribution_purge()
    assert not Contribution.objects.filter(pk=contribution.pk).exists()
    assert not ContributionFile.objects.filter(contribution_id=contribution.pk).exists()
    assert not private.exists()


def test_purge_of_a_refused_contribution_leaves_nothing(report, django_capture_on_commit_callbacks):
    private = private_path(report.files.get())
    with django_capture_on_commit_callbacks(execute=True):
        act(report.page, user("moderator"), "refuse", comment="Hors sujet.")
    Contribution.objects.filter(pk=report.pk).update(updated_at=timezone.now() - timedelta(days=91))
    with django_capture_on_commit_callbacks(execute=True):
        counts = contribution_purge()
    assert counts["rejected"] >= 1
    assert not Contribution.objects.filter(pk=report.pk).exists()
    assert not private.exists()


def test_erasure_removes_published_photos_and_documents_and_keeps_the_pages(
    client, report, format_with_pdf, approve, django_capture_on_commit_callbacks
):
    page, resource = approve(report), approve(format_with_pdf)
    image = page.photos.get().image
    rendition = image.get_rendition("max-800x600")
    document = resource.documents.get().document
    copies = [Path(image.file.path), Path(rendition.file.path), Path(document.file.path)]
    privates = [private_path(r) for r in ContributionFile.objects.filter(contribution__in=[report, format_with_pdf])]
    assert all(p.is_file() for p in copies + privates)
    assert client.get(f"/api/v2/images/{image.pk}/").status_code == 200
    exported = io.StringIO()
    call_command("export_personal_data", "--email", "photos@example.org", stdout=exported)
    [row] = json.loads(exported.getvalue())["sources"]["contributions"]
    assert [f["published"] for f in row["files"]] == [True]

    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("delete_personal_data", "--email", "photos@example.org", stdout=out)
        call_command("delete_personal_data", "--email", "format-pdf@example.org", stdout=out)
    output = out.getvalue()
    assert output.count(
        "contributions: 1 deleted (1 published photo(s) or document(s) deleted; 1 published page(s) stay online without them)"
    ) == 2

    assert not get_image_model().objects.filter(pk=image.pk).exists()
    assert not get_document_model().objects.filter(pk=document.pk).exists()
    assert not any(p.exists() for p in copies + privates), [p for p in copies + privates if p.exists()]
    page.refresh_from_db()
    assert page.live and page.photos.count() == 0
    assert resource.documents.count() == 0
    assert client.get(page.url).status_code == 200
    assert client.get(resource.url).status_code == 200
    assert client.get(f"/api/v2/images/{image.pk}/", follow=True).status_code == 404
    assert client.get(document.url).status_code == 404


def test_a_resubmitted_photo_replaces_the_old_one_everywhere(client, send, django_capture_on_commit_callbacks):
    testimony = send("temoignage", {**TESTIMONY, "photo_1_alt": "Portrait", "photo_1_consent": "on"},
                     {"photo_1": jpeg_with_gps()}, "nouvelle-photo@example.org")
    old = private_path(testimony.files.get())
    with django_capture_on_commit_callbacks(execute=True):
        act(testimony.page, user("moderator"), "reject", comment="Une photo plus nette ?")
    status_path = next(link for link in links_in(mail.outbox[-1]) if "/suivi/" in link).split("testserver", 1)[1]
    images, media = get_image_model().objects.count(), public_files()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(status_path, {**TESTIMONY, "photo_1": jpeg_with_gps(), "photo_1_alt": "Portrait net",
                                             "photo_1_consent": "on"})
    assert response.status_code == 302
    [record] = testimony.files.all()
    assert record.alt_text == "Portrait net"
    assert private_path(record).is_file() and private_path(record) != old
    assert not old.exists()
    assert get_image_model().objects.count() == images and public_files() == media
    assert testimony.page.get_latest_revision().content["photo"] is None
