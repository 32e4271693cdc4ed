"""Mail as template sets: <name>_subject.txt, <name>.txt and <name>.html under feedback/email/,
and the task that mails a notification (enqueued by services/inbox.py)."""

from __future__ import annotations

from django.utils import timezone
from django_tasks import task

from ficarchive.core.mail import absolute
from ficarchive.core.mail import send_templated_mail as send_mail_set
from ficarchive.text.sanitize import html_to_plain_text
from ficarchive.works.models import Work

from .models import Notification


def send_templated_mail(to: str, name: str, context: dict) -> None:
    send_mail_set(to, f"feedback/email/{name}", context)


@task()
def send_notification_mail(notification_id: int) -> bool:
    item = (
        Notification.objects.filter(pk=notification_id)
        .select_related("user", "comment__pseud__user", "comment__user", "work", "chapter")
        .first()
    )
    if item is None or not item.user.email or item.mailed_at:
        return False  # gone, no address, or mailed already (the task ran again)
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
    # A worker killed between the mail server's acceptance and this line sends it again.
    Notification.objects.filter(pk=item.pk).update(mailed_at=timezone.now())
    return True
