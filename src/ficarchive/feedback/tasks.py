"""Background work of the feedback app: mail, subscription fan-out, flushing hit counts.
Tasks take primary keys, never model instances."""

from __future__ import annotations

from django_tasks import task

from ficarchive.text.sanitize import html_to_plain_text
from ficarchive.works.models import Work

from .mail import absolute, send_templated_mail
from .models import Notification


@task()
def send_notification_mail(notification_id: int) -> bool:
    item = (
        Notification.objects.filter(pk=notification_id)
        .select_related("user", "comment__pseud__user", "comment__user", "work", "chapter")
        .first()
    )
    if item is None or not item.user.email:
        return False
    if item.work_id and not Work.objects.visible_to(item.user).filter(pk=item.work_id).exists():
        return False  # hidden, restricted or drafted again since the news was queued
    if item.kind in (Notification.COMMENT, Notification.REPLY):
        name, target = "comment", item.comment
    elif item.kind == Notification.NOTICE:
        name, target = "notice", None
    else:
        name, target = "update", item.chapter or item.work or item.series
    context = {
        "item": item,
        "recipient": item.user,
        "link": absolute(target.get_absolute_url() if target else item.link),
        "inbox_link": absolute("/inbox"),
        "plain_body": html_to_plain_text(item.comment.body) if item.comment_id else "",
    }
    send_templated_mail(item.user.email, name, context)
    return True


@task()
def deliver_subscription_event(event_id: int) -> int:
    from .services.subscriptions import deliver_event

    return deliver_event(event_id)


@task()
def flush_hits() -> int:
    from .services.hits import flush_hits as flush

    return flush()
