"""Sign-ups open and close on their dates: the periodic job (tasks.signup_dates_task) calls
act_on_dates every so often; each date is acted on once."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ficarchive.collections.services import maintainer_ids
from ficarchive.feedback.services.inbox import deliver_notice

from .models import GiftExchange


def act_on_dates(now=None) -> int:
    """Open the sign-ups whose opening date has come and close those whose closing date has;
    the maintainers are told at the close. Returns how many exchanges changed."""
    now = now or timezone.now()
    changed = 0
    due_open = GiftExchange.objects.filter(opened_on_schedule=False, signups_open_at__lte=now)
    for exchange in due_open.select_related("collection"):
        closing = exchange.signups_close_at
        exchange.signups_open = closing is None or closing > now
        exchange.opened_on_schedule = True
        exchange.save(update_fields=["signups_open", "opened_on_schedule"])
        changed += 1
    due_close = GiftExchange.objects.filter(closed_on_schedule=False, signups_close_at__lte=now)
    for exchange in due_close.select_related("collection"):
        with transaction.atomic():
            exchange.signups_open = False
            exchange.closed_on_schedule = True
            exchange.save(update_fields=["signups_open", "closed_on_schedule"])
            deliver_notice(
                maintainer_ids(exchange.collection),
                f"Sign-ups for “{exchange.collection.title}” closed with "
                f"{exchange.signups.count()} sign-ups: you can generate the assignments.",
                exchange.collection.get_absolute_url() + "/assignments",
            )
        changed += 1
    return changed
