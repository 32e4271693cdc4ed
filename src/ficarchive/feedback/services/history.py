"""Reading history: what a reader opened, when, the last chapter, where they stopped in which
chapter (so reading resumes on another device), and works marked for later."""

from __future__ import annotations

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Case, F, IntegerField, Q, When
from django.utils import timezone

from ficarchive.accounts.services import preferences_of

from ..models import Reading

# Pages of one work opened less than this apart are one visit: turning chapters, and coming
# back to the work after leaving kudos, a comment or a subscription, are not visits of their own.
VISIT_GAP = timedelta(minutes=30)


def history_enabled(user) -> bool:
    prefs = preferences_of(user)
    return bool(prefs and prefs.history_enabled)


def _upsert(user, work, **values) -> None:
    """Update the reader's line for the work, creating it when there is none yet."""
    if Reading.objects.filter(user=user, work=work).update(**values):
        return
    plain = {k: v for k, v in values.items() if not hasattr(v, "resolve_expression")}
    if "visits" in values:
        plain["visits"] = 1
    try:
        with transaction.atomic():
            Reading.objects.create(user=user, work=work, **plain)
    except IntegrityError:  # created meanwhile by another request of the same reader
        Reading.objects.filter(user=user, work=work).update(**values)


def record_reading(user, work, chapter=None) -> bool:
    """The reader opened the work (at `chapter`). Nothing is kept when history is off."""
    if not (user and user.is_authenticated) or not history_enabled(user):
        return False
    now = timezone.now()
    new_visit = Q(last_read_at__isnull=True) | Q(last_read_at__lt=now - VISIT_GAP)
    visits = Case(
        When(new_visit, then=F("visits") + 1), default=F("visits"), output_field=IntegerField()
    )
    values = {"visits": visits, "last_read_at": now}
    if chapter is not None:
        values["chapter"] = chapter
    _upsert(user, work, **values)
    return True


def save_position(user, work, chapter, fraction: float) -> bool:
    """Where in `chapter` the reader stopped, as a fraction from 0 (top) to 1 (end)."""
    if not history_enabled(user):
        return False
    fraction = min(max(float(fraction), 0.0), 1.0)
    _upsert(user, work, stopped_in=chapter, stopped_at=fraction, last_read_at=timezone.now())
    return True


def reading_of(user, work) -> Reading | None:
    if not (user and user.is_authenticated):
        return None
    return Reading.objects.filter(user=user, work=work).select_related("stopped_in").first()


def mark_for_later(user, work, marked: bool = True) -> None:
    """Marked works stay listed under "Marked for later", even with history off."""
    if marked:
        _upsert(user, work, marked_for_later=True)
    else:
        Reading.objects.filter(user=user, work=work).update(marked_for_later=False)
        Reading.objects.filter(user=user, work=work, last_read_at__isnull=True).delete()


def forget(user, work) -> None:
    Reading.objects.filter(user=user, work=work).delete()


def clear_history(user) -> int:
    """Forget everything read; works marked for later stay marked (as unread)."""
    Reading.objects.filter(user=user, marked_for_later=True).update(
        last_read_at=None, visits=0, chapter=None, stopped_in=None, stopped_at=0
    )
    deleted, _ = Reading.objects.filter(user=user, marked_for_later=False).delete()
    return deleted


def set_history_enabled(user, enabled: bool) -> None:
    prefs = preferences_of(user)
    prefs.history_enabled = enabled
    prefs.save(update_fields=["history_enabled"])
