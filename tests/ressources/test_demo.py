"""The library's demo: enough resources, translated, named formats, and a builder safe to re-run."""
import pytest

from home.models import HomePage
from ressources import demo
from ressources.models import ResourcePage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]

FULLY_TRANSLATED = ["bataille-de-l-ia", "ia-sans-ecran", "la-recette-infaillible", "debat-deepfakes"]


def test_demo_has_at_least_twelve_resources_in_each_language():
    for code in ("fr", "ar", "en"):
        assert ResourcePage.objects.live().filter(locale__language_code=code).count() >= 12, code


def test_demo_names_the_programmes_formats():
    slugs = set(ResourcePage.objects.filter(locale__language_code="fr").values_list("slug", flat=True))
    assert {"bataille-de-l-ia", "ia-sans-ecran", "la-recette-infaillible", "debat-deepfakes", "fresque-de-l-ia",
            "lectures-pour-comprendre-l-ia", "guide-de-l-animateur"} <= slugs
    assert ResourcePage.objects.filter(locale__language_code="fr", kind="format").count() >= 6


@pytest.mark.parametrize("slug", FULLY_TRANSLATED)
@pytest.mark.parametrize("code", ["ar", "en"])
def test_several_resources_are_fully_translated(slug, code):
    source = ResourcePage.objects.get(locale__language_code="fr", slug=slug)
    translated = ResourcePage.objects.get(locale__language_code=code, slug=slug)
    for name in ("title", "summary", "objectives", "materials", "variations", "tips"):
        assert getattr(translated, name) != getattr(source, name), name
    for a, b in zip(source.steps, translated.steps, strict=True):
        assert a.value["title"] != b.value["title"]
        assert a.value["duration"] == b.value["duration"]
    assert sorted(translated.tags.names()) == sorted(source.tags.names())


def test_builder_is_idempotent_and_fills_the_context(django_capture_on_commit_callbacks):
    before = ResourcePage.objects.count()
    context = {"home": HomePage.objects.get(locale__language_code="fr")}
    with django_capture_on_commit_callbacks(execute=True):
        demo.build(context)
    assert ResourcePage.objects.count() == before
    assert context["resource_index"].slug == "ressources"
    assert context["resources"]["la-recette-infaillible"].documents.count() == 1
    assert len(context["resources"]) >= 12
