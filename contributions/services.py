"""What happens to a contribution: submitted, confirmed, moderated, resubmitted, refused, purged."""
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, WorkflowState
from wagtail.signals import workflow_approved

from . import builders, files
from .models import OPEN_STATUSES, Contribution, ContributionEvent, ContributionFile, Status
from .selectors import moderation_workflow
from .tasks import send_contribution_email
from .tokens import read_token
from .uploads import CleanFile

CONSENT_VERSION = "2026-11"
UNCONFIRMED_RETENTION = timedelta(days=7)
REJECTED_RETENTION = timedelta(days=90)


class ModerationUnavailable(Exception):
    """No workflow with an active task covers the target: starting one would publish unreviewed."""


@dataclass
class Upload:
    slot: str
    kind: str  # ContributionFile.FileKind
    clean: CleanFile
    original_name: str
    alt_text: str = ""
    consent: bool = False


def _event(contribution, action, *, actor=None, comment=""):
    ContributionEvent.objects.create(contribution=contribution, action=action, actor=actor, comment=comment)


def _email_after_commit(contribution, message):
    pk = contribution.pk
    transaction.on_commit(lambda: send_contribution_email(pk, message))


def _store_uploads(contribution, uploads: list[Upload], *, replace=False):
    if replace:
        # A new file in a slot replaces the old one, every copy of it.
        files.files_delete(contribution.files.filter(slot__in=[u.slot for u in uploads]))
    for upload in uploads:
        record = ContributionFile(
            contribution=contribution, kind=upload.kind, slot=upload.slot,
            original_name=upload.original_name[:255], content_type=upload.clean.content_type,
            size=upload.clean.size, alt_text=upload.alt_text, consent=upload.consent,
        )
        record.file.save(upload.clean.content.name, upload.clean.content, save=False)
        record.save()


def contribution_submit(
    *, kind: str, data: dict, email: str, language_code: str, submission_key, uploads: list[Upload] = ()
) -> tuple[Contribution, bool]:
    """Records a submission awaiting e-mail confirmation. Returns it and whether it is new (double submits are not)."""
    existing = Contribution.objects.filter(submission_key=submission_key).first()
    if existing is not None:
        return existing, False
    builder = builders.for_kind(kind)
    locale = Locale.objects.get(language_code=language_code)
    country_code = builder.country_code(data)
    parent = builder.target_parent(data, locale=locale, country_code=country_code)
    contribution = Contribution(
        kind=kind, locale=locale, country_code=country_code, email=email, consent_at=timezone.now(),
        consent_version=CONSENT_VERSION, data=data, submission_key=submission_key,
        target_path=parent.path if parent else "",
    )
    # Uniqueness is the database's to decide: a check here would race the same form posted twice at once.
    contribution.full_clean(validate_unique=False, validate_constraints=False)
    try:
        with transaction.atomic():
            contribution.save()
            _store_uploads(contribution, list(uploads))
            _event(contribution, "submitted")
            _email_after_commit(contribution, "confirm")
    except IntegrityError:
        # The same form posted twice at once: the other request won.
        winner = Contribution.objects.filter(submission_key=submission_key).first()
        if winner is None:
            raise
        return winner, False
    return contribution, True


def _moderation_workflow(contribution, parent: Page):
    """The workflow of the contribution's country if it has one, else of the subtree; refused if it would not review."""
    workflow = moderation_workflow(country_code=contribution.country_code, locale=contribution.locale, parent=parent)
    if workflow is None or not workflow.active or not workflow.workflow_tasks.filter(task__active=True).exists():
        raise ModerationUnavailable(parent.url_path)
    return workflow


def contribution_confirm(*, token: str) -> Contribution:
    """Turns a confirmed submission into a draft page in moderation. Confirming twice changes nothing."""
    public_id = read_token(token, "confirm")
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().select_related("locale").get(public_id=public_id)
        if contribution.status != Status.AWAITING_CONFIRMATION:
            return contribution
        builder = builders.for_kind(contribution.kind)
        page = builder.create_draft(contribution)
        parent = page.get_parent()
        workflow = _moderation_workflow(contribution, parent)
        workflow.start(page, user=None)
        contribution.page = page
        contribution.target_path = parent.path
        contribution.status = Status.IN_MODERATION
        contribution.save()
        _event(contribution, "confirmed")
        _email_after_commit(contribution, "received")
    return contribution


def contribution_for_status_token(*, token: str) -> Contribution:
    return Contribution.objects.select_related("locale", "page").get(public_id=read_token(token, "status"))


def _move_draft(page: Page, parent: Page) -> Page:
    """A draft follows its country: moved under the new parent, under a slug free there."""
    if page.get_parent().pk == parent.pk:
        return page
    slug = find_available_slug(parent, page.slug)
    if slug != page.slug:
        page.slug = slug
        page.save(update_fields=["slug"])
    page.move(parent, pos="last-child")
    return Page.objects.get(pk=page.pk).specific


