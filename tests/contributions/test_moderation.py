"""The moderator's page for one contribution, as each of the demo's accounts reaches it, and the decisions taken from it."""
import html as html_lib
import json
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from wagtail.models import Page
from wagtail.users.models import UserProfile

from contributions.models import Contribution, ContributionEvent, Status
from contributions.moderation import EVENT_LABELS, ChangesRequestedForm, RefusalForm

from .conftest import jpeg_with_gps
from .test_flow import FORMAT, REPORT, TESTIMONY, _submit_and_confirm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_queue")]

ROLES = ["administrateur", "moderator", "moderateur-maroc"]
MENU_ENTRY = '"url": "/admin/contributions/"'  # in the sidebar's JSON


def login(client, username):
    assert client.login(username=username, password=settings.DEMO_PASSWORDS[username]), username


def reachable_by(pending, username) -> Contribution:
    return pending("rabat@example.org") if username == "moderateur-maroc" else pending("temoin@example.org")


def pdf():
    return SimpleUploadedFile("deroule.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n", content_type="application/pdf")


def text(response) -> str:
    return html_lib.unescape(response.content.decode())


def refused(response) -> bool:
    """Wagtail turns a PermissionDenied in its admin into a redirect to the dashboard; a 404 stays a 404."""
    if response.status_code == 302:
        return response["Location"] == "/admin/"
    return response.status_code in (403, 404)


def get_refused(client, url) -> bool:
    response = client.get(url)
    if response.status_code == 302 and response["Location"].startswith("/fr/"):
        # A 404 outside the language prefixes is first redirected to /fr/… by the locale middleware.
        response = client.get(response["Location"])
    return refused(response)


def messages_of(response):
    return [str(m) for m in response.context["messages"]] if response.context else []


def in_admin_language(username, *msgids) -> list[str]:
    """The strings as the account's admin shows them (the Maroc moderator's is Arabic: load_demo.DEMO_ACCOUNTS)."""
    user = get_user_model().objects.get(username=username)
    with translation.override(UserProfile.get_for_user(user).get_preferred_language()):
        return [translation.gettext(str(msgid)) for msgid in msgids]


@pytest.mark.parametrize("username", ROLES)
def test_list_and_detail_render_for_every_role_that_reaches_them(client, username, pending):
    login(client, username)
    contribution = reachable_by(pending, username)
    listing = client.get("/admin/contributions/")
    assert listing.status_code == 200
    assert contribution.title in text(listing)
    response = client.get(f"/admin/contributions/{contribution.pk}/")
    assert response.status_code == 200
    html = text(response)
    assert contribution.email in html
    for action in ("approve", "reject", "refuse"):
        assert f'name="action" value="{action}"' in html
    for shown in in_admin_language(
        username, Status(contribution.status).label, EVENT_LABELS["confirmed"],  # the history, in words
        RefusalForm.base_fields["comment"].label, ChangesRequestedForm.base_fields["comment"].label,
    ):
        assert shown in html, shown
    assert MENU_ENTRY in text(client.get("/admin/"))


def test_testimony_data_is_shown_with_the_forms_labels(client, pending):
    login(client, "moderator")
    html = text(client.get(f"/admin/contributions/{pending('temoin@example.org').pk}/"))
    assert "Votre nom, tel qu'il sera publié" in html and "Camille Martin" in html
    assert "Votre témoignage" in html and "Animer un café IA m'a appris à écouter" in html
    assert "Votre pays" in html and "France" in html
    assert "person_name" not in html and "country_code" not in html


def test_report_values_are_readable_lists_and_choice_labels(client, submit, confirm):
    contribution = _submit_and_confirm(submit, confirm, "compte-rendu", REPORT, email="cr@example.org")
    login(client, "moderator")
    html = text(client.get(f"/admin/contributions/{contribution.pk}/"))
    assert "Publics présents" in html
    assert "<li>Seniors</li>" in html and "<li>Étudiants</li>" in html  # labels, not codes
    assert "<li>Comment reconnaître une fausse vidéo ?</li>" in html and "<li>Qui contrôle les algorithmes ?</li>" in html
    assert "Les questions posées par les participants" in html
    assert "Sous un pseudonyme" in html  # the choice's label
    assert "2 octobre 2026" in html  # a date, as a date


