"""The statistics' periodic job (settings.PERIODIC_TASKS)."""

from __future__ import annotations

from django.core.cache import cache
from django_tasks import task

from . import rollup
from .fold import fold

ASKED_SECONDS = 600  # a rebuild asked for is not asked for again meanwhile


@task()
def fold_daily_figures() -> int:
    """Buffered hits and new feedback into the daily, weekly and monthly rows."""
    return fold()


@task()
def rebuild_account_figures(user_id: int) -> int:
    """An account's rollup summed afresh from its works' figures (asked by its stats page)."""
    return rollup.rebuild(user_id)


def ask_rebuild(user_id: int, work_ids) -> None:
    """Queue a rebuild for the account, unless one was asked for these works lately."""
    key = f"stats:rebuild:{user_id}:{rollup.digest(work_ids)}"
    if cache.add(key, 1, timeout=ASKED_SECONDS):
        rebuild_account_figures.enqueue(user_id)
