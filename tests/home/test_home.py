"""The home page and free pages: content, chrome, and a bounded number of queries."""
import pytest
from django.utils.html import escape

from home.models import HomePage, StandardPage

pytestmark = [pytest.mark.django_db, pytest.mark.demo]


def test_home_shows_hero_menu_and_footer(client):
    html = client.get("/fr/").content.decode()
    home = HomePage.objects.get(locale__language_code="fr")
    assert escape(home.title) in html
    assert escape(home.hero_text) in html
    assert 'href="/fr/quest-ce-que-cafe-ia/"' in html  # the menu, from the page tree
    assert "contact@cafeia.example" in html  # the footer, from site settings
    assert "creativecommons.org/licenses/by-nc/4.0/" in html
    assert 'class="skip-link" href="#main"' in html


def test_about_page_lists_the_principles_in_each_language(client):
    assert "Frugalité" in client.get("/fr/quest-ce-que-cafe-ia/").content.decode()
    assert "الاقتصاد في الموارد" in client.get("/ar/quest-ce-que-cafe-ia/").content.decode()
    assert "Frugality" in client.get("/en/quest-ce-que-cafe-ia/").content.decode()


def test_menu_follows_the_page_tree(client):
    about = StandardPage.objects.get(locale__language_code="fr", slug="quest-ce-que-cafe-ia")
    about.show_in_menus = False
    about.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/quest-ce-que-cafe-ia/"' not in html.split("</nav>")[0]


# 10 for Wagtail's serving and the cached chrome, 6 for the lettre blocks (chosen testimony,
# its translation, the lettre index, its latest articles, their images and renditions),
# 8 for the upcoming cafés block (cafés with audiences and tags, the café index, the cached
# count of cafés held this year and its synthesis page).
HOME_MAX_QUERIES = 24


def test_home_page_query_count_is_small_and_constant(client, django_assert_max_num_queries):
    client.get("/fr/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        client.get("/fr/")
    home = HomePage.objects.get(locale__language_code="fr")
    for i in range(10):
        page = StandardPage(title=f"Page {i}", slug=f"page-{i}", show_in_menus=True)
        home.add_child(instance=page)
        page.save_revision().publish()
    client.get("/fr/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES):
        client.get("/fr/")


def test_demo_loader_is_idempotent():
    from io import StringIO

    from django.core.management import call_command
    from wagtail.models import Page

    before = Page.objects.count()
    call_command("load_demo", stdout=StringIO())
    assert Page.objects.count() == before
