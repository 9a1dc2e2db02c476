"""The list of animators: only those who agreed to be listed, each once, in the reader's language, with
their organisation and their number of cafés (counted once whatever the café's languages)."""
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.translation import ngettext, override

from tests.factories import AnimatorFactory, locale, translate_page

from .factories import country, make_cafe, organisation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("module_site_tree")]


@pytest.fixture
def animators():
    """Salma (listed, translated into Arabic, of an organisation translated into Arabic) animates two cafés,
    one of them translated; Thomas animates one but did not agree to be listed."""
    org = organisation(name="Université Al Akhawayn", slug="akhawayn-essai")
    org_ar = org.copy_for_translation(locale("ar"))
    org_ar.name = "جامعة الأخوين"
    org_ar.save()
    salma = AnimatorFactory(name="Salma Bennani", slug="salma-bennani-essai", organisation=org)
    salma_ar = salma.copy_for_translation(locale("ar"))
    salma_ar.name = "سلمى بناني"
    salma_ar.save()
    thomas = AnimatorFactory(name="Thomas Petit", slug="thomas-petit-essai", listed=False)
    rabat = make_cafe(country("MA"), title="Café IA à Rabat", organiser=org)
    rabat.animators.add(salma, thomas)
    rabat.save()
    translate_page(rabat, "ar", title="مقهى الذكاء الاصطناعي في الرباط")
    fes = make_cafe(country("MA"), title="Café IA à Fès", organiser=org)
    fes.animators.add(salma_ar)
    fes.save()
    return salma


def card(html: str, name: str) -> str:
    found = re.search(rf'dir="auto">{re.escape(name)}</a></h2>\s*<p>(.*?)</p>', html, re.S)
    assert found, name
    return found.group(1)


@pytest.mark.parametrize(("code", "name", "organisation_name"), [
    ("fr", "Salma Bennani", "Université Al Akhawayn"),
    ("ar", "سلمى بناني", "جامعة الأخوين"),
    ("en", "Salma Bennani", "Université Al Akhawayn"),
])
def test_listed_animators_with_their_organisation_and_count(client, animators, code, name, organisation_name):
    response = client.get(f"/{code}/cafes/animateurs/")
    assert response.status_code == 200
    html = response.content.decode()
    salma = card(html, name)
    assert f'href="/{code}/cafes/structures/akhawayn-essai/"><bdi>{organisation_name}</bdi>' in salma
    with override(code):
        assert salma.endswith(ngettext("%(counter)s café", "%(counter)s cafés", 2) % {"counter": 2})  # Arabic: a dual
    assert html.count(f">{name}</a>") == 1  # once, though she has two versions
    assert f'href="/{code}/cafes/animateurs/salma-bennani-essai/"' in html
    assert "Thomas Petit" not in html


def test_the_list_is_linked_from_the_directory_and_the_animator_pages(client, animators):
    for code in ("fr", "ar", "en"):
        for url in (f"/{code}/cafes/structures/", f"/{code}/cafes/animateurs/salma-bennani-essai/", f"/{code}/cafes/"):
            assert f'href="/{code}/cafes/animateurs/"' in client.get(url).content.decode(), url


def test_animator_page_lists_the_same_cafes_in_every_language(client, animators):
    for code in ("fr", "ar", "en"):
        html = client.get(f"/{code}/cafes/animateurs/salma-bennani-essai/").content.decode()
        assert len(re.findall(r'<h3><a href="[^"]+"[^>]*>', html)) == 2, code


def test_the_list_is_paginated_and_a_bad_page_number_says_so(client):
    for i in range(55):
        AnimatorFactory(name=f"Animatrice {i:02d}")
    first = client.get("/fr/cafes/animateurs/").content.decode()
    assert "Animatrice 00" in first and "Animatrice 54" not in first
    assert "Page 1 sur 2" in first
    last = client.get("/fr/cafes/animateurs/?page=2").content.decode()
    assert "Animatrice 54" in last
    wrong = client.get("/ar/cafes/animateurs/?page=٣")
    assert wrong.status_code == 200 and 'role="status"' in wrong.content.decode()


def test_an_empty_list_says_so(client):
    assert "Personne n'est encore nommé" in client.get("/fr/cafes/animateurs/").content.decode()


def test_the_list_query_count_does_not_grow(client, animators, django_assert_max_num_queries):
    def queries():
        client.get("/ar/cafes/animateurs/")
        with CaptureQueriesContext(connection) as ctx:
            client.get("/ar/cafes/animateurs/")
        return len(ctx.captured_queries)

    def add(n):
        org = organisation()
        for _ in range(n):
            animator = AnimatorFactory(organisation=org)
            cafe = make_cafe(country("MA"), organiser=org)
            cafe.animators.add(animator)
            cafe.save()

    add(3)
    before = queries()
    add(12)
    assert queries() == before
    with django_assert_max_num_queries(20):
        client.get("/ar/cafes/animateurs/")
