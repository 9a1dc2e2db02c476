"""Background tasks shared by every app: `send_email_task`, an e-mail that survives an SMTP outage.

Use it instead of `send_mail` anywhere a message must not be lost:

    from django.db import transaction
    from cafeia_site.tasks import queue_email
    queue_email(subject=..., body=..., to=["someone@example.org"])   # sent after commit

With the database task backend (production) the message is a row in the task table until it
has been handed to the SMTP server by `manage.py run_worker` (which outlives database outages:
cafeia_site/management/commands/run_worker.py). If the server is down or refuses it (any `SMTPException`
or `OSError`: connection refused, timeout, DNS), the task re-enqueues itself for later, after
each delay of `settings.CAFEIA_EMAIL_RETRY_DELAYS` in turn, then gives up and logs an error;
each failed attempt stays visible as a failed task result. With a backend that cannot defer
(the immediate backend of dev and tests) a failure is raised to the caller instead.
"""
import logging
import smtplib
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

RETRYABLE_ERRORS = (smtplib.SMTPException, OSError)


class EmailDeliveryError(Exception):
    """An attempt failed; another one is scheduled (the message is kept in the queue)."""


@task(takes_context=True)
def send_email_task(
    context,
    *,
    subject: str,
    body: str,
    to: list[str],
    from_email: str | None = None,
    html_body: str | None = None,
    reply_to: list[str] | None = None,
    headers: dict[str, str] | None = None,
    attempt: int = 1,
) -> int:
    """Send one e-mail; on an SMTP failure schedule the next attempt. Returns messages sent."""
    message = EmailMultiAlternatives(
        subject=subject, body=body, from_email=from_email, to=to, reply_to=reply_to or None, headers=headers or None
    )
    if html_body:
        message.attach_alternative(html_body, "text/html")
    try:
        return message.send(fail_silently=False)
    except RETRYABLE_ERRORS as exc:
        delays = list(getattr(settings, "CAFEIA_EMAIL_RETRY_DELAYS", []))
        if attempt > len(delays):
            logger.error("E-mail %r to %s given up after %d attempts: %s", subject, to, attempt, exc)
            raise
        retry = send_email_task.using(
            backend=context.task_result.backend, run_after=timezone.now() + timedelta(seconds=delays[attempt - 1])
        )
        if not retry.get_backend().supports_defer:
            raise
        retry.enqueue(
            subject=subject,
            body=body,
            to=to,
            from_email=from_email,
            html_body=html_body,
            reply_to=reply_to,
            headers=headers,
            attempt=attempt + 1,
        )
        logger.warning("E-mail %r to %s failed (attempt %d), retry in %ss: %s", subject, to, attempt, delays[attempt - 1], exc)
        # Recorded as a failed attempt; the message itself lives on in the retry just queued.
        raise EmailDeliveryError(f"attempt {attempt} failed, retry queued: {exc}") from exc


def queue_email(*, subject: str, body: str, to: list[str], backend_alias: str = "default", **kwargs) -> None:
    """Enqueue `send_email_task` once the current transaction commits (never for a rolled-back write)."""

    def enqueue():
        send_email_task.using(backend=backend_alias).enqueue(
            subject=subject, body=body, to=list(to), **kwargs
        )

    transaction.on_commit(enqueue)
