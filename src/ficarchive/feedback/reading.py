"""What happens when a reader opens a work or a chapter: hits and reading history.

Follows core.signals.work_read, sent by the works app's reading views. The feedback app owns
what it records."""

from __future__ import annotations

from .services.history import record_reading
from .services.hits import count_hit, visitor_key


def on_work_read(request, work_id: int, *, work=None, chapter=None, chapter_id=None) -> None:
    """Record that request's reader opened the work (at `chapter`, when one chapter is shown):
    a hit (never the creator's own, once per visitor and day, buffered in the cache) and a
    line of reading history for a signed-in reader who keeps one (their own works too: the
    history is theirs, and a place saved in it needs a visit beside it). Without `work` (a
    guest's page served from the page cache) only the hit; a signed-in reader's page served
    from its kept shared part (never kept for the work's creators) gives the ids alone."""
    if work is None or not work.is_creator(request.user):
        count_hit(work_id, visitor_key(request))
    if work is not None:
        record_reading(request.user, work.pk, chapter.pk if chapter is not None else None)
    elif request.user.is_authenticated:
        record_reading(request.user, work_id, chapter_id)
