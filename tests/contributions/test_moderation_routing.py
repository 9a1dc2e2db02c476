"""Country routing: a contribution's moderators are its country's, wherever its draft lands, and only they see or act."""
import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from wagtail.models import Page

from contributions.models import Contribution, Status
from contributions.selectors import contributions_visible_to
from home import models as lettre_models
from ressources.models import ResourceIndexPage

from .conftest import common_fields, jpeg_with_gps, links_in
from .test_flow import CAFE, FORMAT, REPORT, TESTIMONY, _submit_and_confirm
from .test_moderation import editor_form, get_refused, login, refused, text

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]

MOROCCAN = [
    ("temoignage", {**TESTIMONY, "country_code": "MA"}, "fr", lettre_models.TestimonyIndexPage),
    ("temoignage", {**TESTIMONY, "person_name": "نادية", "body": "فتحت المقاهي مكتبتي.", "country_code": "MA"}, "ar", lettre_models.TestimonyIndexPage),
    ("format", {**FORMAT, "title": "لعبة الدخلاء", "country_code": "MA"}, "ar", ResourceIndexPage),
]


def user(username):
    return get_user_model().objects.get(username=username)


def workflow_name(contribution) -> str:
    return Page.objects.get(pk=contribution.page_id).specific.current_workflow_state.workflow.name


def task_state(contribution):
    return Page.objects.get(pk=contribution.page_id).specific.current_workflow_state.current_task_state


@pytest.mark.parametrize("slug,data,language,index", MOROCCAN, ids=["testimony-fr", "testimony-ar", "format-ar"])
def test_a_moroccan_contribution_under_a_national_index_goes_to_the_maroc_moderators(
    client, submit, confirm, django_capture_on_commit_callbacks, slug, data, language, index
):
    contribution = _submit_and_confirm(submit, confirm, slug, data, language=language, email="maroc@example.org")
    page = Page.objects.get(pk=contribution.page_id).specific
    assert isinstance(page.get_parent().specific, index)  # the draft lands in the national index …
    assert contribution.country_code == "MA" and workflow_name(contribution) == "Contributions Maroc"  # … moderated by Morocco
    maroc, national = user("moderateur-maroc"), user("moderator")
    assert contributions_visible_to(maroc).filter(pk=contribution.pk).exists()
    assert not contributions_visible_to(national).filter(pk=contribution.pk).exists()
    assert task_state(contribution).task.specific.get_actions(page, national) == []
    # Morocco's moderators publish it without any publish right on the national tree.
    assert not page.permissions_for_user(maroc).can_publish()
    login(client, "moderateur-maroc")
    assert contribution.title in text(client.get("/admin/contributions/"))
    assert client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200  # the task opens Wagtail's editor to them
    mail.outbox = []
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/workflow/action/{page.pk}/approve/{task_state(contribution).pk}/", {})
    assert response["Location"] == f"/admin/contributions/{contribution.pk}/"
    page.refresh_from_db()
    assert page.live and client.get(page.url).status_code == 200
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    assert contribution.events.get(action="published").actor == maroc
    assert mail.outbox[-1].to == ["maroc@example.org"] and page.full_url in mail.outbox[-1].body


def _with_photo(data, alt):
    return {**data, "photo_1": jpeg_with_gps(), "photo_1_alt": alt, "photo_1_consent": "on"}


CROSSINGS = [
    # (kind, data, the contribution's moderator, the other one)
    ("compte-rendu", _with_photo, REPORT, "moderator", "moderateur-maroc"),
    ("temoignage", _with_photo, {**TESTIMONY, "country_code": "MA"}, "moderateur-maroc", "moderator"),
]


@pytest.mark.parametrize("slug,photo,data,owner,other", CROSSINGS, ids=["french-report", "moroccan-testimony"])
def test_neither_moderator_can_act_on_the_others_contribution_by_any_url(
    client, submit, confirm, django_capture_on_commit_callbacks, slug, photo, data, owner, other
):
    contribution = _submit_and_confirm(submit, confirm, slug, photo(data, "Une salle pleine"), email="x@example.org")
    file = contribution.files.get()
    state = task_state(contribution)
    login(client, other)
    assert contribution.title not in text(client.get("/admin/contributions/"))
    assert get_refused(client, f"/admin/contributions/{contribution.pk}/")
    assert get_refused(client, f"/admin/contributions/{contribution.pk}/files/{file.pk}/")
    assert get_refused(client, f"/admin/pages/{contribution.page_id}/edit/")
    with django_capture_on_commit_callbacks(execute=True):
        decided = client.post(f"/admin/contributions/{contribution.pk}/decision/", {"action": "approve"})
        assert decided.status_code == 302 and client.get(decided["Location"]).status_code == 404
        client.post("/admin/contributions/bulk/", {"ids": [contribution.pk], "action": "approve"})
        client.post("/admin/contributions/bulk/", {"ids": [contribution.pk], "action": "refuse", "comment": "Non."})
        for action in ("approve", "reject", "refuse"):
            response = client.post(
                f"/admin/pages/workflow/action/{contribution.page_id}/{action}/{state.pk}/", {"comment": "Non."}
            )
            assert refused(response), action
        published = client.post(f"/admin/pages/{contribution.page_id}/edit/", {"action-publish": "publish"})
        assert published.status_code == 302  # refused, with a message: only its moderators publish it
        assert any("seuls ses modérateurs" in str(m) for m in published.wsgi_request._messages) or refused(published)
    contribution.refresh_from_db()
    assert contribution.status == Status.IN_MODERATION
    assert not Page.objects.get(pk=contribution.page_id).live
    assert task_state(contribution).pk == state.pk and task_state(contribution).status == "in_progress"
    client.logout()
    login(client, owner)
    assert client.get(f"/admin/contributions/{contribution.pk}/").status_code == 200
    assert client.get(f"/admin/contributions/{contribution.pk}/files/{file.pk}/").status_code == 200


