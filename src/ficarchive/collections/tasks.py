"""Background work of collections: the scheduled reveals, run by the periodic job. The news of a
work shown in a collection is news.deliver_collection_news."""

from __future__ import annotations

from django_tasks import task


@task()
def reveal_due_task() -> int:
    from .reveal import reveal_due

    return reveal_due()
