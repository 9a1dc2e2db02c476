"""What an organiser changes at once, without moderation: the café full, cancelled or open again, one
session cancelled, restored or added.

Applied to every version of the café (its translations and the aliases that show it in other languages),
to its live revision and to a revision waiting for moderation (so that approving a proposal made before
does not bring the old state back), logged in the page's history, and seen at once everywhere (pages,
agenda, map, feeds: the page cache and the feeds' data version follow the save).
"""
import datetime as dt
import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from cafeia_site import purge

from . import timing
from .choices import CafeStatus
from .models import CafePage, CafeSessionChange

LOG_ACTION = "cafes.organiser_update"
# What an organiser may set; "past" follows from the dates.
ORGANISER_STATUSES = (CafeStatus.SCHEDULED, CafeStatus.FULL, CafeStatus.CANCELLED)


class CafeChangedMeanwhile(Exception):
    """Someone else (another organiser, a moderator) changed the café since this person's page was shown."""


def fingerprint(cafe: CafePage) -> str:
    """A short digest of what an organiser can change, shown with their form: two people acting at once are told."""
    changes = sorted((c.date.isoformat(), c.change) for c in cafe.session_changes.all())
    return hashlib.sha256(repr((cafe.status, changes)).encode()).hexdigest()[:16]


def _changed_sessions(cafe: CafePage, *, cancel=None, restore=None, add=None) -> dict[dt.date, str]:
    """The café's date changes after this one, or a ValidationError saying why it cannot be made."""
    changes = {c.date: c.change for c in cafe.session_changes.all()}
    today = timezone.localdate(timezone=cafe.tz)
    day = cancel or restore or add
    if day is None:
        return changes
    if day < today:
        raise ValidationError(_("Le %(day)s est passé : seules les séances à venir peuvent changer.") % {"day": day.isoformat()})
    if restore is not None:
        if changes.get(restore) != timing.SessionChange.CANCELLED:
            raise ValidationError(_("La séance du %(day)s n'est pas annulée.") % {"day": restore.isoformat()})
        del changes[restore]
        return changes
    if cancel is not None and changes.get(cancel) == timing.SessionChange.CANCELLED:
        raise ValidationError(_("La séance du %(day)s est déjà annulée.") % {"day": cancel.isoformat()})
    rhythm = cafe.rhythm
    if cancel is not None:
        error = timing.session_change_error(rhythm, cafe.first_day, cancel, timing.SessionChange.CANCELLED)
        if error is None and changes.get(cancel) == timing.SessionChange.SKIPPED:
            error = _("Il n'y a pas de séance le %(day)s.") % {"day": cancel.isoformat()}
        if error:
            raise ValidationError(error)
        changes[cancel] = timing.SessionChange.CANCELLED
        return changes
    if changes.get(add) == timing.SessionChange.SKIPPED:
        del changes[add]  # a date without session gets its session back
        return changes
    error = timing.session_change_error(rhythm, cafe.first_day, add, timing.SessionChange.ADDED)
    if error:
        raise ValidationError(error)
    changes[add] = timing.SessionChange.ADDED
    return changes


def _apply(target, status: str, changes: dict) -> None:
    target.status = status
    target.session_changes = [CafeSessionChange(date=day, change=change) for day, change in sorted(changes.items())]


@transaction.atomic
def cafe_update(*, page_id: int, seen: str, status: str | None = None, cancel: dt.date | None = None,
                restore: dt.date | None = None, add: dt.date | None = None, by: str = "") -> CafePage:
    """Sets the café's status and/or changes one session's date, on every version of it; returns the café.

    `seen` is the fingerprint the person's page showed: if the café changed since, nothing is applied and
    CafeChangedMeanwhile is raised. `by` says who acted, for the page's history (never an e-mail address).
    """
    cafe = CafePage.objects.select_for_update().get(pk=page_id)
    if fingerprint(cafe) != seen:
        raise CafeChangedMeanwhile
    if status is not None and status not in ORGANISER_STATUSES:
        raise ValidationError(_("État inconnu."))
    new_status = status or cafe.status
    changes = _changed_sessions(cafe, cancel=cancel, restore=restore, add=add)
    data = {"status": new_status, "cancelled": cancel and cancel.isoformat(), "restored": restore and restore.isoformat(),
            "added": add and add.isoformat(), "by": by}
    versions = CafePage.objects.select_for_update().filter(translation_key=cafe.translation_key).order_by("pk")
    for version in versions:
        _apply(version, new_status, changes)
        version.save(clean=False)
        for revision in {r for r in (version.live_revision, version.latest_revision) if r is not None}:
            # A revision keeps a whole copy of the page: the next publication (a proposal approved) starts from it.
            pending = revision.as_object()
            _apply(pending, new_status, changes)
            revision.content = pending.serializable_data()
            revision.save(update_fields=["content"])
        log(instance=version, action=LOG_ACTION, data={k: v for k, v in data.items() if v})
    # Page saves outside a publication don't purge the page cache (cafeia_site.signals): this one is public at once.
    purge.page_changed(cafe)
    return CafePage.objects.get(pk=page_id)