def contribution_resubmit(*, contribution: Contribution, data: dict, uploads: list[Upload] = ()) -> Contribution:
    """The contributor's edit after a request for changes: a new revision, moderated by whoever its country now calls for."""
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().select_related("locale").get(pk=contribution.pk)
        if contribution.status != Status.CHANGES_REQUESTED or contribution.page is None:
            raise ValidationError(_("Cette contribution n'attend pas de modification."))
        state = contribution.page.current_workflow_state
        if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
            raise ValidationError(_("La modération de cette contribution n'attend plus de modification."))
        contribution.data = {**contribution.data, **data}
        builder = builders.for_kind(contribution.kind)
        contribution.country_code = builder.country_code(contribution.data)
        parent = builder.target_parent(contribution.data, locale=contribution.locale, country_code=contribution.country_code)
        workflow = _moderation_workflow(contribution, parent)
        _store_uploads(contribution, list(uploads), replace=True)
        page = _move_draft(contribution.page.specific, parent)
        page = builder.update_draft(contribution, page)
        if state.workflow_id == workflow.pk:
            state.resume(user=None)
        else:
            # Another country, other moderators: the old moderation ends, the new one starts on this revision.
            state.cancel(user=None)
            workflow.start(page, user=None)
        contribution.page = page
        contribution.target_path = parent.path
        contribution.status = Status.IN_MODERATION
        contribution.last_comment = ""
        contribution.save()
        _event(contribution, "resubmitted")
        _email_after_commit(contribution, "received")
    return contribution


def _contribution_for_page(page_id) -> Contribution | None:
    return Contribution.objects.select_for_update().filter(page_id=page_id, status__in=OPEN_STATUSES).first()


def contribution_changes_requested(*, page_id, user, comment: str) -> None:
    contribution = _contribution_for_page(page_id)
    if contribution is None:
        return
    contribution.status = Status.CHANGES_REQUESTED
    contribution.last_comment = comment
    contribution.save()
    _event(contribution, "changes_requested", actor=user, comment=comment)
    _email_after_commit(contribution, "changes_requested")


def contribution_published(*, page, revision, user) -> None:
    """Approval through the workflow, or an editor pressing Publish: either way the files become public, on the
    page and in the revision being published, and the contributor is told."""
    contribution = _contribution_for_page(page.pk)
    if contribution is None:
        return
    builders.for_kind(contribution.kind).publish_files(page, contribution, revision)
    contribution.status = Status.PUBLISHED
    contribution.last_comment = ""
    contribution.save()
    _event(contribution, "published", actor=user)
    _email_after_commit(contribution, "published")


def contribution_approve_from_task(*, task_state, user, comment: str = "") -> None:
    """Approval by a member of the task's groups; on the last task, the approver publishes.

    The workflow chose who approves: a country's moderators publish their country's contributions even
    where the draft lies outside the pages they may publish (a Moroccan testimony in the national
    index), and are given no publish right there. The caller has checked the user may act on the task.
    """
    with transaction.atomic():
        task_state.approve(user=user, update=False, comment=comment)
        workflow_state = task_state.workflow_state
        if workflow_state.get_next_task() is not None:
            workflow_state.update(user=user)
            return
        # As WorkflowState.finish(), publishing without the page-permission check.
        workflow_state.status = WorkflowState.STATUS_APPROVED
        workflow_state.save(update_fields=["status"])
        workflow_state.content_object.get_latest_revision().publish(user=user, skip_permission_checks=True)
        workflow_approved.send(sender=WorkflowState, instance=workflow_state, user=user)
        # page_published recorded the publication under the revision's author: the approver is who decided.
        ContributionEvent.objects.filter(
            contribution__page_id=workflow_state.object_id, action="published", actor__isnull=True
        ).update(actor=user)


def contribution_refuse_from_task(*, task_state, user, comment: str) -> None:
    if not comment.strip():
        raise ValidationError(_("Pour refuser, donnez une raison : elle est envoyée par e-mail au contributeur."))
    with transaction.atomic():
        contribution = _contribution_for_page(task_state.workflow_state.object_id)
        if contribution is not None:
            contribution.status = Status.REJECTED
            contribution.last_comment = comment
            contribution.save()
            _event(contribution, "rejected", actor=user, comment=comment)
            _email_after_commit(contribution, "rejected")
            # Nothing refused is kept for later: the files go now, the rest with the retention purge.
            files.files_delete(contribution.files.all())
        task_state.workflow_state.cancel(user=user)


def contributions_purge(*, now=None) -> dict[str, int]:
    """Retention: unconfirmed after 7 days, refused drafts and their data after 90 days."""
    now = now or timezone.now()
    counts = {"unconfirmed": 0, "rejected": 0}
    stale = Contribution.objects.filter(
        status=Status.AWAITING_CONFIRMATION, created_at__lt=now - UNCONFIRMED_RETENTION
    )
    for contribution in stale:
        _delete_contribution(contribution)
        counts["unconfirmed"] += 1
    refused = Contribution.objects.filter(status=Status.REJECTED, updated_at__lt=now - REJECTED_RETENTION)
    for contribution in refused.select_related("page"):
        if contribution.page is not None and not contribution.page.live:
            contribution.page.delete()
        _delete_contribution(contribution)
        counts["rejected"] += 1
    return counts


def _delete_contribution(contribution) -> int:
    """Deletes a contribution with every copy of its files; returns how many of them had been published."""
    published = files.files_delete(contribution.files.all())
    contribution.delete()
    return published
