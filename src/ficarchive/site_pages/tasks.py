"""Work for the task runner: the periodic batch of invitations from the queue, and the mail
of invitations and of the staff's answers to support requests. Tasks take primary keys."""

from __future__ import annotations

from django.db import transaction
from django_tasks import task

from ficarchive.core.mail import absolute, send_templated_mail

from . import invitations
from .models import Invitation, QueueEntry, SupportRequest

MAIL = "site_pages/email/"


def invite_from_queue() -> int:
    """Invite the next batch of the queue; the number invited."""
    made = invitations.invite_next_batch()
    for pk in made:
        transaction.on_commit(lambda pk=pk: send_invitation_mail.enqueue(pk))
    return len(made)


@task()
def invite_from_queue_task() -> int:
    return invite_from_queue()


@task()
def send_invitation_mail(invitation_id: int) -> bool:
    invitation = Invitation.objects.filter(pk=invitation_id).select_related("owner").first()
    if invitation is None or not invitation.email or invitation.used_by_id:
        return False
    queued = QueueEntry.objects.filter(invitation=invitation).exists()
    context = {
        "invitation": invitation,
        "from_queue": queued,
        "sender": invitation.owner,
        "link": absolute(invitation.signup_path),
    }
    send_templated_mail(invitation.email, MAIL + "invitation", context)
    return True


@task()
def send_support_answer(request_id: int) -> bool:
    found = SupportRequest.objects.filter(pk=request_id).exclude(answered_at=None).first()
    if found is None:
        return False
    context = {"support": found}
    send_templated_mail(found.email, MAIL + "support_answer", context)
    return True


@task()
def send_queue_welcome(entry_id: int) -> bool:
    entry = QueueEntry.objects.filter(pk=entry_id).first()
    if entry is None:
        return False
    context = {"entry": entry, "link": absolute(entry.get_absolute_url())}
    send_templated_mail(entry.email, MAIL + "queue_joined", context)
    return True
