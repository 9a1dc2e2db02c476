"""The lettre's pages: every section renders, the index filters and searches, related articles, home blocks."""
import datetime as dt

import pytest
from django.utils.html import escape

from home.lettre import testimonies
from home.lettre.selectors import articles_related
from home.models import ArticlePage
from tests.factories import ImageFactory, translate_page
from tests.home.factories import home_with_featured_blocks, make_testimony

pytestmark = pytest.mark.django_db


@pytest.fixture
def image(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return ImageFactory()


@pytest.fixture
def lettre(edition, make_article):
    """The edition n° 3 (fr, ar, en) and news beside it, tagged and dated as the filters need."""
    translate_page(edition, "en", title="Cafés IA all over France")
    ArticlePage.objects.filter(pk=edition.pk).update(date=dt.date(2025, 3, 10))
    make_article(title="Faire ensemble : un objet pour incarner Café IA", tags=["objet-essai"],
                 date=dt.date(2025, 2, 1), issue_number=2)
    make_article(title="Construire Café IA ensemble", date=dt.date(2024, 11, 5), issue_number=1)
    kit = make_article(title="Le kit d'animation mis à jour", date=dt.date(2025, 4, 1),
                       body=[{"type": "text", "value": "<p>Des fiches revues.</p>"}])
    translate_page(kit, "ar", title="تحديث عُدّة التنشيط")
    return edition


EVERY_BLOCK = [
    {"type": "text", "value": "<p>Un paragraphe ordinaire.</p>"},
    {"type": "regard", "value": {"person": "Inès Marchal", "role": "bibliothécaire", "photo": None,
                                  "quote": "Une citation marquante.", "text": "<p>Son regard.</p>", "testimony": None}},
    {"type": "call_to_action", "value": {"title": "Appel à faire ensemble", "text": "Venez.", "link_page": None,
                                          "link_url": "https://example.org/appel", "link_label": "Participer"}},
    {"type": "watch", "value": {"title": "Veille", "links": [
        {"title": "Une lecture utile", "url": "https://example.org/lecture", "source": "Revue X", "summary": "En une ligne."}]}},
    {"type": "agenda", "value": {"title": "Agenda", "items": [
        {"date": "2025-02-07", "place": "Paris", "title": "Rencontre citoyenne", "link": "https://example.org/rdv"}]}},
    {"type": "briefs", "value": {"title": "En bref", "items": [{"text": "<p>Une brève.</p>"}]}},
    {"type": "image", "value": {"image": None, "caption": "Une légende", "credit": "Une autrice"}},
    {"type": "video", "value": {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Une vidéo", "caption": ""}},
    {"type": "quote", "value": {"text": "Parler d'IA, c'est parler de nous.", "attribution": "Une participante"}},
    {"type": "before_leaving", "value": {"title": "Avant de partir", "text": "<p>Un dernier mot.</p>"}},
]


def test_every_section_type_renders_on_the_article_page(client, make_article, image):
    blocks = [dict(b) for b in EVERY_BLOCK]
    blocks[6] = {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "Un dessin", "decorative": False},
                                            "caption": "Une légende", "credit": "Une autrice"}}
    article = make_article(body=blocks, issue_number=42, chapeau="Le chapeau.", authors="Zoé", illustrators="Yann")
    assert {b["type"] for b in blocks} == {name for name, _ in ArticlePage.body.field.stream_block.child_blocks.items()}
    html = client.get(article.url).content.decode()
    for expected in [
        "Un paragraphe ordinaire.", "Le regard de <bdi>Inès Marchal</bdi>", "Une citation marquante.",
        "Appel à faire ensemble", 'href="https://example.org/appel"', "Une lecture utile", "Revue X",
        "En une ligne.", 'datetime="2025-02-07"', "Rencontre citoyenne", "Une brève.", "Une légende",
        "Un dessin", "Parler d&#x27;IA, c&#x27;est parler de nous.", "Un dernier mot.",
        "Lettre n° 42", "Le chapeau.", "Préparée par Zoé.", "Illustrée par Yann.",
    ]:
        assert expected in html, expected


def test_video_is_a_plain_link_until_the_reader_asks(client, make_article):
    article = make_article(body=[EVERY_BLOCK[7]])
    html = client.get(article.url).content.decode()
    assert "<iframe" not in html
    assert 'href="https://www.youtube.com/watch?v=abcdefghijk"' in html
    assert 'data-embed-url="https://www.youtube-nocookie.com/embed/abcdefghijk"' in html
    assert "home/video.js" in html


def test_unknown_video_host_is_only_a_link(client, make_article):
    article = make_article(body=[{"type": "video", "value": {"url": "https://example.org/v/1", "title": "Ailleurs", "caption": ""}}])
    html = client.get(article.url).content.decode()
    assert "data-embed-url" not in html
    assert 'href="https://example.org/v/1"' in html


def test_article_without_image_and_with_empty_sections_renders(client, make_article):
    article = make_article(body=[
        {"type": "watch", "value": {"title": "Veille vide", "links": []}},
        {"type": "agenda", "value": {"title": "Agenda vide", "items": []}},
        {"type": "briefs", "value": {"title": "Brèves vides", "items": []}},
        {"type": "regard", "value": {"person": "Sans Photo", "role": "", "photo": None, "quote": "", "text": "", "testimony": None}},
    ])
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Veille vide", "Agenda vide", "Brèves vides"):
        assert title not in html  # an empty section leaves no orphan heading
    assert "Sans Photo" in html
    assert "<img" not in html.split('id="main"')[1].split("</main>")[0]


def test_regard_links_to_the_testimony_in_the_readers_language(client, module_site_tree, make_article):
    camille = make_testimony(module_site_tree, languages=("fr", "en"), title="Camille Perrin", slug="camille-perrin")
    regard = {"type": "regard", "value": {"person": "Camille Perrin", "role": "médiatrice", "photo": None,
                                          "quote": "", "text": "<p>Son regard.</p>", "testimony": camille["fr"].pk}}
    article = make_article(slug="lettre-1-construire-ensemble", body=[regard])
    translate_page(article, "en", title="Building Café IA together")
    html = client.get("/en/lettre/lettre-1-construire-ensemble/").content.decode()
    assert 'href="/en/temoignages/camille-perrin/"' in html


def test_index_lists_editions_and_news_in_each_language(client, lettre):
    for code, title in [("fr", "Des cafés IA partout en France"), ("ar", "مقاهي الذكاء الاصطناعي في كل أنحاء فرنسا"),
                        ("en", "Cafés IA all over France")]:
        html = client.get(f"/{code}/lettre/").content.decode()
        assert escape(title) in html, code
    assert escape("Le kit d'animation mis à jour") in client.get("/fr/lettre/").content.decode()  # a news item


@pytest.mark.demo  # the demo's own content
def test_demo_has_three_editions_and_news():
    assert ArticlePage.objects.filter(locale__language_code="fr", issue_number__isnull=False).count() == 3
    assert ArticlePage.objects.filter(locale__language_code="fr", issue_number__isnull=True).count() >= 3


def test_index_filters_by_tag_and_year(client, lettre):
    html = client.get("/fr/lettre/?tag=objet-essai").content.decode()
    assert "Faire ensemble : un objet pour incarner Café IA" in html
    assert "Des cafés IA partout en France" not in html
    html = client.get("/fr/lettre/?year=2024").content.decode()
    assert "Construire Café IA ensemble" in html
    assert "Des cafés IA partout en France" not in html


@pytest.mark.parametrize("query", [
    "?tag=inexistant", "?year=2025-13-45", "?year=1850", "?page=-1", "?page=999999", "?page=abc",
    "?tag=<script>alert(1)</script>", "?q=" + "x" * 500,
])
def test_bad_filters_are_ignored_with_a_visible_message(client, lettre, query):
    response = client.get("/fr/lettre/" + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "q=" not in query:
        assert 'class="notice notice--error"' in html
        assert "Des cafés IA partout en France" in html  # the filter was ignored, everything is listed


def test_search_within_the_lettre(client, lettre):
    html = client.get("/fr/lettre/?q=Grenoble").content.decode()
    assert "Des cafés IA partout en France" in html
    assert "Le kit d&#x27;animation mis à jour" not in html


def test_index_is_paginated(client, make_article):
    for _ in range(11):
        make_article()
    html = client.get("/fr/lettre/").content.decode()
    assert 'rel="next"' in html
    assert client.get("/fr/lettre/?page=2").status_code == 200


def test_related_articles_share_tags_and_cost_constant_queries(client, make_article, django_assert_max_num_queries):
    article = make_article(tags=["rare-mot"])
    make_article(tags=["rare-mot"], title="Voisin 1")
    make_article(tags=["rare-mot"], title="Voisin 2")
    client.get(article.url)
    with django_assert_max_num_queries(30) as few:
        html = client.get(article.url).content.decode()
        count = len(few)
    assert "Voisin 1" in html
    for i in range(4):  # 2 neighbours, then 3 × 2
        make_article(tags=["rare-mot"], title=f"Voisin plus {i}")
    client.get(article.url)
    with django_assert_max_num_queries(count):
        client.get(article.url)


def test_index_query_count_does_not_grow_with_articles(client, make_article, django_assert_max_num_queries):
    for i in range(3):
        make_article(tags=[f"mot-{i}"])
    client.get("/fr/lettre/")
    with django_assert_max_num_queries(40) as before:
        client.get("/fr/lettre/")
        count = len(before)
    for i in range(3, 9):  # 3 articles, then 3 × 3
        make_article(tags=[f"mot-{i}"])
    client.get("/fr/lettre/")
    with django_assert_max_num_queries(count):
        client.get("/fr/lettre/")


def test_home_features_latest_articles_and_a_testimony(client, module_site_tree, lettre):
    camille = make_testimony(module_site_tree, languages=("fr", "ar"), title="Camille Perrin",
                             ar_title="كاميل بيران", ar_person_name="كاميل بيران")
    home_with_featured_blocks(module_site_tree, camille["fr"])
    html = client.get("/fr/").content.decode()
    assert "Le kit d&#x27;animation mis à jour" in html
    assert "Camille Perrin" in html
    html = client.get("/ar/").content.decode()
    assert "تحديث عُدّة التنشيط" in html
    assert "كاميل بيران" in html


def test_testimonies_index_and_page(client, module_site_tree):
    for name in ("Camille Perrin", "Youssef Alaoui", "Léa Fontaine"):
        make_testimony(module_site_tree, languages=("fr", "ar"), title=name, slug=name.lower().replace(" ", "-").replace("é", "e"))
    html = client.get("/fr/temoignages/").content.decode()
    for name in ("Camille Perrin", "Youssef Alaoui", "Léa Fontaine"):
        assert name in html
    assert client.get("/ar/temoignages/camille-perrin/").status_code == 200


def test_a_testimony_needs_only_what_a_public_form_collects(module_site_tree):
    index = module_site_tree.testimonies["fr"]
    page = testimonies.TestimonyPage(title="Nour", slug="nour", person_name="Nour", role="participante", body="Mon histoire.", live=False)
    index.add_child(instance=page)
    page.full_clean()
    required = {f.name for f in testimonies.TestimonyPage._meta.local_fields if not f.blank and f.name not in ("page_ptr",)}
    assert required == {"person_name", "role", "body"}


def test_lettre_index_is_a_child_of_home_with_its_slug(lettre_fr):
    index = lettre_fr
    assert index.get_parent().specific_class.__name__ == "HomePage"
    assert index.slug == "lettre" and index.url == "/fr/lettre/"


def test_related_articles_are_chosen_in_one_query_plus_their_images(make_article, image, django_assert_num_queries):
    article = make_article(tags=["partage", "commun"])
    for i in range(5):
        make_article(tags=["partage"] if i % 2 else ["partage", "commun"], title=f"Lien {i}", hero_image=image)
    article.tag_list  # noqa: B018 (the page template reads it anyway)
    with django_assert_num_queries(3):  # the articles, their images, the images' renditions
        related = articles_related(article=article, count=3)
    assert {t.name for t in related[0].tags.all()} == {"partage", "commun"}
