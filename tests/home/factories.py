"""Builders for home tests: testimonies, the "about" page's principles and the home page's featured blocks."""
import json

import factory

from home.lettre.testimonies import TestimonyPage
from tests.factories import SiteTree, _LivePageFactory, translate_page

PRINCIPLES = {
    "fr": [("Frugalité", "Peu de moyens, peu de données.")],
    "ar": [("الاقتصاد في الموارد", "وسائل قليلة وبيانات قليلة.")],
    "en": [("Frugality", "Few means, little data.")],
}


class TestimonyPageFactory(_LivePageFactory):
    title = factory.Sequence(lambda n: f"Personne d'essai {n}")
    slug = factory.Sequence(lambda n: f"temoin-essai-{n}")
    person_name = factory.LazyAttribute(lambda o: o.title)
    role = "participante"
    body = "Mon histoire."

    class Meta:
        model = TestimonyPage


def principles_body(code: str) -> str:
    blocks = [{"type": "heading", "value": {"text": "Nos principes", "level": "h2"}}]
    blocks += [{"type": "principle", "value": {"title": t, "text": x}} for t, x in PRINCIPLES[code]]
    return json.dumps(blocks)


def about_with_principles(tree: SiteTree) -> None:
    """The tree's "about" page in the menu, with its principles in each of its languages."""
    for code, page in tree.about.items():
        page.body, page.show_in_menus = principles_body(code), True
        page.save()


def home_blocks(testimony: TestimonyPage | None) -> str:
    blocks = [{"type": "latest_articles", "value": {"title": "La lettre", "count": 3}}]
    if testimony is not None:
        blocks.append({"type": "featured_testimony", "value": {"title": "Le regard", "testimony": testimony.pk}})
    blocks.append({"type": "upcoming_cafes", "value": {"title": "Prochains cafés IA", "count": 3}})
    return json.dumps(blocks)


def home_with_featured_blocks(tree: SiteTree, testimony: TestimonyPage | None = None) -> None:
    """Every home page of the tree shows the latest articles, `testimony` (if any) and the next cafés, as the demo's."""
    for page in tree.home.values():
        page.body = home_blocks(testimony)
        page.save()


def make_testimony(tree: SiteTree, *, languages=("fr",), **fields) -> dict[str, TestimonyPage]:
    """A testimony under the tree's index, with translations: `fields` for fr, `<code>_<field>` for the others."""
    others = [code for code in languages if code != "fr"]
    own = {k: v for k, v in fields.items() if k[:3] not in {f"{code}_" for code in others}}
    pages = {"fr": TestimonyPageFactory(parent=tree.testimonies["fr"], **own)}
    for code in others:
        pages[code] = translate_page(pages["fr"], code, **{k[3:]: v for k, v in fields.items() if k.startswith(f"{code}_")})
    return pages
