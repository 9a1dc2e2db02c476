"""What contributions hold about a person, for the export, deletion and retention commands."""
from django.utils import timezone

from cafeia_site.personal_data import Deleted

from .models import Contribution
from .services import contribution_delete, contribution_purge


def export(email: str) -> list[dict]:
    rows = []
    for c in Contribution.objects.filter(email__iexact=email).prefetch_related("files", "events").select_related("locale"):
        rows.append({
            "kind": c.kind, "status": c.status, "language": c.locale.language_code, "country": c.country_code,
            "email": c.email, "consent_at": c.consent_at.isoformat(), "consent_version": c.consent_version,
            "created_at": c.created_at.isoformat(), "data": c.data,
            "files": [{"name": f.original_name, "type": f.content_type, "size": f.size,
                       "published": f.image_id is not None or f.document_id is not None} for f in c.files.all()],
            "history": [{"at": e.at.isoformat(), "action": e.action, "comment": e.comment} for e in c.events.all()],
            "page_id": c.page_id,
        })
    return rows


def delete(email: str) -> Deleted:
    """Erases the contributions and every copy of their files. Drafts never published go too; published pages
    stay, without the photos and documents this person sent."""
    count = published_files = 0
    pages = set()
    for c in Contribution.objects.filter(email__iexact=email).select_related("page"):
        if c.page is not None and not c.page.live:
            c.page.delete()
        elif c.page is not None and c.files.exclude(image=None, document=None).exists():
            pages.add(c.page_id)
        published_files += contribution_delete(c)
        count += 1
    if not published_files:
        return Deleted(count)
    return Deleted(count, f"{published_files} published photo(s) or document(s) deleted; "
                          f"{len(pages)} published page(s) stay online without them")


def purge(now=None) -> int:
    return sum(contribution_purge(now=now or timezone.now()).values())
