"""What the lettre holds about a subscriber, for the export, deletion and retention commands."""
from .services import subscriber_purge_unconfirmed
from .subscribers import Delivery, Subscriber


def export(email: str) -> list[dict]:
    return [
        {
            "email": s.email, "language": s.language, "status": s.status,
            "consent_at": s.consent_at.isoformat() if s.consent_at else None, "consent_version": s.consent_version,
            "confirmed_at": s.confirmed_at.isoformat() if s.confirmed_at else None,
            "unsubscribed_at": s.unsubscribed_at.isoformat() if s.unsubscribed_at else None,
            "editions_received": list(Delivery.objects.filter(subscriber=s).values_list("article__title", flat=True)),
        }
        for s in Subscriber.objects.filter(email__iexact=email)
    ]


def delete(email: str) -> int:
    count, _ = Subscriber.objects.filter(email__iexact=email).delete()
    return count


def purge(now=None) -> int:
    return subscriber_purge_unconfirmed()
