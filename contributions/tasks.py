"""E-mails to contributors: written in their language, then handed to the retrying e-mail task."""
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cafeia_site.site_address import absolute_url
from cafeia_site.tasks import send_email_task

from .models import Contribution
from .tokens import make_token

MESSAGES = {"confirm", "received", "changes_requested", "published", "rejected"}


def render_contribution_email(contribution_id: int, message: str) -> dict:
    if message not in MESSAGES:
        raise ValueError(message)
    contribution = Contribution.objects.select_related("locale", "page").get(pk=contribution_id)
    language = contribution.locale.language_code
    with translation.override(language):
        context = {
            "contribution": contribution,
            "kind": contribution.get_kind_display(),
            "title": contribution.title,
            "confirm_url": absolute_url(reverse("contributions:confirm", args=[make_token(contribution.public_id, "confirm")])),
            "status_url": absolute_url(reverse("contributions:status", args=[make_token(contribution.public_id, "status")])),
            "public_url": contribution.page.full_url if contribution.page and contribution.page.live else "",
            "comment": contribution.last_comment,
        }
        subject = render_to_string(f"contributions/email/{message}_subject.txt", context)
        body = render_to_string(f"contributions/email/{message}.txt", context)
    return {
        "subject": " ".join(subject.split()),
        "body": body,
        "to": [contribution.email],
        "headers": {"Content-Language": language, "Auto-Submitted": "auto-generated"},
    }


def send_contribution_email(contribution_id: int, message: str) -> None:
    """Called after the transaction commits; the message then lives in the task queue until sent."""
    send_email_task.enqueue(**render_contribution_email(contribution_id, message))