def _request_changes_and_resubmit(client, contribution, data, capture):
    login(client, "moderator")
    with capture(execute=True):
        client.post(f"/admin/contributions/{contribution.pk}/decision/", {"action": "reject", "reject-comment": "Votre pays ?"})
    client.logout()
    status_path = next(link for link in links_in(mail.outbox[-1]) if "/suivi/" in link).split("testserver", 1)[1]
    with capture(execute=True):
        response = client.post(status_path, data)
    assert response.status_code == 302, text(response)[:2000]
    contribution.refresh_from_db()
    return contribution


def test_a_resubmission_that_changes_the_country_changes_the_moderators(client, submit, confirm, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY, "country_code": "FR"}, email="move@example.org")
    assert workflow_name(contribution) == "Contributions France et national"
    contribution = _request_changes_and_resubmit(
        client, contribution, {**TESTIMONY, "country_code": "MA"}, django_capture_on_commit_callbacks
    )
    assert contribution.status == Status.IN_MODERATION and contribution.country_code == "MA"
    assert workflow_name(contribution) == "Contributions Maroc"
    assert not contributions_visible_to(user("moderator")).filter(pk=contribution.pk).exists()
    login(client, "moderateur-maroc")
    assert contribution.pk in [c.pk for c in client.get("/admin/contributions/", {"country": "MA"}).context["page_obj"]]
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/contributions/{contribution.pk}/decision/", {"action": "approve"})
    contribution.refresh_from_db()
    assert contribution.status == Status.PUBLISHED
    assert Page.objects.get(pk=contribution.page_id).live


def test_a_cafe_moved_to_another_country_moves_its_draft_and_its_moderators(client, submit, confirm, module_moderation_tree,
                                                                            django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "cafe", {**CAFE, "title": "Café voyageur"}, email="cafe-move@example.org")
    # Two Moroccan towns are called Ifrane: the one chosen from the list the form offers.
    edited = {**CAFE, "title": "Café voyageur", "city": "Ifrane", "postcode": "53000", "country": "MA", "place_code": "GN2546917"}
    contribution = _request_changes_and_resubmit(client, contribution, edited, django_capture_on_commit_callbacks)
    page = Page.objects.get(pk=contribution.page_id).specific
    assert page.get_parent().specific == module_moderation_tree.tree.countries["MA"]["fr"]
    assert contribution.country_code == "MA" and workflow_name(contribution) == "Contributions Maroc"
    login(client, "moderateur-maroc")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/contributions/{contribution.pk}/decision/", {"action": "approve"})
    page.refresh_from_db()
    assert page.live and page.url.startswith("/fr/cafes/maroc/")


def test_an_unconfirmed_contribution_is_already_its_countrys(submit):
    response = submit("temoignage", {**common_fields("tot@example.org"), **TESTIMONY, "country_code": "MA"})
    assert response.status_code == 302
    contribution = Contribution.objects.get(email="tot@example.org")
    assert contribution.page_id is None
    assert contributions_visible_to(user("moderateur-maroc")).filter(pk=contribution.pk).exists()
    assert not contributions_visible_to(user("moderator")).filter(pk=contribution.pk).exists()
    assert contributions_visible_to(user("administrateur")).filter(pk=contribution.pk).exists()
    assert not contributions_visible_to(user("editor")).exists()


def test_who_sees_a_contribution_in_moderation_is_exactly_who_can_act_on_it(submit, confirm):
    for slug, data, language, _index in MOROCCAN:
        _submit_and_confirm(submit, confirm, slug, data, language=language, email=f"{slug}-{language}@example.org")
    _submit_and_confirm(submit, confirm, "cafe", CAFE, email="cafe-fr@example.org")
    in_moderation = list(Contribution.objects.filter(status=Status.IN_MODERATION).select_related("page"))
    assert {c.country_code for c in in_moderation} >= {"FR", "MA"}
    for username in ("administrateur", "moderator", "moderateur-maroc", "editor"):
        account = user(username)
        visible = set(contributions_visible_to(account).filter(status=Status.IN_MODERATION).values_list("pk", flat=True))
        can_act = {
            c.pk for c in in_moderation
            if task_state(c).task.specific.get_actions(c.page.specific, account)
        }
        assert visible == can_act, username
        assert username == "editor" or visible


def test_the_maroc_moderator_approves_in_wagtails_editor_a_draft_outside_their_tree(client, submit, confirm, django_capture_on_commit_callbacks):
    contribution = _submit_and_confirm(submit, confirm, "temoignage", {**TESTIMONY, "country_code": "MA"}, email="ed@example.org")
    login(client, "moderateur-maroc")
    dashboard = text(client.get("/admin/"))
    assert contribution.title in dashboard  # "awaiting your review"
    data = editor_form(client, contribution.page_id)
    data.update({"action-workflow-action": ["true"], "workflow-action-name": ["approve"], "workflow-action-extra-data": ["{}"]})
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/pages/{contribution.page_id}/edit/", data)
    assert response["Location"] == f"/admin/contributions/{contribution.pk}/"
    page = Page.objects.get(pk=contribution.page_id)
    assert page.live and isinstance(page.get_parent().specific, lettre_models.TestimonyIndexPage)
    assert not page.permissions_for_user(user("moderateur-maroc")).can_publish()
    assert mail.outbox[-1].to == ["ed@example.org"]
