"""A contribution under moderation is published only by its moderators, not by the editors who publish every page."""
import pytest
from django.contrib.auth import get_user_model

from contributions.choices import OPEN_STATUSES

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_queue")]


def _login(client, username):
    client.force_login(get_user_model().objects.get(username=username))
    return client


@pytest.fixture
def pending_page(pending):
    """The page of a French contribution under moderation."""
    contribution = pending("temoin@example.org")
    assert contribution.status in OPEN_STATUSES and contribution.country_code == "FR"
    return contribution.page.specific


def test_the_editor_cannot_open_a_contribution_under_moderation(client, pending_page):
    page = pending_page
    response = _login(client, "editor").get(f"/admin/pages/{page.pk}/edit/")
    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    assert (response.status_code, response.url) == (302, "/admin/")


def test_the_editor_cannot_publish_a_contribution_under_moderation_by_a_forged_post(client, pending_page):
    page = pending_page
    response = _login(client, "editor").post(f"/admin/pages/{page.pk}/edit/", {"action-publish": "1"})
    assert (response.status_code, response.url) == (302, "/admin/")
    page.refresh_from_db()
    assert not page.live


def test_its_moderator_keeps_the_publish_action(client, pending_page):
    page = pending_page
    html = _login(client, "moderator").get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="action-publish"' in html


def test_the_editor_cannot_bulk_publish_a_contribution_under_moderation(client, pending_page):
    page = pending_page
    parent = page.get_parent()
    response = _login(client, "editor").post(
        f"/admin/bulk/wagtailcore/page/publish/?id={page.pk}&childOf={parent.pk}", {}
    )
    assert (response.status_code, response.url) == (302, "/admin/")
    page.refresh_from_db()
    assert not page.live
