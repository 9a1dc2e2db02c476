"""Wagtail's moderation events, turned into the contributor's status and e-mails."""
from django.db import transaction
from django.dispatch import receiver
from wagtail.signals import page_published, task_rejected

from . import services


@receiver(task_rejected)
def _changes_requested(sender, instance, user=None, **kwargs):
    with transaction.atomic():
        services.contribution_request_changes(
            page_id=instance.workflow_state.object_id, user=user, comment=instance.comment or ""
        )


@receiver(page_published)
def _published(sender, instance, revision=None, **kwargs):
    with transaction.atomic():
        services.contribution_publish(page=instance, revision=revision, user=getattr(revision, "user", None))
