"""Background work of the feedback app: subscription fan-out, flushing hit counts (and, from
mail.py, a notification's mail). Tasks take primary keys, never model instances. Tasks call
services; services only enqueue tasks, and the mail task sits in mail.py, below the inbox that
enqueues it, so that no two modules import each other."""

from __future__ import annotations

from django_tasks import task

from .mail import send_notification_mail  # noqa: F401  (its documented name)
from .services.fanout import deliver_event
from .services.history import flush_readings
from .services.hits import flush_hits as flush_buffered_hits


@task()
def deliver_subscription_event(event_id: int) -> int:
    return deliver_event(event_id)


@task()
def flush_hits() -> int:
    """Buffered hits and reading-history visits to the database; the number of hits."""
    written = flush_buffered_hits()
    flush_readings()
    return written
