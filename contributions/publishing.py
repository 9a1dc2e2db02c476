"""Who may publish a page that holds a contribution under moderation: only the moderators of its task.

Editors publish their own pages (home/migrations/0005_editorial_roles.py); a contribution is published only by
approving it, or by a member of the group its moderation task belongs to (or the programme team, superusers).
"""
from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .models import OPEN_STATUSES, Contribution


def contribution_under_moderation(page) -> bool:
    return Contribution.objects.filter(page_id=page.pk, status__in=OPEN_STATUSES).exists()


def user_moderates_page(user, page) -> bool:
    """True when the user belongs to a group of the task the page's moderation is at."""
    if user.is_superuser:
        return True
    state = page.current_workflow_state
    task_state = state.current_task_state if state is not None else None
    if task_state is None:
        return False
    task = task_state.task.specific
    groups = getattr(task, "groups", None)
    return groups is not None and groups.filter(pk__in=user.groups.values("pk")).exists()


def user_may_publish(user, page) -> bool:
    return not contribution_under_moderation(page) or user_moderates_page(user, page)


def refuse_publish(request, page):
    messages.error(request, _(
        "Cette page est une contribution en cours de modération : seuls ses modérateurs peuvent la publier, "
        "en l'approuvant."
    ))
    return redirect("wagtailadmin_pages:edit", page.pk)
