"""Builders for lettre tests: articles and subscribers made with the ORM, on the module's minimal tree."""
import itertools
import json

import pytest

from home.models import ArticlePage, Subscriber

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
