"""The moderators' "Contributions" in the Wagtail admin: the queue (a ModelViewSet), each contribution, decisions one by one or in bulk."""
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django_filters import CharFilter, ChoiceFilter
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import BasePermissionPolicy

from cafes.models.country import map_settings

from .choices import OPEN_STATUSES, ContributionKind, FileKind, Status
from .data_rows import contribution_data_rows
from .models import Contribution, ContributionFile
from .moderation import APPROVE, EVENT_LABELS, REFUSE, REQUEST_CHANGES, decision_message
from .selectors import contribution_for_moderator, contributions_visible_to, user_moderates


def _require_moderator(user):
    if not user_moderates(user):
        raise PermissionDenied


def _moderated_or_404(user, pk):
    try:
        return contribution_for_moderator(user=user, pk=pk)
    except Contribution.DoesNotExist:
        raise Http404 from None


# --- The queue ---------------------------------------------------------------------------
class ModeratorPolicy(BasePermissionPolicy):
    """Whoever approves in an active moderation task sees the queue; nobody adds, edits or deletes there."""

    def user_has_permission(self, user, action):
        return action == "view" and user_moderates(user)


class ModerationMenuItem(MenuItem):
    def is_shown(self, request):
        return user_moderates(request.user)


class ContributionFilterSet(WagtailFilterSet):
    kind = ChoiceFilter(label=gettext_lazy("Type"), choices=ContributionKind.choices)
    status = ChoiceFilter(label=gettext_lazy("Statut"), choices=Status.choices)
    country = CharFilter(label=gettext_lazy("Pays"), method="filter_country")
    language = ChoiceFilter(label=gettext_lazy("Langue"), field_name="locale__language_code", choices=settings.LANGUAGES)

    class Meta:
        model = Contribution
        fields = []

    def filter_country(self, queryset, name, value):
        code = value.strip()[:2].upper()
        return queryset.filter(country_code=code) if code else queryset


class SelectColumn(Column):
    """A box to tick for the bulk decisions, on contributions still open to one."""

    cell_template_name = "contributions/admin/select_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["selectable"] = instance.status in OPEN_STATUSES
        return context


class ContributionIndexView(IndexView):
    """The contributions the user moderates, and only those (`contributions_visible_to`)."""

    def get_base_queryset(self):
        return contributions_visible_to(self.request.user)

    def order_queryset(self, queryset):
        # Contributions received in the same instant keep one order from page to page.
        return queryset.order_by(self.ordering, "-pk")


class ContributionViewSet(ModelViewSet):
    """The moderators' queue, with the contribution's own page, its files and the decisions taken from it."""

    model = Contribution
    name = "contributions_admin"
    url_prefix = "contributions"
    icon = "group"
    menu_label = gettext_lazy("Contributions")
    menu_order = 250
    add_to_admin_menu = True
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = ContributionIndexView
    index_template_name = "contributions/admin/index.html"
    filterset_class = ContributionFilterSet
    list_per_page = 50
    ordering = "-created_at"
    list_display = [
        SelectColumn("select", label=gettext_lazy("Choisir")),
        TitleColumn("title", label=gettext_lazy("Contribution"), url_name="contributions_admin:detail", link_attrs={"dir": "auto"}),
        Column("get_kind_display", label=gettext_lazy("Type"), sort_key="kind"),
        Column("country_code", label=gettext_lazy("Pays"), sort_key="country_code", accessor=lambda c: c.country_code or "—"),
        Column("locale.language_code", label=gettext_lazy("Langue")),
        Column("get_status_display", label=gettext_lazy("Statut"), sort_key="status"),
        DateColumn("created_at", label=gettext_lazy("Reçue"), sort_key="created_at"),
    ]

    @property
    def permission_policy(self):
        return ModeratorPolicy(Contribution)

    @property
    def menu_item_class(self):
        return ModerationMenuItem

    def get_permissions_to_register(self):
        # Moderation is given by the workflow tasks' groups, not by model permissions.
        return Permission.objects.none()

    def register_admin_url_finder(self):
        pass  # a contribution has no edit view

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("bulk/", contribution_bulk, name="bulk"),
            path("<int:pk>/", contribution_detail, name="detail"),
            path("<int:pk>/decision/", contribution_decide, name="decide"),
            path("<int:pk>/files/<int:file_pk>/", contribution_file, name="file"),
        ]


# --- One contribution -------------------------------------------------------------------
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


def _draft_point(contribution) -> dict | None:
    """Where the café's draft (its latest revision: an editor may have moved it) puts it on the map, as the
    moderator's map and text show it; None for another kind or a café without a point (online)."""
    if contribution.kind != ContributionKind.CAFE or contribution.page is None:
        return None
    draft = contribution.page.specific.get_latest_revision_as_object()
    if draft.latitude is None or draft.longitude is None:
        return None
    feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [float(draft.longitude), float(draft.latitude)]},
               "properties": {"title": draft.title, "city": draft.city}}
    return {"latitude": f"{draft.latitude:.6f}", "longitude": f"{draft.longitude:.6f}", "approximate": draft.approximate_location,
            "city": draft.city, "geojson": {"type": "FeatureCollection", "features": [feature]}}


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
        "photos": [f for f in files if f.kind == FileKind.PHOTO],
        "documents": [f for f in files if f.kind == FileKind.DOCUMENT],
        "events": events,
        "task": task,
        "workflow": task_state.workflow_state.workflow if task_state else None,
        "decision_forms": forms,
        "can_open_editor": bool(page_perms and page_perms.can_edit()),
        "point": _draft_point(contribution),
        "map": map_settings(),
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
    response["Content-Disposition"] = "inline" if record.kind == FileKind.PHOTO else "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
def contribution_bulk(request):
    _require_moderator(request.user)
    action = request.POST.get("action")
    if action not in {APPROVE, REFUSE}:
        messages.error(request, _("Action inconnue."))
        return redirect("contributions_admin:index")
    comment = request.POST.get("comment", "").strip()
    if action == REFUSE and not comment:
        messages.error(request, _("Pour refuser, donnez une raison : elle est envoyée par e-mail aux contributeurs."))
        return redirect("contributions_admin:index")
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
    return redirect("contributions_admin:index")
