"""Background work of collections: the scheduled reveals, run by the periodic job."""

from __future__ import annotations

from django_tasks import task


@task()
def reveal_due_task() -> int:
    from .reveal import reveal_due

    return reveal_due()


@task()
def deliver_collection_news(collection_id: int, work_id: int) -> int:
    from .news import deliver_news

    return deliver_news(collection_id, work_id)
