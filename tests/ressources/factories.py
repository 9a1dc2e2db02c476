"""Builders for resource pages: one at a time through Wagtail, or hundreds at once in bulk."""
import itertools

from django.contrib.contenttypes.models import ContentType
from django.db.models import F
from taggit.models import Tag
from wagtail.models import Page

from ressources.models import ResourceIndexPage, ResourcePage, ResourcePageTag, ResourceTheme

_counter = itertools.count(1)


def resource_index(language_code: str = "fr") -> ResourceIndexPage:
    return ResourceIndexPage.objects.get(locale__language_code=language_code)


def make_resource(*, index=None, themes=(), tags=(), **fields) -> ResourcePage:
    """A published resource under the index, as an editor would create it."""
    index = index or resource_index()
    n = next(_counter)
    fields.setdefault("title", f"Ressource d'essai {n}")
    fields.setdefault("slug", f"ressource-essai-{n}")
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
