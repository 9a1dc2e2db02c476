"""Editors keep the editorial snippets of the café section: organisers and animators, listed and edited."""
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

from cafes.models import Animator, Organisation

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


@pytest.fixture
def editor_client(client):
    client.force_login(get_user_model().objects.get(username="editor"))
    return client


@pytest.mark.parametrize("model", [Organisation, Animator])
def test_the_editors_group_holds_every_permission_of_the_snippet(model):
    codenames = {f"{action}_{model._meta.model_name}" for action in ("add", "change", "delete", "view")}
    held = set(Group.objects.get(name="Editors").permissions.filter(content_type__app_label="cafes")
               .values_list("codename", flat=True))
    assert codenames <= held
    assert not Permission.objects.filter(codename__endswith="_animateur").exists()


@pytest.mark.parametrize("model", [Organisation, Animator])
def test_an_editor_lists_and_opens_the_snippet(editor_client, model):
    name = model._meta.model_name
    listing = editor_client.get(f"/admin/snippets/cafes/{name}/")
    assert listing.status_code == 200, listing.get("Location")
    item = model.objects.first()
    edit = editor_client.get(f"/admin/snippets/cafes/{name}/edit/{item.pk}/")
    assert edit.status_code == 200
    assert item.name in edit.content.decode()
