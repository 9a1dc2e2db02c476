"""Writes for the lettre: subscriptions (double opt-in) and sending an edition, resumable."""
import hashlib
import secrets
from datetime import timedelta
from enum import Enum

from django.core.exceptions import ValidationError
from django.core.mail import get_connection
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cafeia_site.personal_data import retention

from .emails import edition_message, render_edition, send_confirmation
from .models import ArticlePage
from .selectors import subscribers_not_reached
from .subscribers import Delivery, EditionSend, Subscriber
from .tasks import edition_send_batch_task, edition_test_send_task, subscriber_confirmation_send_task

CONSENT_VERSION = "2026-01"
CONFIRM_TTL = timedelta(days=3)
# A pending address gets at most one confirmation e-mail in this window (no mail bombing).
RESEND_AFTER = timedelta(minutes=10)
BATCH_SIZE = 50


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def subscriber_create(*, email: str, language: str, consent_version: str = CONSENT_VERSION) -> None:
    """Record the request and e-mail a confirmation link; silent for addresses already confirmed.

    The caller shows the same page whatever happened, so nobody learns who is subscribed.
    """
    email = email.strip().lower()
    try:
        _subscriber_create(email=email, language=language, consent_version=consent_version)
    except IntegrityError:
        pass  # the same address submitted twice at once: the other request handles it


def _subscriber_create(*, email: str, language: str, consent_version: str) -> None:
    now = timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(email=email).first()
        if subscriber is None:
            subscriber = Subscriber(email=email, unsubscribe_token=secrets.token_urlsafe(32))
        elif subscriber.status == Subscriber.Status.CONFIRMED:
            return
        elif (
            subscriber.status == Subscriber.Status.PENDING
            and subscriber.confirm_expires_at
            and subscriber.confirm_expires_at - CONFIRM_TTL > now - RESEND_AFTER
        ):
            return
        subscriber.language = language
        subscriber.status = Subscriber.Status.PENDING
        subscriber.consent_at = now
        subscriber.consent_version = consent_version
        subscriber.confirm_expires_at = now + CONFIRM_TTL
        subscriber.full_clean()
        subscriber.save()
        subscriber_id = subscriber.pk
        transaction.on_commit(lambda: subscriber_confirmation_send_task.enqueue(subscriber_id))


def subscriber_confirmation_send(*, subscriber_id: int) -> None:
    """E-mail a fresh confirmation link to a pending subscriber; only the token's hash is kept."""
    subscriber = Subscriber.objects.filter(pk=subscriber_id, status=Subscriber.Status.PENDING).first()
    if subscriber is None:
        return
    token = secrets.token_urlsafe(32)
    subscriber.confirm_token_hash = _hash(token)
    subscriber.confirm_expires_at = timezone.now() + CONFIRM_TTL
    subscriber.save(update_fields=["confirm_token_hash", "confirm_expires_at"])
    send_confirmation(email=subscriber.email, language=subscriber.language, token=token)


class ConfirmResult(Enum):
    CONFIRMED = "confirmed"
    EXPIRED = "expired"
    INVALID = "invalid"


def subscriber_confirm(*, token: str) -> ConfirmResult:
    """Confirm the subscription behind `token`. Confirming twice is fine; a forged token is INVALID."""
    if not token or len(token) > 100:
        return ConfirmResult.INVALID
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(confirm_token_hash=_hash(token)).first()
        if subscriber is None or subscriber.status == Subscriber.Status.UNSUBSCRIBED:
            return ConfirmResult.INVALID
        if subscriber.status == Subscriber.Status.CONFIRMED:
            return ConfirmResult.CONFIRMED
        if subscriber.confirm_expires_at is None or subscriber.confirm_expires_at < timezone.now():
            return ConfirmResult.EXPIRED
        subscriber.status = Subscriber.Status.CONFIRMED
        subscriber.confirmed_at = timezone.now()
        subscriber.save(update_fields=["status", "confirmed_at"])
    return ConfirmResult.CONFIRMED


