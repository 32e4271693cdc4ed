"""The statistics' periodic job (settings.PERIODIC_TASKS)."""

from __future__ import annotations

from django_tasks import task

from . import rollup
from .fold import fold


@task()
def fold_daily_figures() -> int:
    """Buffered hits and new feedback into the daily, weekly and monthly rows."""
    return fold()


@task()
def rebuild_account_figures(user_id: int) -> int:
    """An account's rollup summed afresh from its works' figures (asked by its stats page)."""
    return rollup.rebuild(user_id)
