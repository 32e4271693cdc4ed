"""What happens when a reader opens a work or a chapter: hits and reading history.

Called by the works app's reading views. The feedback app owns what it records."""

from __future__ import annotations


def on_work_read(request, work, chapter=None) -> None:
    """Record that request's reader opened `work` (at `chapter`, when one chapter is shown)."""
    return None
