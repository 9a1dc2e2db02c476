"""The "Déclarer un café" form asks for the café's accessibility, and the draft page carries it."""
import re

import pytest

from cafes.models import AccessibilityFeature

from .conftest import common_fields
from .test_flow import CAFE, _submit_and_confirm

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_moderation_tree")]


@pytest.mark.parametrize("language,legend", [("fr", "Accessibilité"), ("ar", "إمكانية الوصول"), ("en", "Accessibility")])
def test_the_form_asks_for_it_in_a_labelled_group_of_checkboxes(client, language, legend):
    html = client.get(f"/{language}/contribuer/cafe/").content.decode()
    group = re.search(r"<fieldset><legend>" + legend + r"</legend>(.*?)</fieldset>", html, re.S)
    assert group, language
    assert len(re.findall(r'<input type="checkbox" name="accessibility" value="[^"]+"', group.group(1))) == 9


def test_the_draft_cafe_gets_the_features_ticked(submit, confirm):
    contribution = _submit_and_confirm(submit, confirm, "cafe", {**CAFE, "accessibility": ["lsf", "plain-pied"]},
                                       email="acces@example.org")
    draft = contribution.page.specific.get_latest_revision_as_object()
    assert draft.accessibility_codes == ["plain-pied", "lsf"]


def test_an_unknown_feature_is_refused_with_a_message(submit):
    response = submit("cafe", {**common_fields("acces2@example.org"), **CAFE, "accessibility": ["rampe"]})
    assert response.status_code == 200
    assert "rampe" in response.content.decode()
    assert AccessibilityFeature.objects.count() == 9