def subscriber_unsubscribe(*, token: str) -> None:
    """Unsubscribe whoever holds `token`; unknown tokens do nothing, visibly the same."""
    if not token or len(token) > 100:
        return
    Subscriber.objects.filter(unsubscribe_token=token).exclude(status=Subscriber.Status.UNSUBSCRIBED).update(
        status=Subscriber.Status.UNSUBSCRIBED, unsubscribed_at=timezone.now(), confirm_token_hash=""
    )


def subscriber_purge_unconfirmed() -> int:
    """Erase subscription requests never confirmed: we keep no address without consent."""
    cutoff = timezone.now() - retention("unconfirmed_subscribers")
    deleted, _rows = Subscriber.objects.filter(
        status=Subscriber.Status.PENDING, created_at__lt=cutoff
    ).delete()
    return deleted


def edition_send_start(*, article: ArticlePage, user=None) -> EditionSend:
    """Send (or resume sending) a published edition to the confirmed subscribers of its language."""
    if not article.live:
        raise ValidationError(_("Seule une édition publiée peut être envoyée."))
    language = article.locale.language_code
    send, _created = EditionSend.objects.get_or_create(
        article=article, defaults={"language": language, "requested_by": user}
    )
    send.status = EditionSend.Status.RUNNING
    send.last_error = ""
    send.save(update_fields=["status", "last_error"])
    send_id = send.pk
    transaction.on_commit(lambda: edition_send_batch_task.enqueue(send_id))
    return send


def _claim(subscriber: Subscriber, article: ArticlePage) -> Delivery | None:
    """Take the right to send to this subscriber; None if someone else holds it or it is done."""
    retried = Delivery.objects.filter(
        subscriber=subscriber, article=article, status=Delivery.Status.FAILED
    ).update(status=Delivery.Status.SENDING, error="")
    if retried:
        return Delivery.objects.get(subscriber=subscriber, article=article)
    try:
        with transaction.atomic():
            return Delivery.objects.create(subscriber=subscriber, article=article)
    except IntegrityError:
        return None


def edition_send_batch(*, send_id: int, batch_size: int | None = None) -> int:
    """Send one batch; returns how many recipients remain. An SMTP error stops the send, recorded."""
    send = EditionSend.objects.select_related("article__locale").get(pk=send_id)
    article = send.article
    recipients = list(subscribers_not_reached(send=send)[: batch_size or BATCH_SIZE])
    if not recipients:
        return _finish(send)
    rendered = render_edition(article, language=send.language)
    connection = get_connection()
    try:
        for subscriber in recipients:
            delivery = _claim(subscriber, article)
            if delivery is None:
                continue
            try:
                edition_message(
                    rendered, to=subscriber.email, token=subscriber.unsubscribe_token,
                    language=send.language, connection=connection,
                ).send()
            except Exception as error:
                delivery.status = Delivery.Status.FAILED
                delivery.error = repr(error)[:1000]
                delivery.save(update_fields=["status", "error"])
                send.status = EditionSend.Status.FAILED
                send.last_error = repr(error)[:1000]
                send.save(update_fields=["status", "last_error"])
                raise
            delivery.status = Delivery.Status.SENT
            delivery.sent_at = timezone.now()
            delivery.save(update_fields=["status", "sent_at"])
    finally:
        connection.close()
    return _finish(send)


def _finish(send: EditionSend) -> int:
    """How many recipients remain; when none, the send is marked done."""
    remaining = subscribers_not_reached(send=send).count()
    if remaining == 0:
        send.status = EditionSend.Status.DONE
        send.finished_at = timezone.now()
        send.save(update_fields=["status", "finished_at"])
    return remaining


def edition_test_send_start(*, article: ArticlePage, email: str) -> None:
    """Send an edition to one editor's address, once the request's transaction is committed."""
    article_id = article.pk
    transaction.on_commit(lambda: edition_test_send_task.enqueue(article_id, email))


def edition_test_send(*, article: ArticlePage, email: str) -> None:
    """Send an edition, marked as a test, to one address."""
    rendered = render_edition(article, language=article.locale.language_code)
    rendered["subject"] = "[TEST] " + rendered["subject"]
    # A test message carries a dummy unsubscribe link: the editor is not a subscriber.
    edition_message(rendered, to=email, token="test", language=article.locale.language_code).send()  # noqa: S106
