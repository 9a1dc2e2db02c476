"""What happens to a contribution: submitted, confirmed, moderated, resubmitted, refused, purged."""
import datetime as dt
import uuid
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale, Page, WorkflowState
from wagtail.signals import workflow_approved

from cafeia_site.personal_data import retention
from cafeia_site.tasks import send_email_task
from cafeia_site.uploads import Upload
from cafes.models import CafePage
from cafes.updates import cafe_update

from . import files
from .builders import Builder
from .choices import OPEN_STATUSES, ContributionKind, Status
from .emails import render_contribution_email
from .kinds import kind_for
from .models import Contribution, ContributionEvent, ContributionFile
from .selectors import moderation_workflow
from .tasks import contribution_email_send_task
from .tokens import TokenInvalid, read_token

CONSENT_VERSION = "2026-11"


class ModerationUnavailable(Exception):
    """No workflow with an active task covers the target: starting one would publish unreviewed."""


def _event(contribution, action, *, actor=None, comment=""):
    ContributionEvent.objects.create(contribution=contribution, action=action, actor=actor, comment=comment)


def _builder(kind: str) -> Builder:
    return kind_for(kind).builder


def _email_after_commit(contribution, message):
    transaction.on_commit(partial(contribution_email_send_task.enqueue, contribution_id=contribution.pk, message=message))


def contribution_email_send(*, contribution_id: int, message: str) -> None:
    """Writes one of the contributor's e-mails in their language and hands it to the retrying e-mail task.

    A contribution erased meanwhile (on request, or by the retention purge) is not written to.
    """
    contribution = Contribution.objects.select_related("locale", "page").filter(pk=contribution_id).first()
    if contribution is not None:
        send_email_task.enqueue(**render_contribution_email(contribution=contribution, message=message))


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
    builder = _builder(kind)
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


def _moderators_notified():
    """Wagtail e-mails the moderators when moderation starts, each in their admin language or, for an account with
    none set, in the active one, which here is the contributor's: the site's own language is the better guess."""
    return translation.override(settings.LANGUAGE_CODE)


def contribution_confirm(*, token: str) -> Contribution:
    """Turns a confirmed submission into a draft page in moderation. Confirming twice changes nothing."""
    public_id = read_token(token, "confirm")
    with transaction.atomic():
        contribution = Contribution.objects.select_for_update().select_related("locale").get(public_id=public_id)
        if contribution.status != Status.AWAITING_CONFIRMATION:
            return contribution
        builder = _builder(contribution.kind)
        page = builder.create_draft(contribution)
        parent = page.get_parent()
        workflow = _moderation_workflow(contribution, parent)
        with _moderators_notified():
            workflow.start(page, user=None)
        contribution.page = page
        contribution.target_path = parent.path
        contribution.status = Status.IN_MODERATION
        contribution.save()
        _event(contribution, "confirmed")
        _email_after_commit(contribution, "received")
    return contribution


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
        builder = _builder(contribution.kind)
        contribution.country_code = builder.country_code(contribution.data)
        parent = builder.target_parent(contribution.data, locale=contribution.locale, country_code=contribution.country_code)
        workflow = _moderation_workflow(contribution, parent)
        _store_uploads(contribution, list(uploads), replace=True)
        page = _move_draft(contribution.page.specific, parent)
        page = builder.update_draft(contribution, page)
        with _moderators_notified():
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


def contribution_request_changes(*, page_id, user, comment: str) -> None:
    contribution = _contribution_for_page(page_id)
    if contribution is None:
        return
    contribution.status = Status.CHANGES_REQUESTED
    contribution.last_comment = comment
    contribution.save()
    _event(contribution, "changes_requested", actor=user, comment=comment)
    _email_after_commit(contribution, "changes_requested")


def contribution_publish(*, page, revision, user) -> None:
    """Approval through the workflow, or an editor pressing Publish: either way the files become public, on the
    page and in the revision being published, and the contributor is told."""
    contribution = _contribution_for_page(page.pk)
    if contribution is None:
        return
    _builder(contribution.kind).publish_files(page, contribution, revision)
    contribution.status = Status.PUBLISHED
    contribution.last_comment = ""
    contribution.save()
    _event(contribution, "published", actor=user)
    _email_after_commit(contribution, "published")


def contribution_approve(*, task_state, user, comment: str = "") -> None:
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


def contribution_refuse(*, task_state, user, comment: str) -> None:
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


def contribution_purge(*, now=None) -> dict[str, int]:
    """Retention: unconfirmed after 7 days, refused drafts and their data after 90 days."""
    now = now or timezone.now()
    counts = {"unconfirmed": 0, "rejected": 0}
    stale = Contribution.objects.filter(
        status=Status.AWAITING_CONFIRMATION, created_at__lt=now - retention("unconfirmed_contributions")
    )
    for contribution in stale:
        contribution_delete(contribution)
        counts["unconfirmed"] += 1
    refused = Contribution.objects.filter(status=Status.REJECTED, updated_at__lt=now - retention("rejected_contributions"))
    for contribution in refused.select_related("page"):
        if contribution.page is not None and not contribution.page.live:
            contribution.page.delete()
        contribution_delete(contribution)
        counts["rejected"] += 1
    return counts


