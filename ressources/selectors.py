"""Reads of the library: filtered, prefetched resource listings and what a resource page shows."""
from __future__ import annotations

from django.db.models import Prefetch, Q

from cafeia_site.selectors import search_terms

# The page models import this module: bind the models module, not its names (a cycle).
from . import models

DURATION_QUERIES = {
    "lt30": Q(duration_minutes__lt=30),
    "30-60": Q(duration_minutes__gte=30, duration_minutes__lte=60),
    "60-120": Q(duration_minutes__gt=60, duration_minutes__lte=120),
    "gt120": Q(duration_minutes__gt=120),
}


def resource_tag_names(*, index_page) -> list[str]:
    """Tag names used by the live resources under this index, in alphabetical order."""
    rows = (
        models.ResourcePageTag.objects.filter(content_object__path__startswith=index_page.path, content_object__live=True)
        .values_list("tag__name", flat=True)
        .distinct()
        .order_by("tag__name")
    )
    return list(rows)


def resources_for_index(
    *, index_page, query: str = "", kind: str = "", audience: str = "", duration: str = "",
    group: int | None = None, screens: str = "", licence: str = "", theme: str = "", tag: str = "",
):
    """Live resources under `index_page` matching every given filter, with what their cards show."""
    resources = models.ResourcePage.objects.live().public().child_of(index_page)
    query = search_terms(query)
    if query:
        # The search backend filters only on indexed fields: search first, then filter by id.
        matching = models.ResourcePage.objects.live().filter(locale_id=index_page.locale_id).search(query)
        resources = resources.filter(pk__in=[r.pk for r in matching])
    if kind:
        resources = resources.filter(kind=kind)
    if audience:
        resources = resources.filter(audience=audience)
    if duration in DURATION_QUERIES:
        resources = resources.filter(DURATION_QUERIES[duration])
    if group:
        resources = resources.filter(Q(group_min__isnull=True) | Q(group_min__lte=group)).filter(
            Q(group_max__isnull=True) | Q(group_max__gte=group)
        )
    if screens:
        resources = resources.filter(with_screens=screens)
    if licence:
        resources = resources.filter(licence=licence)
    if theme:
        resources = resources.filter(themes__theme=theme)  # one row per theme and page: no duplicates
    if tag:
        resources = resources.filter(tags__name__iexact=tag)
    return (
        resources.defer_streamfields()
        .select_related("alias_of")
        .prefetch_related(
            Prefetch("tagged_items", queryset=models.ResourcePageTag.objects.select_related("tag").order_by("tag__name")),
        )
        .order_by("title", "pk")
    )


USAGES_SHOWN = 20


def resource_detail(resource: models.ResourcePage) -> dict:
    """What a resource page shows besides its own fields, each fetched once."""
    return {
        "documents": list(resource.documents.select_related("document")),
        "images": list(resource.images.select_related("image").prefetch_related("image__renditions")),
        "themes": list(resource.themes.all()),
        "tag_names": sorted(t.name for t in resource.tags.all()),
        # Cafés and reports that say they used this format (the reverse of their `format` link).
        "used_by_cafes": list(resource.cafes.live().order_by("-start")[:USAGES_SHOWN]),
        "used_by_reports": list(resource.reports.live().order_by("-date")[:USAGES_SHOWN]),
    }

