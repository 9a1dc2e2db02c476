"""A resource page: facts, steps, licence badge and attribution for every licence, printable view."""
import pytest
from django.core.exceptions import ValidationError
from django.utils.html import escape

from ressources.licences import LICENCES, attribution, get_licence
from ressources.models import ResourcePage

from .factories import make_resource, recipe, resource_index

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]

RECIPE = "/fr/ressources/la-recette-infaillible/"


@pytest.fixture
def the_recipe(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return recipe()


@pytest.mark.parametrize("code", list(LICENCES))
def test_every_licence_shows_its_badge_label_deed_and_attribution(client, code):
    page = make_resource(
        title="Atelier licence", slug=f"atelier-{code.replace('.', '-')}", licence=code, authors="Awa Diallo",
        organisation="Tiers-lieu d'essai", source_url="https://example.org/atelier",
    )
    html = client.get(page.url).content.decode()
    licence = LICENCES[code]
    assert f'data-licence="{code}">{escape(licence.badge)}</span>' in html
    assert escape(str(licence.label)) in html
    if licence.deed_url:
        assert f'<a href="{licence.deed_url}" rel="license">' in html
    else:
        assert "Lire le résumé de la licence" not in html
    line = attribution(page)
    assert f'readonly rows="5" dir="auto">{escape(line)}</textarea>' in html
    assert "« Atelier licence »" in line
    assert "Awa Diallo, Tiers-lieu d'essai" in line
    assert "https://example.org/atelier" in line
    if licence.deed_url:
        assert f"sous licence {licence.name} ({licence.deed_url})" in line


def test_attribution_points_to_the_page_when_there_is_no_source(client):
    page = make_resource(title="Sans source", slug="sans-source")
    html = client.get(page.url).content.decode()
    assert escape("« Sans source » — http://testserver/fr/ressources/sans-source/ — sous licence CC BY-NC 4.0") in html


def test_attribution_line_for_rights_reserved_and_author_terms():
    page = ResourcePage(title="T", authors="A", organisation="", source_url="https://example.org/", licence="permission")
    assert attribution(page) == "« T » — A — https://example.org/ — tous droits réservés, reproduit avec permission"
    page.licence = "author-terms"
    assert attribution(page).endswith("selon les conditions de l'auteur")


def test_attribution_is_in_the_readers_language(client, the_recipe):
    html = client.get("/en/ressources/la-recette-infaillible/").content.decode()
    assert "under CC BY-NC 4.0 (https://creativecommons.org/licenses/by-nc/4.0/)" in html


def test_new_resources_default_to_cc_by_nc():
    assert ResourcePage().licence == "cc-by-nc-4.0"
    assert get_licence("unknown").code == "cc-by-nc-4.0"


def test_resource_page_shows_facts_steps_and_documents(client, the_recipe):
    html = client.get(RECIPE).content.decode()
    assert "de 8 à 40" in html  # participants
    assert "120 min" in html
    assert "Sans écran" in html
    assert '<h3 class="step__title">Accueillir <span class="step__duration">(15 min)</span></h3>' in html
    assert 'href="/documents/' in html and "Fiche recette à imprimer" in html
    assert "(PDF, 193\xa0octets)" in html
    assert 'href="/fr/ressources/?theme=democracy"' in html


def test_arabic_resource_page_is_translated_and_right_to_left(client, the_recipe):
    html = client.get("/ar/ressources/la-recette-infaillible/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert "الوصفة المضمونة لتنظيم مقهى الذكاء الاصطناعي" in html
    assert "الاستقبال" in html  # a translated step


def test_resource_page_links_its_print_stylesheet_for_paper(client, the_recipe):
    html = client.get(RECIPE).content.decode()
    assert 'href="/static/ressources/print.css" media="print"' in html
    assert f'href="{RECIPE}imprimer/"' in html


@pytest.mark.parametrize("url", [RECIPE + "imprimer/", RECIPE + "?print=1", "/ar/ressources/la-recette-infaillible/imprimer/"])
def test_printable_view_has_the_format_without_the_site_chrome(client, the_recipe, url):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="site-header"' not in html and 'class="site-footer"' not in html
    assert '<link rel="stylesheet" href="/static/ressources/print.css">' in html
    assert '<ol class="steps">' in html
    assert '<pre class="attribution" dir="auto">' in html
    assert 'name="robots" content="noindex"' in html
    code = url.split("/")[1]
    assert f'<html lang="{code}" dir="{"rtl" if code == "ar" else "ltr"}">' in html


def test_a_resource_needs_only_what_a_public_form_collects():
    page = ResourcePage(title="Format proposé", summary="Ce qu'il apporte.", kind="format")
    resource_index().add_child(instance=page)
    page.full_clean()  # no steps, no duration, no document: still valid
    empty = ResourcePage(title="Sans résumé", slug="sans-resume")
    with pytest.raises(ValidationError) as error:
        empty.full_clean(exclude=["path", "depth"])
    assert "summary" in error.value.message_dict


def test_a_minimum_above_its_maximum_is_refused():
    page = ResourcePage(title="x", slug="x", summary="x", group_min=30, group_max=10, age_min=12, age_max=8)
    with pytest.raises(ValidationError) as error:
        page.full_clean(exclude=["path", "depth"])
    assert {"group_max", "age_max"} <= set(error.value.message_dict)


def test_resource_page_query_count_is_small(client, the_recipe, django_assert_max_num_queries):
    client.get(RECIPE)
    with django_assert_max_num_queries(25):
        client.get(RECIPE)


def test_editors_can_open_the_admin_forms_of_both_page_types(client, the_recipe):
    from django.contrib.auth import get_user_model

    admin = get_user_model().objects.create_superuser("root-ressources", "root@example.org", "x")
    client.force_login(admin)
    index = resource_index()
    assert client.get(f"/admin/pages/{the_recipe.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/{index.pk}/edit/").status_code == 200
    assert client.get(f"/admin/pages/add/ressources/resourcepage/{index.pk}/").status_code == 200


def test_images_show_their_credit(client, settings, tmp_path):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    from ressources.models import ResourceImage

    settings.MEDIA_ROOT = tmp_path
    image = get_image_model().objects.create(title="Table de jeu", file=get_test_image_file())
    page = make_resource(title="Avec image", slug="avec-image")
    page.images = [ResourceImage(image=image, caption="Une partie en cours", credit="Photo : Léa Martin")]
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "Une partie en cours" in html
    assert "Crédit : Photo : Léa Martin" in html
    assert '<img alt="Table de jeu"' in html
