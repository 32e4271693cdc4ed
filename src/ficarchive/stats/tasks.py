"""The statistics' periodic job (settings.PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from .fold import fold


@task()
def fold_daily_figures() -> int:
    """Buffered hits and new feedback into the daily, weekly and monthly rows."""
    return fold()
