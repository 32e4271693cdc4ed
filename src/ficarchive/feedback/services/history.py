"""Reading history: what a reader opened, when, the last chapter, where they stopped in which
chapter (so reading resumes on another device), and works marked for later.

Opening a work writes nothing: the visit waits in the cache (keys under "reading:", the pairs in
a buffers.Registry) and flush_readings, run with the hit flush every HIT_FLUSH_SECONDS, adds it
to the reader's line. A reader's history page shows their visits after that flush; where they
stopped (a POST from feedback.js) and "marked for later" are written at once."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ficarchive.accounts.services import preferences_of

from ..models import Reading
from .buffers import Registry

PENDING = Registry("reading")

# Pages of one work opened less than this apart are one visit: turning chapters, and coming
# back to the work after leaving kudos, a comment or a subscription, are not visits of their own.
VISIT_GAP = timedelta(minutes=30)
# A page of the chapter the reader opened less than this ago writes nothing to the cache (the
# history's time of it may be this much early): a reader reloading or going back and forth
# costs no write.
SAME_PLACE_SECONDS = 60


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


def record_reading(user, work_id: int, chapter_id: int | None = None) -> bool:
    """The reader opened the work (at the chapter, when one is given), buffered until the
    next flush_readings. Nothing is kept when history is off."""
    if not (user and user.is_authenticated) or not history_enabled(user):
        return False
    pair = f"{user.pk}:{work_id}"
    last = cache.get(f"reading:last:{pair}")
    now = timezone.now().timestamp()
    chapter_id = chapter_id if chapter_id is not None else (last[0] if last else None)
    if last is not None and last[0] == chapter_id and 0 <= now - last[1] < SAME_PLACE_SECONDS:
        return True  # the same chapter a moment ago: nothing to keep but a later time
    cache.set(f"reading:last:{pair}", (chapter_id, now), timeout=None)
    if last is not None and now - last[1] < VISIT_GAP.total_seconds():
        PENDING.add(pair)  # the same visit: only the time and the chapter move on
        return True
    key = f"reading:visits:{pair}"
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key)
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=None)
    PENDING.add(pair)
    return True


def flush_readings() -> int:
    """Write every buffered visit to its reader's line; the number of lines written."""
    written = 0
    for pair in sorted(PENDING.take()):
        PENDING.unlist(pair)
        user_id, work_id = (int(x) for x in pair.split(":"))
        last = cache.get(f"reading:last:{pair}")
        visits = cache.get(f"reading:visits:{pair}") or 0
        if last is None:
            continue
        if visits:
            cache.decr(f"reading:visits:{pair}", visits)
        chapter_id, at = last
        values = {
            "visits": F("visits") + visits,
            "last_read_at": datetime.fromtimestamp(at, tz=UTC),
        }
        if chapter_id is not None:
            values["chapter_id"] = chapter_id
        _write_visit(user_id, work_id, visits, values)
        written += 1
    return written


def _write_visit(user_id: int, work_id: int, visits: int, values: dict) -> None:
    from ficarchive.works.models import Chapter, Work

    if not Work.objects.filter(pk=work_id).exists():
        return  # deleted since
    if values.get("chapter_id") and not Chapter.objects.filter(pk=values["chapter_id"]).exists():
        values.pop("chapter_id")
    if Reading.objects.filter(user_id=user_id, work_id=work_id).update(**values):
        return
    plain = {**values, "visits": visits}
    try:
        with transaction.atomic():
            Reading.objects.create(user_id=user_id, work_id=work_id, **plain)
    except IntegrityError:  # created meanwhile by a position saved by the same reader
        Reading.objects.filter(user_id=user_id, work_id=work_id).update(**values)


def _drop_pending(user, work=None) -> None:
    prefix = f"{user.pk}:" if work is None else f"{user.pk}:{work.pk}"
    for pair in PENDING.remove(lambda p: p.startswith(prefix) if work is None else p == prefix):
        cache.delete_many([f"reading:last:{pair}", f"reading:visits:{pair}"])


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
    _drop_pending(user, work)
    Reading.objects.filter(user=user, work=work).delete()


def clear_history(user) -> int:
    """Forget everything read; works marked for later stay marked (as unread)."""
    _drop_pending(user)
    Reading.objects.filter(user=user, marked_for_later=True).update(
        last_read_at=None, visits=0, chapter=None, stopped_in=None, stopped_at=0
    )
    deleted, _ = Reading.objects.filter(user=user, marked_for_later=False).delete()
    return deleted


def set_history_enabled(user, enabled: bool) -> None:
    prefs = preferences_of(user)
    prefs.history_enabled = enabled
    prefs.save(update_fields=["history_enabled"])
    if not enabled:
        _drop_pending(user)
