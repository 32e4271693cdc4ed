"""What the statistics keep while readers read: counts in the cache, never the database (a
reader's GET writes nothing). The periodic fold (fold.py) takes them.

Listens to core.signals:
  hit_counted  a work's hit, counted by feedback once per visitor, work and day: added to that
               day's count, so the daily figures add up to Work.hits_count exactly;
  work_read    a chapter shown (also from the page cache, for guests without a session): a
               chapter hit, once per visitor, chapter and day, never the creators' own
               (what this process met already today costs no round trip: feedback's
               first_here_today). A whole
               work shown at once reaches no chapter in particular and counts none.

Keys (all under "stats:"): count:<member> the unfolded count; seen:<day>:<chapter>:<visitor>;
the members (w:<work>:<day>, c:<work>:<chapter>) in a feedback Registry named "stats". The
visitor is feedback's hashed key, never kept past the day.
"""

from __future__ import annotations

from datetime import date

from django.core.cache import cache
from django.utils import timezone

from ficarchive.feedback.services.buffers import Registry
from ficarchive.feedback.services.hits import (
    SEEN_SECONDS,
    first_here_today,
    remember_here_today,
    visitor_key,
)

REGISTRY = Registry("stats")


def _add(member: str, n: int = 1) -> None:
    key = f"stats:count:{member}"
    cache.add(key, 0, timeout=None)
    try:
        cache.incr(key, n)
    except ValueError:  # evicted between add and incr
        cache.set(key, n, timeout=None)
    REGISTRY.add(member)


def hit_counted(sender, work_id: int, day: str, **kwargs) -> None:
    _add(f"w:{work_id}:{day}")


def work_read(sender, request, work_id, chapter_id=None, work=None, **kwargs) -> None:
    if chapter_id is None:
        return
    if work is not None and work.is_creator(request.user):
        return
    day = timezone.localdate().isoformat()
    visitor = visitor_key(request)
    if not first_here_today(day, ("chapter", chapter_id, visitor)):
        return  # this process counted it today: no need to ask the shared cache
    added = cache.add(f"stats:seen:{day}:{chapter_id}:{visitor}", 1, timeout=SEEN_SECONDS)
    remember_here_today(day, ("chapter", chapter_id, visitor))
    if added:
        _add(f"c:{work_id}:{chapter_id}")


def take() -> tuple[dict[tuple[int, date], int], dict[tuple[int, int], int]]:
    """Everything buffered, leaving the buffer empty: hits by (work, day) and by (work,
    chapter). Counts added meanwhile wait for the next fold."""
    work_days: dict[tuple[int, date], int] = {}
    chapters: dict[tuple[int, int], int] = {}
    for member in sorted(REGISTRY.take()):
        REGISTRY.unlist(member)  # what is counted from here on lists it again
        key = f"stats:count:{member}"
        n = cache.get(key) or 0
        if n <= 0:
            continue
        cache.decr(key, n)
        kind, first, second = member.split(":")
        if kind == "w":
            work_days[(int(first), date.fromisoformat(second))] = n
        else:
            chapters[(int(first), int(second))] = n
    return work_days, chapters


def give_back(work_days: dict, chapters: dict) -> None:
    """Put taken counts back (a fold that failed to write them)."""
    for (work_id, day), n in work_days.items():
        _add(f"w:{work_id}:{day.isoformat()}", n)
    for (work_id, chapter_id), n in chapters.items():
        _add(f"c:{work_id}:{chapter_id}", n)
