"""Reads for the moderators: which workflow moderates a contribution, who may see it, listed without per-row queries."""
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowPage, WorkflowState, WorkflowTask

from cafes.models import CountryPage

from .choices import ContributionKind
from .models import Contribution, ContributionModerationTask
from .tokens import read_token

# Tasks whose approvers are groups: membership is what lets a user act, so it is what lets them see.
GROUP_TASK_MODELS = (ContributionModerationTask, GroupApprovalTask)


@dataclass(frozen=True)
class Routes:
    """Where workflows are assigned in the tree, and where each country's section lies.

    Mirrors `Page.get_workflow()` (the nearest page, itself included, carrying an active workflow)
    in memory, so a whole queue is routed with two queries.
    """

    subtrees: tuple[tuple[str, int], ...]  # (tree path, workflow id), deepest first
    countries: dict[str, tuple[tuple[int, str], ...]]  # country code -> ((locale id, tree path), ...)

    def for_path(self, path: str) -> int | None:
        for prefix, workflow_id in self.subtrees:
            if path.startswith(prefix):
                return workflow_id
        return None

    def for_country(self, country_code: str, locale_id: int | None) -> int | None:
        """The workflow of the country's section, in the contribution's language first."""
        pages = sorted(self.countries.get(country_code, ()), key=lambda row: (row[0] != locale_id, row[0]))
        for _locale_id, path in pages:
            if (workflow_id := self.for_path(path)) is not None:
                return workflow_id
        return None

    def workflow_id(self, *, country_code: str, locale_id: int | None, target_path: str) -> int | None:
        """A country with a workflow of its own moderates its contributions, wherever their drafts land."""
        by_country = self.for_country(country_code, locale_id) if country_code else None
        return by_country if by_country is not None else self.for_path(target_path)

    def scope(self, workflow_ids: set[int], locale_ids) -> Q:
        """Contributions (not yet in a workflow) that these workflows would moderate."""
        routed_codes = [code for code in self.countries if self.for_country(code, None) is not None]
        by_country = Q(pk__in=[])
        for code in routed_codes:
            for locale_id in locale_ids:
                if self.for_country(code, locale_id) in workflow_ids:
                    by_country |= Q(country_code=code, locale_id=locale_id)
        by_path = Q(pk__in=[])
        for prefix, workflow_id in self.subtrees:
            if workflow_id not in workflow_ids:
                continue
            inside = Q(target_path__startswith=prefix)
            for deeper, other_id in self.subtrees:
                if other_id not in workflow_ids and len(deeper) > len(prefix) and deeper.startswith(prefix):
                    inside &= ~Q(target_path__startswith=deeper)
            by_path |= inside
        return by_country | (~Q(country_code__in=routed_codes) & by_path)


def moderation_routes() -> Routes:
    assigned = WorkflowPage.objects.filter(workflow__active=True).values_list("page__path", "workflow_id")
    countries: dict[str, list] = {}
    for code, locale_id, path in CountryPage.objects.exclude(country_code="").values_list("country_code", "locale_id", "path"):
        countries.setdefault(code, []).append((locale_id, path))
    return Routes(
        subtrees=tuple(sorted(assigned, key=lambda row: -len(row[0]))),
        countries={code: tuple(rows) for code, rows in countries.items()},
    )


def moderation_workflow(*, country_code: str, locale, parent: Page) -> Workflow | None:
    """The workflow that moderates a contribution whose draft goes under `parent`."""
    workflow_id = moderation_routes().workflow_id(
        country_code=country_code, locale_id=getattr(locale, "pk", None), target_path=parent.path
    )
    return Workflow.objects.filter(pk=workflow_id).first() if workflow_id else None


def moderated_workflow_ids(user) -> set[int] | None:
    """Workflows with an active task this user approves; None means all of them (superusers).

    Kept on the user object, as Wagtail keeps its group checks: the menu, the view and the
    editor's guards ask it several times in one request.
    """
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_superuser:
        return None
    if (cached := getattr(user, "_moderated_workflow_ids", None)) is not None:
        return cached
    task_ids = []
    for model in GROUP_TASK_MODELS:
        task_ids += model.objects.filter(active=True, groups__user=user).values_list("pk", flat=True)
    user._moderated_workflow_ids = set(WorkflowTask.objects.filter(task_id__in=task_ids).values_list("workflow_id", flat=True))
    return user._moderated_workflow_ids


def user_moderates(user) -> bool:
    workflow_ids = moderated_workflow_ids(user)
    return workflow_ids is None or bool(workflow_ids)


def _latest_workflow_id():
    """The workflow of the draft's most recent moderation: the one its moderators act in."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(Page),
        object_id=Cast(OuterRef("page_id"), output_field=CharField()),
    ).order_by("-pk")
    return Subquery(states.values("workflow_id")[:1])


def contributions_visible_to(user):
    """Exactly the contributions the user moderates: those of their workflows, by country first."""
    qs = Contribution.objects.select_related("locale", "page")
    workflow_ids = moderated_workflow_ids(user)
    if workflow_ids is None:
        return qs
    if not workflow_ids:
        return qs.none()
    routes = moderation_routes()
    locale_ids = list(Locale.objects.values_list("pk", flat=True))
    qs = qs.annotate(moderation_workflow_id=_latest_workflow_id())
    return qs.filter(
        Q(moderation_workflow_id__in=workflow_ids)
        | (Q(moderation_workflow_id__isnull=True) & routes.scope(workflow_ids, locale_ids))
    )


def contribution_for_status_token(*, token: str) -> Contribution:
    """The contribution a status link names; raises the token's errors, or DoesNotExist."""
    return Contribution.objects.select_related("locale", "page").get(public_id=read_token(token, "status"))


def contribution_for_organiser_token(*, token: str) -> Contribution:
    """The café declaration an organiser's link names, its café live; raises the token's errors, or DoesNotExist."""
    return Contribution.objects.select_related("locale", "page").get(
        public_id=read_token(token, "organiser"), kind=ContributionKind.CAFE, page__live=True)


def contribution_for_moderator(*, user, pk):
    """One contribution the user moderates, with its files and history; DoesNotExist otherwise."""
    return (
        contributions_visible_to(user)
        .prefetch_related("files")
        .get(pk=pk)
    )
