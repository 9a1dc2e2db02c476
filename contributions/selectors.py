"""Reads for the moderators: which contributions a user may see, listed without per-row queries."""
from django.db.models import Q
from wagtail.models import GroupPagePermission

from .models import Contribution

SORTS = {"age": "created_at", "-age": "-created_at", "kind": "kind", "status": "status", "country": "country_code"}


def moderated_paths(user) -> list[str] | None:
    """Tree paths the user moderates; None means everywhere (superusers)."""
    if user.is_superuser:
        return None
    return list(
        GroupPagePermission.objects.filter(group__user=user).values_list("page__path", flat=True).distinct()
    )


def contributions_visible_to(user):
    qs = Contribution.objects.select_related("locale", "page")
    paths = moderated_paths(user)
    if paths is None:
        return qs
    if not paths:
        return qs.none()
    scope = Q()
    for path in paths:
        scope |= Q(target_path__startswith=path)
    return qs.filter(scope)


def contributions_for_moderation(*, user, kind="", status="", country="", language="", sort="-age"):
    qs = contributions_visible_to(user)
    if kind:
        qs = qs.filter(kind=kind)
    if status:
        qs = qs.filter(status=status)
    if country:
        qs = qs.filter(country_code=country)
    if language:
        qs = qs.filter(locale__language_code=language)
    return qs.order_by(SORTS.get(sort, "-created_at"), "-pk")
