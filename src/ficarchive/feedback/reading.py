"""What happens when a reader opens a work or a chapter: hits and reading history.

Follows core.signals.work_read, sent by the works app's reading views. The feedback app owns
what it records."""

from __future__ import annotations

from .services.history import record_reading
from .services.hits import count_hit, flush_if_due, visitor_key


def on_work_read(request, work, chapter=None) -> None:
    """Record that request's reader opened `work` (at `chapter`, when one chapter is shown):
    a hit (never the creator's own, once per visitor and day, buffered in the cache) and a
    line of reading history for a signed-in reader who keeps one."""
    flush_if_due()
    if work.is_creator(request.user):
        return
    count_hit(work, visitor_key(request))
    record_reading(request.user, work, chapter)