def test_format_shows_its_licence_by_name_its_acceptance_and_its_document(client, submit, confirm):
    contribution = _submit_and_confirm(submit, confirm, "format", {**FORMAT, "document_1": pdf()}, email="fmt@example.org")
    login(client, "moderator")
    html = text(client.get(f"/admin/contributions/{contribution.pk}/"))
    assert "Creative Commons Attribution – Partage dans les mêmes conditions 4.0" in html
    assert "Étape 1 : titre" in html and "Distribuer les cartes" in html
    assert "Oui" in html  # the licence accepted, as a word
    document = contribution.files.get()
    url = f"/admin/contributions/{contribution.pk}/files/{document.pk}/"
    assert f'<a href="{url}">deroule.pdf</a>' in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Disposition"] == "attachment"
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_photos_are_shown_inline_through_the_authenticated_view(client, submit, confirm):
    data = {**TESTIMONY, "photo_1": jpeg_with_gps(), "photo_1_alt": "Nadia devant les rayonnages", "photo_1_consent": "on"}
    contribution = _submit_and_confirm(submit, confirm, "temoignage", data, email="photo@example.org")
    photo = contribution.files.get()
    url = f"/admin/contributions/{contribution.pk}/files/{photo.pk}/"
    login(client, "moderator")
    html = text(client.get(f"/admin/contributions/{contribution.pk}/"))
    assert f'<img src="{url}" alt="Nadia devant les rayonnages"' in html
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    client.logout()
    login(client, "moderateur-maroc")
    assert get_refused(client, url)
    assert get_refused(client, f"/admin/contributions/{contribution.pk}/")


def test_the_editor_moderates_nothing_and_sees_nothing(client, submit, confirm):
    data = {**TESTIMONY, "photo_1": jpeg_with_gps(), "photo_1_alt": "Une photo", "photo_1_consent": "on"}
    contribution = _submit_and_confirm(submit, confirm, "temoignage", data, email="cache@example.org")
    photo = contribution.files.get()
    login(client, "editor")
    assert MENU_ENTRY not in text(client.get("/admin/"))
    for url in ["/admin/contributions/", f"/admin/contributions/{contribution.pk}/",
                f"/admin/contributions/{contribution.pk}/files/{photo.pk}/"]:
        assert get_refused(client, url), url
    assert refused(client.post("/admin/contributions/bulk/", {"ids": [contribution.pk], "action": "approve"}))
    response = client.post(f"/admin/contributions/{contribution.pk}/decision/", {"action": "approve"})
    assert response.status_code == 302 and response["Location"].startswith("/fr/")  # the 404, prefixed
    assert client.get(response["Location"]).status_code == 404
    # Editors hold page rights on the whole tree, not on contributions: the draft's editor is closed to them.
    assert get_refused(client, f"/admin/pages/{contribution.page_id}/edit/")
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION and not Page.objects.get(pk=contribution.page_id).live


def _decide(client, contribution, action, comment=None, capture=None):
    data = {"action": action}
    if comment is not None:
        data[f"{action}-comment"] = comment
    with capture(execute=True):
        return client.post(f"/admin/contributions/{contribution.pk}/decision/", data, follow=True)


