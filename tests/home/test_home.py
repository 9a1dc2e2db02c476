"""The home page and free pages: content, chrome, and a bounded number of queries."""
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils.html import escape
from wagtail.models import Page

from home.models import StandardPage
from tests.factories import ArticlePageFactory, CafePageFactory, StandardPageFactory

from .factories import about_with_principles, home_with_featured_blocks, make_testimony

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def tree(module_site_tree, django_db_blocker):
    with django_db_blocker.unblock():
        about_with_principles(module_site_tree)
    return module_site_tree


def test_home_shows_hero_menu_and_footer(client, tree):
    html = client.get("/fr/").content.decode()
    home = tree.home["fr"]
    assert escape(home.title) in html
    assert escape(home.hero_text) in html
    assert 'href="/fr/quest-ce-que-cafe-ia/"' in html  # the menu, from the page tree
    assert "contact@cafeia.example" in html  # the footer, from site settings
    assert "creativecommons.org/licenses/by-nc/4.0/" in html
    assert 'class="skip-link" href="#main"' in html


def test_about_page_lists_the_principles_in_each_language(client, tree):
    assert "Frugalité" in client.get("/fr/quest-ce-que-cafe-ia/").content.decode()
    assert "الاقتصاد في الموارد" in client.get("/ar/quest-ce-que-cafe-ia/").content.decode()
    assert "Frugality" in client.get("/en/quest-ce-que-cafe-ia/").content.decode()


def test_menu_follows_the_page_tree(client, tree):
    assert 'href="/fr/quest-ce-que-cafe-ia/"' in client.get("/fr/").content.decode().split("</nav>")[0]
    about = StandardPage.objects.get(pk=tree.about["fr"].pk)
    about.show_in_menus = False
    about.save_revision().publish()
    html = client.get("/fr/").content.decode()
    assert 'href="/fr/quest-ce-que-cafe-ia/"' not in html.split("</nav>")[0]


# 10 for Wagtail's serving and the cached chrome, 6 for the lettre blocks (chosen testimony,
# its translation, the lettre index, its latest articles, their images and renditions),
# 8 for the upcoming cafés block (cafés with audiences and tags, the café index, the cached
# count of cafés held this year and its synthesis page).
HOME_MAX_QUERIES = 24


def _grow(tree, count):
    """`count` more menu pages, articles and upcoming cafés."""
    for _ in range(count):
        StandardPageFactory(parent=tree.home["fr"], show_in_menus=True)
        ArticlePageFactory(parent=tree.lettre["fr"])
        CafePageFactory(parent=tree.countries["FR"]["fr"], organiser=tree.organisation, audiences=["seniors"],
                        tags=["essai"])


def test_home_page_query_count_is_small_and_constant(client, tree, django_assert_max_num_queries):
    home_with_featured_blocks(tree, make_testimony(tree, languages=("fr", "ar", "en"))["fr"])
    _grow(tree, 3)
    client.get("/fr/")
    with django_assert_max_num_queries(HOME_MAX_QUERIES) as few:
        html = client.get("/fr/").content.decode()
        count = len(few)
    assert "Personne d&#x27;essai" in html and "Article d&#x27;essai" in html and "Café d&#x27;essai" in html
    _grow(tree, 6)
    client.get("/fr/")
    with django_assert_max_num_queries(count):
        client.get("/fr/")


@pytest.mark.demo  # its subject is the demo's own loader
def test_demo_loader_is_idempotent():
    from contributions.models import Contribution

    before = Page.objects.count()
    live = set(Page.objects.live().values_list("pk", flat=True))
    waiting = {c.pk: c.status for c in Contribution.objects.all()}
    call_command("load_demo", stdout=StringIO())
    assert Page.objects.count() == before
    # A second run publishes nothing new: the contributions waiting for moderation stay unpublished.
    assert set(Page.objects.live().values_list("pk", flat=True)) == live
    assert {c.pk: c.status for c in Contribution.objects.all()} == waiting
