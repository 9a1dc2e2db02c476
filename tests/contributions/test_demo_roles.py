"""The demo's roles: every active moderation task has real approvers, editors publish every page, each
moderator account is in its country's group.

On the demo: its subject is the groups, workflows and accounts the demo sets up (contributions/demo.py,
load_demo), which a minimal tree would only restate.
"""
import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Task, Workflow

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


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


def test_demo_moderators_belong_to_their_country_groups():
    User = get_user_model()
    assert list(User.objects.get(username="moderator").groups.values_list("name", flat=True)) == ["Modérateurs"]
    assert list(User.objects.get(username="moderateur-maroc").groups.values_list("name", flat=True)) == ["Modérateurs Maroc"]
