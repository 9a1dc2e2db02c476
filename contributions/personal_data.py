"""What contributions hold about a person, for the export, deletion and retention commands."""
from django.utils import timezone

from .models import Contribution
from .services import _delete_contribution, contributions_purge


def export(email: str) -> list[dict]:
    rows = []
    for c in Contribution.objects.filter(email__iexact=email).prefetch_related("files", "events").select_related("locale"):
        rows.append({
            "kind": c.kind, "status": c.status, "language": c.locale.language_code, "country": c.country_code,
            "email": c.email, "consent_at": c.consent_at.isoformat(), "consent_version": c.consent_version,
            "created_at": c.created_at.isoformat(), "data": c.data,
            "files": [{"name": f.original_name, "type": f.content_type, "size": f.size} for f in c.files.all()],
            "history": [{"at": e.at.isoformat(), "action": e.action, "comment": e.comment} for e in c.events.all()],
            "page_id": c.page_id,
        })
    return rows


def delete(email: str) -> int:
    """Erases the contributions and their files; drafts never published go too, published pages stay."""
    count = 0
    for c in Contribution.objects.filter(email__iexact=email).select_related("page"):
        if c.page is not None and not c.page.live:
            c.page.delete()
        _delete_contribution(c)
        count += 1
    return count


def purge(now=None) -> int:
    return sum(contributions_purge(now=now or timezone.now()).values())
