"""Wagtail's moderation events, turned into the contributor's status and e-mails."""
from django.db import transaction
from wagtail.signals import page_published, task_rejected

from . import services


def changes_requested(sender, instance, user=None, **kwargs):
    with transaction.atomic():
        services.contribution_request_changes(
            page_id=instance.workflow_state.object_id, user=user, comment=instance.comment or ""
        )


def published(sender, instance, revision=None, **kwargs):
    with transaction.atomic():
        services.contribution_publish(page=instance, revision=revision, user=getattr(revision, "user", None))


def connect() -> None:
    task_rejected.connect(changes_requested, dispatch_uid="contributions:changes_requested")
    page_published.connect(published, dispatch_uid="contributions:published")
