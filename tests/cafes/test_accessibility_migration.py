"""Migrations 0012-0013 carry the four old accessibility flags of a café to AccessibilityFeature rows, on the
page and in its revisions, and back again."""
import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from wagtail.models import Revision

from cafes.models import AccessibilityFeature, CafePage
from tests.factories import site_tree

BEFORE = [("cafes", "0011_accessibility_features")]
FLAGS = ("step_free", "hearing_loop", "sign_language", "easy_to_read")
pytestmark = pytest.mark.usefixtures("migrations_data_back")


def _migrate(targets):
    """Migrates to `targets`; the models as they were there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_four_flags_become_rows_and_come_back():
    tree = site_tree()
    cafe = tree.cafe
    cafe.accessibility_features.set(AccessibilityFeature.objects.filter(code__in=["moteur", "plain-pied", "lsf"]))
    cafe.save()
    revision = cafe.save_revision()
    latest = [key for key in _latest_migrations() if key[0] == "cafes"]

    old_apps = _migrate(BEFORE)  # backwards: the rows become flags again (the kinds of disability had none)
    OldCafePage = old_apps.get_model("cafes", "CafePage")
    assert OldCafePage.objects.filter(pk=cafe.pk).values_list(*FLAGS).get() == (True, False, True, False)
    # As a café was before the change: flags only, in the page and in its revision.
    OldCafePage.accessibility_features.through.objects.all().delete()
    OldCafePage.objects.filter(pk=cafe.pk).update(step_free=True, hearing_loop=True, sign_language=False, easy_to_read=True)
    content = Revision.objects.get(pk=revision.pk).content
    content.pop("accessibility_features")
    content.update(step_free=False, hearing_loop=True, sign_language=False, easy_to_read=False)
    Revision.objects.filter(pk=revision.pk).update(content=content)

    _migrate(latest)
    assert CafePage.objects.get(pk=cafe.pk).accessibility_codes == ["plain-pied", "boucle-magnetique", "falc"]
    content = Revision.objects.get(pk=revision.pk).content
    assert not set(FLAGS) & set(content)
    assert content["accessibility_features"] == [AccessibilityFeature.objects.get(code="boucle-magnetique").pk]
    assert Revision.objects.get(pk=revision.pk).as_object().accessibility_codes == ["boucle-magnetique"]


def _latest_migrations():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
