"""Registers the moderators' Contributions queue, and keeps Wagtail's own page views to the same rules."""
import json

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Page

from .admin_views import ContributionViewSet
from .choices import OPEN_STATUSES, Status
from .models import Contribution, ContributionModerationTask
from .moderation import COMMENT_REQUIRED, decision_message
from .selectors import contributions_visible_to


@hooks.register("register_admin_viewset")
def register_contribution_viewset():
    return ContributionViewSet()


# --- Wagtail's page views, on a draft that is a contribution in moderation --------------------
def _open_contribution(page_id):
    return Contribution.objects.filter(page_id=page_id, status__in=OPEN_STATUSES).first()


def _check_moderator(user, contribution):
    """Only the contribution's own moderators touch its draft: page permissions elsewhere in the tree do not count."""
    if not user.is_superuser and not contributions_visible_to(user).filter(pk=contribution.pk).exists():
        raise PermissionDenied


def _invalid_workflow_comment(request, page) -> str:
    """Wagtail's editor posts the action's comment as JSON it never validates: validate it with the task's form."""
    task = page.current_workflow_task
    action = request.POST.get("workflow-action-name", "")
    if not isinstance(task, ContributionModerationTask) or action not in COMMENT_REQUIRED:
        return ""
    try:
        data = json.loads(request.POST.get("workflow-action-extra-data") or "{}")
    except ValueError:
        data = None
    form = task.get_form_for_action(action)(data=data if isinstance(data, dict) else {})
    if form.is_valid():
        return ""
    return " ".join(str(error) for errors in form.errors.values() for error in errors)


@hooks.register("before_edit_page")
def guard_contribution_editing(request, page):
    contribution = _open_contribution(page.pk)
    if contribution is None:
        return None
    _check_moderator(request.user, contribution)
    request.contribution_status_before_edit = contribution.status
    if request.method != "POST":
        return None
    if request.POST.get("action-cancel-workflow") or request.POST.get("action-restart-workflow"):
        # Neither tells the contributor anything: the contribution would wait for ever.
        error = _("approuvez, demandez des modifications ou refusez : le contributeur en est prévenu par e-mail.")
    elif request.POST.get("action-workflow-action"):
        error = _invalid_workflow_comment(request, page)
    else:
        error = ""
    if error:
        messages.error(request, _("Rien n'a changé : %(error)s") % {"error": error})
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None


@hooks.register("after_edit_page")
def tell_what_the_decision_did(request, page):
    """After a decision from the editor, the moderator lands on the contribution, told what the contributor receives."""
    before = getattr(request, "contribution_status_before_edit", None)
    if before is None:
        return None
    contribution = Contribution.objects.filter(page_id=page.pk).first()
    if contribution is None or contribution.status == before or contribution.status == Status.IN_MODERATION:
        return None
    messages.success(request, decision_message(contribution))
    return redirect("contributions_admin:detail", contribution.pk)


@hooks.register("before_delete_page")
def guard_contribution_deletion(request, page):
    if (contribution := _open_contribution(page.pk)) is not None:
        _check_moderator(request.user, contribution)


@hooks.register("before_move_page")
def guard_contribution_move(request, page, destination):
    if (contribution := _open_contribution(page.pk)) is not None:
        _check_moderator(request.user, contribution)


@hooks.register("before_bulk_action")
def guard_contribution_bulk_actions(request, action_type, objects, action_class_instance):
    page_ids = [obj.pk for obj in objects if isinstance(obj, Page)]
    for contribution in Contribution.objects.filter(page_id__in=page_ids, status__in=OPEN_STATUSES):
        _check_moderator(request.user, contribution)
