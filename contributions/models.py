"""A contribution from the public, its files and its history, and the moderation task of its subtree."""
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.core.files.storage import storages
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask

from .choices import ContributionKind, FileKind, Status
from .moderation import APPROVE, COMMENT_REQUIRED, DECISION_FORMS, REFUSE, REQUEST_CHANGES


class Contribution(models.Model):
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    kind = models.CharField(_("type"), max_length=20, choices=ContributionKind.choices)
    locale = models.ForeignKey("wagtailcore.Locale", on_delete=models.PROTECT, verbose_name=_("langue"))
    country_code = models.CharField(_("pays"), max_length=2, blank=True)
    email = models.EmailField(_("e-mail du contributeur"))
    consent_at = models.DateTimeField(_("consentement donné le"))
    consent_version = models.CharField(_("version du texte de consentement"), max_length=20)
    data = models.JSONField(_("données envoyées"), default=dict)
    status = models.CharField(
        _("statut"), max_length=30, choices=Status.choices, default=Status.AWAITING_CONFIRMATION, db_index=True
    )
    # Double submits of one form carry the same key: the second finds the first.
    submission_key = models.UUIDField(unique=True)
    # Path of the page the draft goes under: moderators see what lies in their subtree.
    target_path = models.CharField(max_length=255, blank=True, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="contributions"
    )
    last_comment = models.TextField(_("dernier commentaire du modérateur"), blank=True)
    created_at = models.DateTimeField(default=timezone.now, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "created_at"])]

    def __str__(self):
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"

    @property
    def title(self) -> str:
        data = self.data or {}
        return data.get("title") or data.get("person_name") or data.get("cafe_name") or str(self)


def private_storage():
    """Contributors' files never sit under MEDIA_ROOT: no URL reaches them."""
    return storages["contributions"]


def contribution_upload_to(instance, filename):
    return f"contributions/{instance.contribution.public_id}/{uuid.uuid4().hex}-{filename}"


class ContributionFile(models.Model):
    """A file sent with a contribution: private until approval, when it becomes a Wagtail image or document.

    The link to that public copy is how refusal, purge, erasure and replacement find every copy.
    """

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(max_length=10, choices=FileKind.choices)
    slot = models.CharField(max_length=40)
    file = models.FileField(upload_to=contribution_upload_to, storage=private_storage)
    original_name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    alt_text = models.CharField(max_length=255, blank=True)
    consent = models.BooleanField(default=False)
    image = models.ForeignKey(
        "wagtailimages.Image", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("image publiée"),
    )
    document = models.ForeignKey(
        "wagtaildocs.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("document publié"),
    )

    class Meta:
        ordering = ["slot"]

    def __str__(self):
        return self.original_name


class ContributionEvent(models.Model):
    """Every change of state, in order: nothing accepted is lost without a trace."""

    contribution = models.ForeignKey(Contribution, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(default=timezone.now)
    action = models.CharField(max_length=40)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    comment = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.action}"


class ContributionModerationTask(AbstractGroupApprovalTask):
    """Group approval with a third, final answer: refuse (nothing is published, the reason is sent).

    Requesting changes and refusing both e-mail their comment to the contributor, so neither
    goes through without one, whatever the path (Wagtail's editor, its dashboard, the queue).
    """

    def get_actions(self, obj, user):
        actions = super().get_actions(obj, user)
        if actions:
            actions.append(("refuse", _("Refuser"), True))
        return actions

    def get_form_for_action(self, action):
        return DECISION_FORMS.get(action) or super().get_form_for_action(action)

    def get_template_for_action(self, action):
        if action in COMMENT_REQUIRED:
            return "contributions/admin/workflow_action_modal.html"
        return super().get_template_for_action(action)

    @transaction.atomic
    def on_action(self, task_state, user, action_name, **kwargs):
        # services import this module's models.
        from . import services

        obj = task_state.workflow_state.content_object
        if action_name not in {name for name, _label, _modal in self.get_actions(obj, user)}:
            raise PermissionDenied
        comment = (kwargs.get("comment") or "").strip()
        if action_name in COMMENT_REQUIRED and not comment:
            # Every view validates the comment first; this is the last guard, never a silent empty refusal.
            raise PermissionDenied(_("Un commentaire est obligatoire : il est envoyé par e-mail au contributeur."))
        if action_name == REFUSE:
            services.contribution_refuse(task_state=task_state, user=user, comment=comment)
        elif action_name == APPROVE:
            services.contribution_approve(task_state=task_state, user=user, comment=comment)
        elif action_name == REQUEST_CHANGES:
            task_state.reject(user=user, comment=comment)
        else:
            super().on_action(task_state, user, action_name, comment=comment)
        contribution = Contribution.objects.filter(page_id=task_state.workflow_state.object_id).first()
        # Wagtail's workflow views redirect here when told: the moderator lands on the contribution.
        return reverse("contributions_admin:detail", args=[contribution.pk]) if contribution else None

    @classmethod
    def get_description(cls):
        return _("Les membres des groupes choisis approuvent, demandent des modifications ou refusent une contribution.")

    class Meta:
        verbose_name = _("modération des contributions")
        verbose_name_plural = _("modérations des contributions")
