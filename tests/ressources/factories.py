"""Builders for resource pages: one at a time through Wagtail, hundreds at once in bulk, or the recipe of a café."""
import itertools
import json

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db.models import F
from taggit.models import Tag
from wagtail.documents import get_document_model
from wagtail.models import Page, Site

from ressources.demo import DEMO_PDF
from ressources.models import ResourceDocument, ResourceIndexPage, ResourcePage, ResourcePageTag, ResourceTheme
from tests.factories import locale, translate_page

_counter = itertools.count(1)

RECIPE_STEPS = {
    "fr": [("Accueillir", 15, "Un café, un prénom, une question simple."), ("Échanger", 45, "Par tables de quatre.")],
    "ar": [("الاستقبال", 15, "قهوة واسم وسؤال بسيط."), ("التبادل", 45, "على طاولات من أربعة.")],
    "en": [("Welcoming", 15, "A coffee, a first name, a simple question."), ("Sharing", 45, "At tables of four.")],
}
RECIPE_TITLES = {
    "fr": "La recette infaillible pour organiser un café IA",
    "ar": "الوصفة المضمونة لتنظيم مقهى الذكاء الاصطناعي",
    "en": "The foolproof recipe for running a café IA",
}


def resource_index(language_code: str = "fr") -> ResourceIndexPage:
    """The library of the default Site (the test's own tree, or the demo's) in that language."""
    home = Site.objects.get(is_default_site=True).root_page.specific
    return ResourceIndexPage.objects.child_of(home.get_translation(locale(language_code))).get()


def _steps(code: str) -> str:
    return json.dumps([{"type": "step", "value": {"title": t, "duration": m, "text": x}} for t, m, x in RECIPE_STEPS[code]])


def recipe() -> ResourcePage:
    """"La recette infaillible" as the demo has it: facts, steps, a themed link, a PDF to print; in fr, ar and en."""
    document = get_document_model()(title="Fiche recette d'essai")
    document.file.save("fiche-recette-essai.pdf", ContentFile(DEMO_PDF), save=False)
    document._set_document_file_metadata()
    document.save()
    page = make_resource(
        title=RECIPE_TITLES["fr"], slug="la-recette-infaillible", kind="format", group_min=8, group_max=40,
        duration_minutes=120, with_screens="without", steps=_steps("fr"), themes=["daily-life", "democracy"],
        tags=["organiser"],
    )
    page.documents = [ResourceDocument(document=document, title="Fiche recette à imprimer")]
    page.save_revision().publish()
    for code in ("ar", "en"):
        translate_page(page, code, title=RECIPE_TITLES[code], steps=_steps(code))
    return page


def make_resource(*, index=None, themes=(), tags=(), **fields) -> ResourcePage:
    """A published resource under the index, as an editor would create it."""
    index = index or resource_index()
    n = next(_counter)
    fields.setdefault("title", f"Ressource d'essai {n}")
    fields.setdefault("slug", f"ressource-test-{n}")  # the shared factory has "ressource-essai-"
    fields.setdefault("summary", "Un résumé de test.")
    page = ResourcePage(**fields)
    page.themes = [ResourceTheme(theme=code) for code in themes]
    page.tags.set(list(tags))
    index.add_child(instance=page)
    page.save_revision().publish()
    return page


def bulk_resources(count: int, *, index=None, tags=("bulk", "lot"), **fields) -> list[ResourcePage]:
    """`count` live resources written with a handful of queries (bulk inserts, tree paths computed)."""
    index = index or resource_index()
    index.refresh_from_db()
    content_type = ContentType.objects.get_for_model(ResourcePage)
    last = index.get_last_child()
    start = (int(last.path[-ResourcePage.steplen:], 36) if last else 0) + 1
    pages = []
    for i in range(start, start + count):
        slug = f"lot-{i}"
        pages.append(
            ResourcePage(
                title=f"Ressource en lot {i}", draft_title=f"Ressource en lot {i}", slug=slug,
                summary="Une ressource créée en lot pour mesurer la liste.",
                path=ResourcePage._get_path(index.path, index.depth + 1, i), depth=index.depth + 1, numchild=0,
                url_path=f"{index.url_path}{slug}/", locale_id=index.locale_id, content_type=content_type,
                live=True, duration_minutes=45, group_min=5, group_max=20, **fields,
            )
        )
    Page.objects.bulk_create(pages)
    for page in pages:
        page.page_ptr_id = page.id
    ResourcePage.objects._insert(pages, fields=ResourcePage._meta.local_concrete_fields, raw=True)
    Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    tag_objects = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in tags]
    ResourcePageTag.objects.bulk_create(
        [ResourcePageTag(content_object_id=p.id, tag=t) for p in pages for t in tag_objects]
    )
    ResourceTheme.objects.bulk_create([ResourceTheme(page_id=p.id, theme="work", sort_order=0) for p in pages])
    return pages
