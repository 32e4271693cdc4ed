"""The support form's requests (guests' too) and the staff's answers, which go out by mail
through the task runner. Open requests are listed in the moderation queue beside reports."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ficarchive.feedback.services.rules import Refused

from .models import SupportRequest

MAX_ANSWER_CHARS = 10_000


def file_request(*, subject: str, message: str, email: str, name: str = "", user=None):
    signed_in = user is not None and user.is_authenticated
    return SupportRequest.objects.create(
        subject=subject.strip(),
        message=message.strip(),
        email=email.strip(),
        name=name.strip(),
        user=user if signed_in else None,
    )


def open_requests():
    return SupportRequest.objects.filter(answered_at=None).order_by("created_at", "pk")


@transaction.atomic
def answer(support: SupportRequest, staff, text: str) -> SupportRequest:
    """The staff's answer, mailed once the transaction commits; a request is answered once."""
    from .tasks import send_support_answer

    text = text.strip()
    if not text:
        raise Refused("Write an answer first.")
    if len(text) > MAX_ANSWER_CHARS:
        raise Refused(f"An answer is at most {MAX_ANSWER_CHARS:,} characters.")
    changed = SupportRequest.objects.filter(pk=support.pk, answered_at=None).update(
        answer=text, answered_at=timezone.now(), answered_by=staff
    )
    if not changed:
        raise Refused("Someone answered this request already.")
    transaction.on_commit(lambda: send_support_answer.enqueue(support.pk))
    support.refresh_from_db()
    return support
