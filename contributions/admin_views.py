"""The moderators' "Contributions" view in the Wagtail admin: list, filters, detail, decisions one by one or in bulk."""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import OPEN_STATUSES, Contribution, ContributionFile, Kind, Status
from .moderation import APPROVE, EVENT_LABELS, REFUSE, REQUEST_CHANGES, contribution_data_rows, decision_message
from .selectors import (
    SORTS,
    contribution_for_moderator,
    contributions_for_moderation,
    contributions_visible_to,
    user_moderates,
)

PER_PAGE = 50


def _require_moderator(user):
    if not user_moderates(user):
        raise PermissionDenied


def _moderated_or_404(user, pk):
    try:
        return contribution_for_moderator(user=user, pk=pk)
    except Contribution.DoesNotExist:
        raise Http404 from None


def contribution_list(request):
    _require_moderator(request.user)
    params = {
        "kind": request.GET.get("kind", "") if request.GET.get("kind") in Kind.values else "",
        "status": request.GET.get("status", "") if request.GET.get("status") in Status.values else "",
        "country": request.GET.get("country", "")[:2].upper(),
        "language": request.GET.get("language", "") if request.GET.get("language") in dict(settings.LANGUAGES) else "",
        "sort": request.GET.get("sort", "-age") if request.GET.get("sort") in SORTS else "-age",
    }
    qs = contributions_for_moderation(user=request.user, **params)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("p"))
    return TemplateResponse(request, "contributions/admin/list.html", {
        "page_obj": page, "params": params, "kinds": Kind.choices, "statuses": Status.choices,
        "languages": settings.LANGUAGES, "open_statuses": OPEN_STATUSES,
    })


def _current_task(contribution):
    """The running task state of the contribution's draft, and its task; (None, None) when none runs."""
    page = contribution.page
    if page is None or contribution.status != Status.IN_MODERATION:
        return None, None
    state = page.specific.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None:
        return None, None
    return task_state.specific, task_state.task.specific


def contribution_detail(request, pk):
    contribution = _moderated_or_404(request.user, pk)
    task_state, task = _current_task(contribution)
    actions = {name for name, _label, _modal in task.get_actions(contribution.page, request.user)} if task else set()
    forms = {name: task.get_form_for_action(name)(prefix=name) for name in (APPROVE, REQUEST_CHANGES, REFUSE) if name in actions}
    events = [
        {"event": event, "label": EVENT_LABELS.get(event.action, event.action)}
        for event in contribution.events.select_related("actor")
    ]
    files = list(contribution.files.all())
    page_perms = contribution.page.permissions_for_user(request.user) if contribution.page else None
    return TemplateResponse(request, "contributions/admin/detail.html", {
        "contribution": contribution,
        "Status": Status,
        "data_rows": contribution_data_rows(contribution),
        "photos": [f for f in files if f.kind == ContributionFile.FileKind.PHOTO],
        "documents": [f for f in files if f.kind == ContributionFile.FileKind.DOCUMENT],
        "events": events,
        "task": task,
        "decision_forms": forms,
        "can_open_editor": bool(page_perms and page_perms.can_edit()),
        "decided_message": decision_message(contribution) if contribution.status in (
            Status.PUBLISHED, Status.CHANGES_REQUESTED, Status.REJECTED) else "",
    })


def _decide(contribution, user, action, comment, current=None):
    """Runs one of the task's own actions, as Wagtail's editor would: the workflow stays the one record.

    `current` is the (task state, task) pair when the caller has already looked it up.
    """
    task_state, task = current or _current_task(contribution)
    if task is None:
        return False
    if action not in {name for name, _label, _modal in task.get_actions(contribution.page, user)}:
        raise PermissionDenied
    task.on_action(task_state, user, action, comment=comment)
    return True


@require_POST
def contribution_decide(request, pk):
    contribution = _moderated_or_404(request.user, pk)
    action = request.POST.get("action", "")
    task_state, task = _current_task(contribution)
    if action not in (APPROVE, REQUEST_CHANGES, REFUSE):
        messages.error(request, _("Action inconnue."))
        return redirect("contributions_admin:detail", pk=pk)
    if task is None:
        messages.error(request, _("Cette contribution n'est pas en modération : rien n'a changé."))
        return redirect("contributions_admin:detail", pk=pk)
    form = task.get_form_for_action(action)(request.POST, prefix=action)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect("contributions_admin:detail", pk=pk)
    _decide(contribution, request.user, action, form.cleaned_data.get("comment", ""), current=(task_state, task))
    contribution.refresh_from_db()
    messages.success(request, decision_message(contribution))
    return redirect("contributions_admin:detail", pk=pk)


def contribution_file(request, pk, file_pk):
    contribution = _moderated_or_404(request.user, pk)
    record = get_object_or_404(ContributionFile, pk=file_pk, contribution=contribution)
    try:
        handle = record.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(handle, content_type=record.content_type)
    response["Content-Disposition"] = "inline" if record.kind == ContributionFile.FileKind.PHOTO else "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def contribution_bulk(request):
    _require_moderator(request.user)
    action = request.POST.get("action")
    if action not in {APPROVE, REFUSE}:
        messages.error(request, _("Action inconnue."))
        return redirect("contributions_admin:list")
    comment = request.POST.get("comment", "").strip()
    if action == REFUSE and not comment:
        messages.error(request, _("Pour refuser, donnez une raison : elle est envoyée par e-mail aux contributeurs."))
        return redirect("contributions_admin:list")
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    done = 0
    for contribution in contributions_visible_to(request.user).filter(pk__in=ids):
        try:
            done += _decide(contribution, request.user, action, comment)
        except PermissionDenied:
            pass
    # Not in moderation, not this moderator's, or not a contribution at all: never touched.
    skipped = len(set(ids)) - done
    if done and action == APPROVE:
        messages.success(request, _("%(n)d contribution(s) approuvée(s) et publiée(s) ; chaque contributeur est prévenu par e-mail.") % {"n": done})
    elif done:
        messages.success(request, _("%(n)d contribution(s) refusée(s) ; chaque contributeur reçoit votre raison par e-mail.") % {"n": done})
    if skipped:
        messages.warning(request, _("%(n)d contribution(s) ignorée(s) : pas en modération, ou hors de votre périmètre.") % {"n": skipped})
    return redirect("contributions_admin:list")
