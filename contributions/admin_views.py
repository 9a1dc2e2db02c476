"""The moderators' "Contributions" view in the Wagtail admin: list, filters, detail, bulk decisions."""
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .models import OPEN_STATUSES, ContributionFile, Kind, Status
from .selectors import SORTS, contributions_for_moderation, contributions_visible_to

PER_PAGE = 50


def contribution_list(request):
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


def contribution_detail(request, pk):
    contribution = get_object_or_404(contributions_visible_to(request.user), pk=pk)
    return TemplateResponse(request, "contributions/admin/detail.html", {
        "contribution": contribution,
        "files": contribution.files.all(),
        "events": contribution.events.select_related("actor"),
        "data_rows": sorted(contribution.data.items()),
    })


def contribution_file(request, pk, file_pk):
    contribution = get_object_or_404(contributions_visible_to(request.user), pk=pk)
    record = get_object_or_404(ContributionFile, pk=file_pk, contribution=contribution)
    try:
        handle = record.file.open("rb")
    except FileNotFoundError:
        raise Http404
    response = FileResponse(handle, content_type=record.content_type)
    response["Content-Disposition"] = "inline" if record.kind == ContributionFile.FileKind.PHOTO else "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _decide(contribution, user, action, comment):
    page = contribution.page
    if page is None or contribution.status != Status.IN_MODERATION:
        return False
    state = page.specific.current_workflow_state
    task_state = state.current_task_state if state else None
    if task_state is None:
        return False
    task = task_state.task.specific
    if action not in {name for name, _label, _modal in task.get_actions(page, user)}:
        raise PermissionDenied
    task.on_action(task_state.specific, user, action, comment=comment)
    return True


@require_POST
def contribution_bulk(request):
    action = request.POST.get("action")
    if action not in {"approve", "refuse"}:
        messages.error(request, _("Action inconnue."))
        return redirect("contributions_admin:list")
    comment = request.POST.get("comment", "").strip()
    if action == "refuse" and not comment:
        messages.error(request, _("Pour refuser, donnez une raison : elle est envoyée aux contributeurs."))
        return redirect("contributions_admin:list")
    ids = [int(i) for i in request.POST.getlist("ids") if i.isdigit()]
    done = skipped = 0
    for contribution in contributions_visible_to(request.user).filter(pk__in=ids):
        try:
            if _decide(contribution, request.user, action, comment):
                done += 1
            else:
                skipped += 1
        except PermissionDenied:
            skipped += 1
    if done:
        messages.success(request, _("%(n)d contribution(s) traitée(s).") % {"n": done})
    if skipped:
        messages.warning(request, _("%(n)d contribution(s) ignorée(s) : pas en modération, ou hors de votre périmètre.") % {"n": skipped})
    return redirect("contributions_admin:list")
