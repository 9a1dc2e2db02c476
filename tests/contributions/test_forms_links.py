"""Readers reach the forms: the home page's call to contribute, and a past café's page, prefilled with that café."""
import json
import re
from datetime import timedelta

import pytest
from django.utils import timezone, translation
from wagtail.blocks.struct_block import StructBlockValidationError

from cafeia_site.blocks import CONTRIBUTION_FORM_CHOICES, CallToActionBlock
from cafes.models import CafePage
from contributions.kinds import KINDS
from contributions.models import Contribution
from home.models import HomePage
from tests.factories import CafePageFactory, translate_page

from .conftest import common_fields
from .test_flow import REPORT
from .test_forms import FormValues

pytestmark = [pytest.mark.django_db]

# The home page's call to contribute, as the editors write it (and the demo does: home/demo.py).
CALL_TO_CONTRIBUTE = json.dumps([{"type": "call_to_action", "value": {
    "title": "Vous avez animé un café IA ?", "text": "Racontez ce qui s'y est dit.", "link_page": None,
    "link_url": "", "link_form": "compte-rendu", "link_label": "Proposer un compte rendu",
}}])


@pytest.fixture(scope="module")
def cafes(module_moderation_tree, django_db_blocker):
    """The tree's upcoming café (fr), a past one in fr and ar, and the call to contribute on every home page."""
    tree = module_moderation_tree.tree
    with django_db_blocker.unblock():
        for home in HomePage.objects.filter(pk__in=[home.pk for home in tree.home.values()]):
            home.body = CALL_TO_CONTRIBUTE  # fetched again: the tree's copies predate their children
            home.save()
        start = timezone.now() - timedelta(days=10)
        past = CafePageFactory(parent=tree.countries["FR"]["fr"], title="Café IA de la semaine dernière",
                               slug="cafe-passe", start=start, end=start + timedelta(hours=2))
        past_ar = translate_page(past, "ar", title="مقهى الأسبوع الماضي")
    assert past.is_past and past_ar.is_past and not tree.cafe.is_past
    return {"upcoming": tree.cafe, "past": {"fr": past, "ar": past_ar}}


def _past_cafe(cafes, language="fr") -> CafePage:
    return CafePage.objects.get(pk=cafes["past"][language].pk)


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_the_home_pages_call_to_contribute_leads_to_the_report_form(client, cafes, language):
    html = client.get(f"/{language}/").content.decode()
    sections = re.findall(r'<section class="cta">(.*?)</section>', html, re.S)
    links = [href for section in sections for href in re.findall(r'<a class="button" href="([^"]+)"', section)]
    assert f"/{language}/contribuer/compte-rendu/" in links, sections
    for href in links:
        assert client.get(href).status_code == 200, href


def test_a_call_to_action_with_nowhere_to_go_is_refused():
    block = CallToActionBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"title": "Venez", "text": "", "link_page": None, "link_url": "",
                                     "link_form": "", "link_label": "Participer"}))
    value = block.clean(block.to_python({"title": "Venez", "link_form": "temoignage", "link_label": "Témoigner"}))
    with translation.override("ar"):
        assert 'href="/ar/contribuer/temoignage/"' in block.render(value)  # in the reader's language


def test_the_call_to_actions_forms_are_the_sites_forms():
    assert {key for key, _label in CONTRIBUTION_FORM_CHOICES} == {"index", *KINDS}


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_a_past_cafes_page_links_to_the_report_form_with_that_cafe_chosen(client, cafes, language):
    cafe = _past_cafe(cafes, language)
    html = client.get(cafe.url).content.decode()
    href = f"/{language}/contribuer/compte-rendu/?cafe={cafe.pk}"
    assert f'href="{href}"' in html
    response = client.get(href)
    assert response.status_code == 200
    assert FormValues(response.content.decode()).values["cafe"] == [str(cafe.pk)]


def test_an_upcoming_cafes_page_does_not_ask_for_a_report(client, cafes):
    cafe = cafes["upcoming"]
    assert "/contribuer/compte-rendu/?cafe=" not in client.get(cafe.url).content.decode()


def test_a_cafe_older_than_the_list_is_still_chosen_from_its_page_and_accepted(client, cafes, submit):
    cafe = _past_cafe(cafes)
    long_ago = timezone.now() - timedelta(days=800)
    CafePage.objects.filter(pk=cafe.pk).update(start=long_ago, end=long_ago + timedelta(hours=2),
                                               recurrence_weekday=None, recurrence_until=None)
    listed = FormValues(client.get("/fr/contribuer/compte-rendu/").content.decode())
    assert f'value="{cafe.pk}"' not in client.get("/fr/contribuer/compte-rendu/").content.decode()
    assert listed.values["cafe"] == [""]
    chosen = FormValues(client.get(f"/fr/contribuer/compte-rendu/?cafe={cafe.pk}").content.decode())
    assert chosen.values["cafe"] == [str(cafe.pk)]
    data = {**common_fields("ancien@example.org"), **REPORT, "cafe": str(cafe.pk), "date": long_ago.date().isoformat()}
    assert submit("compte-rendu", data).status_code == 302
    assert Contribution.objects.get(email="ancien@example.org").data["cafe"] == cafe.pk


@pytest.mark.parametrize("bogus", ["abc", "-1", "0", "99999999", "1e3", "<script>", "1' OR '1'='1", "9" * 40, "future", "other"])
def test_a_bogus_cafe_in_the_address_is_ignored(client, cafes, bogus):
    if bogus == "future":
        bogus = str(cafes["upcoming"].pk)
    elif bogus == "other":
        bogus = str(cafes["past"]["ar"].pk)  # a café of another language's tree
    response = client.get("/fr/contribuer/compte-rendu/", {"cafe": bogus})
    assert response.status_code == 200
    assert FormValues(response.content.decode()).values["cafe"] == [""]
    assert "<script>" not in response.content.decode().split("</header>", 1)[1]
