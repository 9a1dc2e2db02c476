"""A test e-mail backend that fails like an SMTP server would, on the k-th message."""
import smtplib

from django.core.mail.backends.locmem import EmailBackend


class FailOnKthMessage(EmailBackend):
    """Delivers to the locmem outbox, but the `fail_at`-th message overall raises an SMTP error."""

    fail_at: int | None = None
    seen = 0

    def send_messages(self, messages):
        sent = 0
        for message in messages:
            type(self).seen += 1
            if type(self).fail_at is not None and type(self).seen == type(self).fail_at:
                raise smtplib.SMTPServerDisconnected("connection lost (simulated)")
            sent += super().send_messages([message])
        return sent
