"""Builders for lettre tests: articles and subscribers made with the ORM, on the module's minimal tree."""
import itertools
import json

import pytest

from home.models import ArticlePage, Subscriber
from tests.factories import ImageFactory, translate_page

_counter = itertools.count(1)


@pytest.fixture
def lettre_fr(module_site_tree):
    return module_site_tree.lettre["fr"]


@pytest.fixture
def make_article(lettre_fr):
    def make(*, parent=None, tags=(), body=(), **fields):
        n = next(_counter)
        fields.setdefault("title", f"Article de test {n}")
        fields.setdefault("slug", f"article-de-test-{n}")
        page = ArticlePage(body=json.dumps(list(body)), **fields)
        (parent or lettre_fr).add_child(instance=page)
        if tags:
            page.tags.set(list(tags))
        page.save_revision().publish()
        return page

    return make


@pytest.fixture
def make_subscriber():
    def make(email=None, *, language="fr", status=Subscriber.Status.CONFIRMED):
        n = next(_counter)
        return Subscriber.objects.create(
            email=email or f"abonne{n}@example.org", language=language, status=status,
            unsubscribe_token=f"token-{n}-{'x' * 20}",
        )

    return make


EDITION_TEXT = ("<p>En deux jours, huit cafés ont eu lieu. Revoir celui de "
                '<a href="https://tube.cafeia.example/w/cafe-ia-grenoble">Grenoble</a>.</p>')
EDITION_TEXT_AR = "<p>في يومين، أقيمت ثمانية مقاهٍ.</p>"


def edition_body(image, text: str) -> list[dict]:
    """A text with a link, an image and a video: what an e-mail and a feed must carry over (or leave out)."""
    return [
        {"type": "text", "value": text},
        {"type": "image", "value": {"image": {"image": image.pk, "alt_text": "Une carte", "decorative": False},
                                    "caption": "La carte des cafés", "credit": "Une autrice"}},
        {"type": "video", "value": {"url": "https://www.youtube.com/watch?v=abcdefghijk", "title": "Une vidéo",
                                    "caption": ""}},
    ]


@pytest.fixture
def edition(make_article, settings, tmp_path):
    """Edition n° 3, published in fr, with its ar translation (under the ar lettre, same slug)."""
    settings.MEDIA_ROOT = tmp_path
    image = ImageFactory()
    page = make_article(title="Des cafés IA partout en France", slug="lettre-3-partout-en-france", issue_number=3,
                        body=edition_body(image, EDITION_TEXT), chapeau="Huit cafés en deux jours.")
    translate_page(page, "ar", title="مقاهي الذكاء الاصطناعي في كل أنحاء فرنسا",
                   body=json.dumps(edition_body(image, EDITION_TEXT_AR)))
    return page
