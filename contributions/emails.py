"""The e-mails to contributors, written in their language."""
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from cafeia_site.site_address import absolute_url

from .choices import ContributionKind
from .models import Contribution
from .tokens import make_token

MESSAGES = {"confirm", "received", "changes_requested", "published", "rejected", "organiser_link", "report_reminder"}


def organiser_url(contribution: Contribution) -> str:
    """The organiser's private link to their café, for a declared café that is live; "" otherwise."""
    if contribution.kind != ContributionKind.CAFE or contribution.page is None or not contribution.page.live:
        return ""
    return absolute_url(reverse("contributions:organiser", args=[make_token(contribution.public_id, "organiser")]))


def report_url(contribution: Contribution) -> str:
    """The report form, prefilled with the café and the day of its last reminded session."""
    if contribution.page_id is None:
        return ""
    reminded = contribution.events.filter(action="report_reminder").order_by("-at", "-pk").values_list("comment", flat=True).first()
    query = urlencode({"cafe": contribution.page_id, **({"date": reminded} if reminded else {})})
    return absolute_url(reverse("contributions:form", args=["compte-rendu"]) + "?" + query)


def render_contribution_email(*, contribution: Contribution, message: str) -> dict:
    """The subject, body, recipient and headers of one message, as `send_email_task` takes them."""
    if message not in MESSAGES:
        raise ValueError(message)
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
            "organiser_url": organiser_url(contribution),
            "report_url": report_url(contribution) if message == "report_reminder" else "",
        }
        subject = render_to_string(f"contributions/email/{message}_subject.txt", context)
        body = render_to_string(f"contributions/email/{message}.txt", context)
    return {
        "subject": " ".join(subject.split()),
        "body": body,
        "to": [contribution.email],
        "headers": {"Content-Language": language, "Auto-Submitted": "auto-generated"},
    }

