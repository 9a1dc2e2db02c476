"""Documents: uploads checked for size and real content, and served with the right content type."""
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files import File
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form

from cafeia_site.uploads import MAX_UPLOAD_SIZE, check_upload
from ressources.forms import ResourceDocumentForm

pytestmark = pytest.mark.django_db
Document = get_document_model()

PDF = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32
EXE = b"MZ\x90\x00\x03" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("fiche.pdf", PDF, "pdf"), ("fiche.docx", docx_bytes(), "office"), ("carte.png", PNG, "png"),
     ("photo.JPG", JPEG, "jpeg"), ("liste.csv", "titre;durée\nCafé;60\n".encode(), "text")],
)
def test_real_files_of_an_accepted_type_pass(name, content, kind):
    assert check_upload(SimpleUploadedFile(name, content)) == kind


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("fiche.pdf", PNG, "mismatch"),  # a PNG calling itself a PDF
        ("fiche.docx", PDF, "mismatch"),
        ("notes.txt", b"abc\x00\x01\x02", "mismatch"),
        ("setup.exe", b"hello", "extension"),
        ("fiche.pdf", EXE, "executable"),  # a Windows program disguised as a PDF
        ("image.png", b"\x7fELF\x02\x01\x01", "executable"),
        ("lisez-moi.txt", b"#!/bin/sh\nrm -rf ~\n", "executable"),
    ],
)
def test_wrong_type_or_disguised_executable_is_refused(name, content, code):
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile(name, content))
    assert error.value.code == code


def test_only_the_allowed_kinds_pass():
    with pytest.raises(ValidationError) as error:
        check_upload(SimpleUploadedFile("carte.png", PNG), ["pdf"])
    assert ".pdf" in error.value.messages[0]


def _big_file(tmp_path):
    """A sparse file just over the limit: costs no disk and no time to write."""
    path = tmp_path / "gros.pdf"
    with open(path, "wb") as handle:
        handle.write(b"%PDF-1.4\n")
        handle.truncate(MAX_UPLOAD_SIZE + 1)
    return path


def test_a_file_over_20_mb_is_refused(tmp_path):
    with open(_big_file(tmp_path), "rb") as handle:
        with pytest.raises(ValidationError) as error:
            check_upload(File(handle, name="gros.pdf"))
    assert error.value.code == "too_large"
    assert "la limite est de 20 Mo" in error.value.messages[0]


def test_wagtail_uses_the_checked_document_form():
    assert issubclass(get_document_form(Document), ResourceDocumentForm)


def _form(upload):
    form_class = get_document_form(Document)
    from wagtail.models import Collection

    data = {"title": "Essai", "collection": Collection.get_first_root_node().pk, "tags": ""}
    return form_class(data=data, files={"file": upload}, user=_superuser())


def _superuser():
    User = get_user_model()
    return User.objects.filter(is_superuser=True).first() or User.objects.create_superuser("root-doc", "r@example.org", "x")


def test_document_form_refuses_a_disguised_executable_with_a_clear_message():
    form = _form(SimpleUploadedFile("programme.pdf", EXE))
    assert not form.is_valid()
    assert "exécutable" in form.errors["file"][0]


def test_document_form_refuses_a_file_over_20_mb(tmp_path):
    with open(_big_file(tmp_path), "rb") as handle:
        upload = UploadedFile(handle, name="gros.pdf", content_type="application/pdf", size=MAX_UPLOAD_SIZE + 1)
        form = _form(upload)
        assert not form.is_valid()
    assert "la limite est de 20 Mo" in form.errors["file"][0]


def test_admin_upload_refuses_a_pdf_that_is_an_image(client):
    client.force_login(_superuser())
    before = Document.objects.count()
    response = client.post(
        "/admin/documents/add/",
        {"title": "Faux PDF", "file": SimpleUploadedFile("faux.pdf", PNG), "collection": 1, "tags": ""},
    )
    assert response.status_code == 200
    assert "son contenu n&#x27;est pas de ce type" in response.content.decode()
    assert Document.objects.count() == before


def test_admin_upload_accepts_a_real_pdf(client):
    client.force_login(_superuser())
    response = client.post(
        "/admin/documents/add/",
        {"title": "Vrai PDF", "file": SimpleUploadedFile("vrai.pdf", PDF), "collection": 1, "tags": ""},
    )
    assert response.status_code == 302
    assert Document.objects.filter(title="Vrai PDF").exists()


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("fiche.pdf", PDF, "application/pdf"),
        ("fiche.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("carte.png", PNG, "image/png"),
        ("liste.csv", b"a;b\n", "text/csv"),
    ],
)
def test_documents_are_served_with_their_content_type(client, name, content, content_type):
    document = Document(title=name)
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert b"".join(response.streaming_content) == content


def test_multiple_uploader_refuses_a_disguised_executable(client):
    client.force_login(_superuser())
    before = Document.objects.count()
    response = client.post(
        "/admin/documents/multiple/add/",
        {"files[]": SimpleUploadedFile("rapport.pdf", EXE), "collection": 1},
    )
    data = response.json()
    assert data["success"] is False
    assert "exécutable" in data["error_message"]
    assert Document.objects.count() == before


def test_editing_a_document_without_a_new_file_is_not_rechecked():
    document = Document(title="Ancien")
    document.file.save("ancien.pdf", ContentFile(PDF), save=False)
    document._set_document_file_metadata()
    document.save()
    from wagtail.models import Collection

    form_class = get_document_form(Document)
    form = form_class(
        data={"title": "Nouveau titre", "collection": Collection.get_first_root_node().pk, "tags": ""},
        files={}, instance=document, user=_superuser(),
    )
    assert form.is_valid(), form.errors
