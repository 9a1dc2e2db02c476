"""Who publishes what: every active moderation task has real approvers, editors publish their own pages,
and a contribution under moderation is published only by its moderators."""
import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Task, Workflow

from contributions.choices import OPEN_STATUSES
from contributions.models import Contribution

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def _login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_every_active_task_of_an_active_workflow_has_approvers():
    active = Workflow.objects.filter(active=True)
    assert active.exists()
    for workflow in active:
        tasks = [wt.task.specific for wt in workflow.workflow_tasks.filter(task__active=True)]
        assert tasks, f"{workflow.name} has no active task: it would publish unreviewed"
        for task in tasks:
            groups = task.groups.all()
            assert groups and all(g.user_set.exists() for g in groups), f"{task.name}: a group without members"


def test_no_page_waits_on_the_default_moderators_workflow():
    root = Page.objects.get(depth=1)
    assert root.get_workflow() is None
    assert not Workflow.objects.filter(name="Moderators approval", active=True).exists()
    assert not Task.objects.filter(name="Moderators approval", active=True).exists()


def test_editors_publish_every_page_and_translation_in_every_language():
    editor = get_user_model().objects.get(username="editor")
    for page in Page.objects.filter(depth=3).select_related("locale"):
        assert page.permissions_for_user(editor).can_publish(), page.url_path
    assert editor.has_perm("wagtail_localize.submit_translation")


def _pending_page():
    contribution = Contribution.objects.filter(status__in=OPEN_STATUSES, country_code="FR", page__isnull=False).first()
    return contribution.page.specific


def test_the_editor_cannot_open_a_contribution_under_moderation(client):
    page = _pending_page()
    response = _login(client, "editor").get(f"/admin/pages/{page.pk}/edit/")
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_editor_cannot_publish_a_contribution_under_moderation_by_a_forged_post(client):
    page = _pending_page()
    response = _login(client, "editor").post(f"/admin/pages/{page.pk}/edit/", {"action-publish": "1"})
    assert (response.status_code, response.url) == (302, "/admin/")
    page.refresh_from_db()
    assert not page.live


def test_its_moderator_keeps_the_publish_action(client):
    page = _pending_page()
    html = _login(client, "moderator").get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html


def test_the_editor_cannot_bulk_publish_a_contribution_under_moderation(client):
    page = _pending_page()
    parent = page.get_parent()
    response = _login(client, "editor").post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&childOf={parent.pk}", {}
    )
    assert (response.status_code, response.url) == (302, "/admin/")
    page.refresh_from_db()
    assert not page.live