def test_approve_from_the_detail_page_publishes_and_says_the_contributor_is_told(client, django_capture_on_commit_callbacks, pending):
    contribution = pending("temoin@example.org")
    login(client, "moderator")
    mail.outbox = []
    response = _decide(client, contribution, "approve", capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert messages_of(response) == [
        "Contribution approuvée et publiée ; un e-mail prévient Camille Martin (t…@example.org), avec le lien de la page."
    ]
    assert "temoin@example.org" not in messages_of(response)[0]
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    page = Page.objects.get(pk=contribution.page_id).specific
    assert page.live and client.get(page.url).status_code == 200
    assert [m.to for m in mail.outbox] == [["temoin@example.org"]]
    assert page.full_url in mail.outbox[0].body
    event = contribution.events.get(action="published")
    assert event.actor.username == "moderator"


def test_request_changes_from_the_detail_page_emails_the_comment(client, django_capture_on_commit_callbacks, pending):
    contribution = pending("format@example.org")
    login(client, "moderator")
    mail.outbox = []
    response = _decide(client, contribution, "reject", "Ajoutez la durée de chaque étape.", capture=django_capture_on_commit_callbacks)
    assert messages_of(response) == [
        "Modifications demandées ; votre commentaire part par e-mail à f…@example.org, avec un lien pour modifier la contribution."
    ]
    contribution.refresh_from_db()
    assert contribution.status == Status.CHANGES_REQUESTED
    assert mail.outbox[-1].to == ["format@example.org"] and "Ajoutez la durée de chaque étape." in mail.outbox[-1].body
    assert "Modifications demandées" in text(response)  # the history says so too
    assert not Page.objects.get(pk=contribution.page_id).live


def test_refuse_from_the_detail_page_emails_the_reason_and_publishes_nothing(client, django_capture_on_commit_callbacks, pending):
    contribution = pending("rabat@example.org")
    login(client, "moderateur-maroc")
    mail.outbox = []
    response = _decide(client, contribution, "refuse", "Ce café a déjà un compte rendu.", capture=django_capture_on_commit_callbacks)
    [refused_message] = in_admin_language(
        "moderateur-maroc", "Contribution refusée, rien n'est publié ; votre raison part par e-mail à %(who)s."
    )
    assert messages_of(response) == [refused_message % {"who": "r…@example.org"}]
    contribution.refresh_from_db()
    assert contribution.status == Status.REJECTED and contribution.last_comment == "Ce café a déjà un compte rendu."
    assert mail.outbox[-1].to == ["rabat@example.org"] and "Ce café a déjà un compte rendu." in mail.outbox[-1].body
    page = Page.objects.get(pk=contribution.page_id)
    assert not page.live and page.current_workflow_state is None


@pytest.mark.parametrize("action", ["refuse", "reject"])
@pytest.mark.parametrize("comment", [None, "", "   \n  "])
def test_detail_page_refuses_a_decision_without_a_comment(client, django_capture_on_commit_callbacks, action, comment, pending):
    contribution = pending("orga@example.org")
    login(client, "moderator")
    mail.outbox = []
    response = _decide(client, contribution, action, comment, capture=django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert any("envoyé" in m and "e-mail" in m for m in messages_of(response)), messages_of(response)
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION
    assert mail.outbox == []
    assert not ContributionEvent.objects.filter(contribution=contribution, action__in=["rejected", "changes_requested"]).exists()


def _task_state(contribution):
    return Page.objects.get(pk=contribution.page_id).specific.current_workflow_state.current_task_state


@pytest.mark.parametrize("action", ["refuse", "reject"])
def test_wagtails_workflow_modal_requires_the_comment_and_says_it_is_emailed(client, action, pending):
    contribution = pending("orga@example.org")
    task_state = _task_state(contribution)
    login(client, "moderator")
    url = f"/admin/pages/workflow/action/{contribution.page_id}/{action}/{task_state.pk}/"
    modal = json.loads(client.get(url, headers={"x-requested-with": "XMLHttpRequest"}).content)["html"]
    assert "envoyé" in modal and "par e-mail au contributeur" in modal
    # A post without a comment, from the modal: the form comes back with the error.
    xhr = client.post(url, {"comment": "  "}, headers={"x-requested-with": "XMLHttpRequest"})
    body = json.loads(xhr.content)
    assert body["step"] == "action" and "e-mail" in body["html"]
    # Forged without the modal: nothing happens either.
    assert client.post(url, {}).status_code == 302
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION and _task_state(contribution).pk == task_state.pk


@pytest.mark.parametrize("extra", ["{}", '{"comment": ""}', "not json"])
def test_wagtails_editor_refuses_a_refusal_posted_without_a_reason(client, extra, pending):
    contribution = pending("orga@example.org")
    login(client, "moderator")
    response = client.post(f"/admin/pages/{contribution.page_id}/edit/", {
        "action-workflow-action": "true", "workflow-action-name": "refuse", "workflow-action-extra-data": extra,
    }, follow=True)
    assert response.status_code == 200
    assert any(m.startswith("Rien n'a changé") for m in messages_of(response)), messages_of(response)
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION
    assert Page.objects.get(pk=contribution.page_id).specific.current_workflow_state.status == "in_progress"


def test_refusing_through_wagtails_workflow_view_lands_on_the_contribution(client, django_capture_on_commit_callbacks, pending):
    contribution = pending("lectrice@example.org")
    task_state = _task_state(contribution)
    login(client, "moderator")
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/admin/pages/workflow/action/{contribution.page_id}/refuse/{task_state.pk}/", {"comment": "Doublon."}
        )
    assert response.status_code == 302 and response["Location"] == f"/admin/contributions/{contribution.pk}/"
    contribution.refresh_from_db()
    assert contribution.status == Status.REJECTED
    assert "Doublon." in mail.outbox[-1].body
    html = text(client.get(response["Location"]))
    assert "votre raison part par e-mail à Une bibliothécaire (l…@example.org)" in html  # the page says the contributor was told


def test_bulk_messages_say_the_contributors_are_told(client, submit, confirm, django_capture_on_commit_callbacks):
    a = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY, "person_name": "A"}, email="bulk-a@example.org")
    b = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY, "person_name": "B"}, email="bulk-b@example.org")
    login(client, "moderator")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/admin/contributions/bulk/", {"ids": [a.pk, b.pk], "action": "refuse", "comment": "Hors sujet."}, follow=True)
    assert messages_of(response) == ["2 contribution(s) refusée(s) ; chaque contributeur reçoit votre raison par e-mail."]
    assert {m.to[0] for m in mail.outbox if "Hors sujet." in m.body} == {"bulk-a@example.org", "bulk-b@example.org"}