# --- the organiser of a café, through their private link -------------------------------------------------
ORGANISER_ACTIONS = {"status", "cancel", "restore", "add"}


def organiser_update(*, contribution: Contribution, seen: str, action: str, status: str = "", day=None):
    """Applies at once what the organiser changed (cafes.updates) and records it with their declaration."""
    if action not in ORGANISER_ACTIONS:
        raise ValidationError(_("Action inconnue."))
    kwargs = {"status": status} if action == "status" else {action: day}
    cafe = cafe_update(page_id=contribution.page_id, seen=seen, by=_("l'organisateur (lien privé)"), **kwargs)
    detail = status if action == "status" else f"{action} {day.isoformat()}"
    _event(contribution, "organiser_update", comment=detail)
    return cafe


def organiser_link_renew(*, token: str) -> bool:
    """Sends a fresh link to the declaration's address when `token` is a genuine organiser link, expired or not.

    Says nothing of whose it is: the new link only ever goes to the address that declared the café."""
    try:
        public_id = read_token(token, "organiser", expired_ok=True)
    except TokenInvalid:
        return False
    contribution = Contribution.objects.filter(public_id=public_id, kind=ContributionKind.CAFE, page__live=True).first()
    if contribution is None:
        return False
    _event(contribution, "organiser_link_renewed")
    _email_after_commit(contribution, "organiser_link")
    return True


def contribution_propose_changes(*, source: Contribution, data: dict) -> Contribution:
    """An organiser's proposal for their live café: a new revision of its page in moderation, like any
    contribution; the page readers see stays as it is until a moderator approves."""
    with transaction.atomic():
        page = type(source.page.specific).objects.select_for_update().get(pk=source.page_id)
        if page.workflow_in_progress:
            raise ValidationError(_("Une proposition de changement de ce café attend déjà les modérateurs : "
                                    "vous recevrez leur réponse par e-mail avant de pouvoir en envoyer une autre."))
        parent = page.get_parent()
        # A café stays in its country: the proposal cannot move it to another section.
        data = {**data, "country": source.country_code}
        contribution = Contribution(
            kind=source.kind, locale=page.locale, country_code=source.country_code, email=source.email,
            consent_at=timezone.now(), consent_version=CONSENT_VERSION, data=data, submission_key=uuid.uuid4(),
            target_path=parent.path, page=page, status=Status.IN_MODERATION,
        )
        contribution.save()
        workflow = _moderation_workflow(contribution, parent)
        _builder(contribution.kind).update_draft(contribution, page)
        with _moderators_notified():
            workflow.start(page, user=None)
        _event(contribution, "proposed_by_organiser")
        _event(source, "changes_proposed", comment=str(contribution.public_id))
        _email_after_commit(contribution, "received")
    return contribution


REMINDER_AFTER = dt.timedelta(hours=2)
REMINDER_WINDOW = dt.timedelta(days=7)
REMINDER_EVERY = dt.timedelta(days=28)  # a weekly café's organiser is asked once a month, not every week


def report_reminders_send(*, now=None) -> int:
    """After a café, asks its organiser for a report (the form prefilled with the café and the date).

    Sessions ended between a week and two hours ago; each declaration reminded at most once per session
    and once in four weeks. Returns how many e-mails were queued."""
    now = now or timezone.now()
    declared = (Contribution.objects.filter(kind=ContributionKind.CAFE, status=Status.PUBLISHED, page__live=True)
                .exclude(events__action="report_reminder", events__at__gte=now - REMINDER_EVERY)
                .select_related("locale"))
    cafes = CafePage.objects.in_bulk([c.page_id for c in declared])
    sent = 0
    for contribution in declared:
        cafe = cafes.get(contribution.page_id)
        if cafe is None:
            continue
        ended = [s for s in cafe.sessions(after=(now - REMINDER_WINDOW).date(), before=now.date() + dt.timedelta(days=1))
                 if now - REMINDER_WINDOW <= s.end <= now - REMINDER_AFTER and not s.cancelled]
        if not ended or cafe.status == "annule":
            continue
        day = ended[-1].start.astimezone(cafe.tz).date().isoformat()
        with transaction.atomic():
            ContributionEvent.objects.create(contribution=contribution, action="report_reminder", comment=day, at=now)
            _email_after_commit(contribution, "report_reminder")
        sent += 1
    return sent


def contribution_delete(contribution: Contribution) -> int:
    """Deletes a contribution with every copy of its files; returns how many of them had been published."""
    published = files.files_delete(contribution.files.all())
    contribution.delete()
    return published
