"""Background jobs of the tags app (run by any task worker)."""

from __future__ import annotations

from django_tasks import task

from .counts import fold_tag_counts


@task()
def fold_tag_counts_task() -> int:
    return fold_tag_counts()