def test_an_unconfirmed_contribution_shows_without_decisions(client, pending):
    contribution = pending("pending@example.org")
    login(client, "moderator")
    html = text(client.get(f"/admin/contributions/{contribution.pk}/"))
    assert "l'e-mail n'est pas confirmé" in html
    assert 'name="action"' not in html


class _FormFields(HTMLParser):
    """The values a browser would send from the page editor's form, as the editor's HTML sets them."""

    def __init__(self, form_id):
        super().__init__(convert_charrefs=True)
        self.form_id, self.inside, self.fields = form_id, False, []
        self._textarea = self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.inside = attrs.get("id") == self.form_id
        if not self.inside or "name" not in attrs and tag not in ("option",):
            return
        if tag == "input" and attrs.get("type") not in ("submit", "button", "file"):
            if attrs.get("type") in ("checkbox", "radio") and "checked" not in attrs:
                return
            self.fields.append((attrs["name"], attrs.get("value", "on" if attrs.get("type") == "checkbox" else "")))
        elif tag == "textarea":
            self._textarea = [attrs["name"], ""]
        elif tag == "select":
            self._select = attrs["name"]
        elif tag == "option" and self._select and "selected" in attrs:
            self.fields.append((self._select, attrs.get("value", "")))

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self._textarea is not None:
            self.fields.append(tuple(self._textarea))
            self._textarea = None
        elif tag == "select":
            self._select = None
        elif tag == "form":
            self.inside = False


def editor_form(client, page_id) -> dict:
    parser = _FormFields("page-edit-form")
    parser.feed(client.get(f"/admin/pages/{page_id}/edit/").content.decode())
    data = {}
    for name, value in parser.fields:
        data.setdefault(name, []).append(value)
    return data


def test_approving_in_wagtails_editor_publishes_and_lands_on_the_contribution(client, django_capture_on_commit_callbacks, pending):
    contribution = pending("temoin@example.org")
    login(client, "moderator")
    data = editor_form(client, contribution.page_id)
    assert "person_name" in data
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["approve"], "workflow-action-extra-data": ["{}"]})
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{contribution.page_id}/edit/", data)
    assert response.status_code == 302 and response["Location"] == f"/admin/contributions/{contribution.pk}/"
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED and Page.objects.get(pk=contribution.page_id).live
    assert mail.outbox[-1].to == ["temoin@example.org"]
    shown = messages_of(client.get(response["Location"]))
    assert "Contribution approuvée et publiée ; un e-mail prévient Camille Martin (t…@example.org), avec le lien de la page." in shown


def test_refusing_in_wagtails_editor_with_a_reason_emails_it(client, django_capture_on_commit_callbacks, pending):
    contribution = pending("temoin@example.org")  # a page without StreamField: its form posts without JavaScript
    login(client, "moderator")
    data = editor_form(client, contribution.page_id)
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["refuse"],
                 "workflow-action-extra-data": [json.dumps({"comment": "Ce n'est pas un café IA."})]})
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{contribution.page_id}/edit/", data)
    assert response["Location"] == f"/admin/contributions/{contribution.pk}/"
    contribution.refresh_from_db()
    assert contribution.status == Status.REJECTED and not Page.objects.get(pk=contribution.page_id).live
    assert "Ce n'est pas un café IA." in mail.outbox[-1].body


@pytest.mark.parametrize("action", ["action-cancel-workflow", "action-restart-workflow"])
def test_a_contributions_moderation_cannot_be_dropped_without_telling_the_contributor(client, action, pending):
    contribution = pending("temoin@example.org")
    login(client, "moderator")
    data = {**editor_form(client, contribution.page_id), action: ["true"]}
    response = client.post(f"/admin/pages/{contribution.page_id}/edit/", data, follow=True)
    assert any(m.startswith("Rien n'a changé") for m in messages_of(response)), messages_of(response)
    page = Page.objects.get(pk=contribution.page_id).specific
    assert page.current_workflow_state.status == "in_progress"
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION


def test_approving_from_the_detail_page_publishes_the_photo_and_names_the_approver(client, submit, confirm, django_capture_on_commit_callbacks):
    data = {**TESTIMONY, "country_code": "MA", "photo_1": jpeg_with_gps(), "photo_1_alt": "Nadia", "photo_1_consent": "on"}
    contribution = _submit_and_confirm(submit, confirm, "temoignage", data, email="photo-ma@example.org")
    login(client, "moderateur-maroc")
    _decide(client, contribution, "approve", capture=django_capture_on_commit_callbacks)
    page = Page.objects.get(pk=contribution.page_id).specific
    assert page.live and page.photo is not None and page.photo.description == "Nadia"
    assert contribution.events.get(action="published").actor.username == "moderateur-maroc"
