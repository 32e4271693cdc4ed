"""The invitation queue (SiteSettings.invitation_queue, off by default): while it is on,
signing up needs an invitation. Visitors join the queue with their e-mail address and see
their place in it; the periodic job invites the next `invitation_batch_size` of them
(tasks.py); admins give users invitations to pass on, as AO3 does."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from ficarchive.core import site_settings

from .models import Invitation, QueueEntry

NOT_VALID = "That invitation code is not valid, or it has been used already."
MAX_GRANT = 100


def find_unused(code: str) -> Invitation | None:
    code = (code or "").strip()
    if not code:
        return None
    return Invitation.objects.filter(code=code, used_by=None).first()


def check_code(code: str) -> None:
    if find_unused(code) is None:
        raise ValidationError(NOT_VALID)


def redeem(code: str, user) -> bool:
    """Spend the invitation on the new account (in its transaction); False when it is not
    there or someone spent it first."""
    used = Invitation.objects.filter(code=code.strip(), used_by=None).update(
        used_by=user, used_at=timezone.now()
    )
    return used == 1


def join_queue(email: str) -> tuple[QueueEntry, bool]:
    """The visitor's place in the queue (their earlier one when they joined already), and
    whether it is new."""
    email = email.strip()
    found = QueueEntry.objects.filter(email__iexact=email).first()
    if found:
        return found, False
    try:
        with transaction.atomic():
            return QueueEntry.objects.create(email=email), True
    except IntegrityError:  # the same address, at the same moment
        return QueueEntry.objects.get(email__iexact=email), False


def position(entry: QueueEntry) -> int | None:
    """1 for the next to be invited; None once invited."""
    if entry.invitation_id:
        return None
    ahead = QueueEntry.objects.filter(invitation=None, created_at__lt=entry.created_at).count()
    same_moment = QueueEntry.objects.filter(
        invitation=None, created_at=entry.created_at, pk__lt=entry.pk
    ).count()
    return ahead + same_moment + 1


def waiting_count() -> int:
    return QueueEntry.objects.filter(invitation=None).count()


@transaction.atomic
def invite_next_batch() -> list[int]:
    """Invite the next batch of the queue, oldest first: the ids of the invitations made
    (their mail goes out through the task runner once committed). Nothing while the queue is
    off."""
    row = site_settings.current()
    if not row.invitation_queue:
        return []
    entries = list(
        QueueEntry.objects.select_for_update(skip_locked=True)
        .filter(invitation=None)
        .order_by("created_at", "pk")[: row.invitation_batch_size]
    )
    made = []
    for entry in entries:
        invitation = Invitation.objects.create(email=entry.email, sent_at=timezone.now())
        entry.invitation = invitation
        entry.save(update_fields=["invitation"])
        made.append(invitation.pk)
    return made


@transaction.atomic
def grant(user, count: int) -> list[Invitation]:
    """Give `user` this many invitations to pass on (an admin's action)."""
    if not 1 <= count <= MAX_GRANT:
        raise ValidationError(f"Give between 1 and {MAX_GRANT} invitations at a time.")
    return [Invitation.objects.create(owner=user) for _ in range(count)]


@transaction.atomic
def send_on(invitation: Invitation, email: str) -> Invitation:
    """The owner passes an unused, unsent invitation on to `email`."""
    current = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if current.used_by_id or current.sent_at:
        raise ValidationError("That invitation was sent or used already.")
    current.email = email.strip()
    current.sent_at = timezone.now()
    current.save(update_fields=["email", "sent_at"])
    return current
