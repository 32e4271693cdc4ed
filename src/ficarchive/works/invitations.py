"""Co-creators by consent. Naming someone else's pseud on a work only asks them: they become a
creator (in the byline, on their pages, able to edit) when they accept. Declining, or the
inviter taking the name back, leaves nothing behind. One transaction each."""

from __future__ import annotations

from collections.abc import Sequence

from django.db import transaction
from django.db.models import Max

from ficarchive.accounts.models import Block
from ficarchive.core.ratelimit import hit_limit
from ficarchive.core.signals import announce_work_changed, invitation_answered, invited

from .models import CreatorInvitation, Creatorship, Work

INVITES_PER_HOUR = 30
TOO_MANY = "you've invited many co-creators in the last hour: please wait a little"


def invite(work: Work, pseuds: Sequence, *, inviter) -> list[CreatorInvitation]:
    """Ask these pseuds to be co-creators (those already creators or already asked are
    skipped). Each invitee finds the question in their inbox. Someone who blocked the inviter
    can't be asked, and an inviter may ask `INVITES_PER_HOUR` times an hour."""
    creators = set(work.creatorships.values_list("pseud_id", flat=True))
    asked = set(work.invitations.values_list("pseud_id", flat=True))
    made = []
    for pseud in dict.fromkeys(pseuds):
        if pseud.pk in creators or pseud.pk in asked:
            continue
        if inviter and Block.objects.filter(blocker_id=pseud.user_id, blocked=inviter).exists():
            raise ValueError(f"{pseud.byline} doesn't take invitations from you")
        if inviter and hit_limit("invite", f"user:{inviter.pk}", INVITES_PER_HOUR, 3600):
            raise ValueError(TOO_MANY)
        invitation = CreatorInvitation.objects.create(work=work, pseud=pseud, invited_by=inviter)
        invited.send(sender=CreatorInvitation, user_id=pseud.user_id, work=work)
        made.append(invitation)
    return made


def set_invitations(work: Work, pseuds: Sequence, *, inviter) -> None:
    """The pending invitations of `work` become exactly these pseuds: new names are asked,
    names taken out of the list are no longer asked."""
    wanted = {p.pk for p in pseuds}
    for invitation in work.invitations.select_related("pseud"):
        if invitation.pseud_id not in wanted:
            _withdraw(invitation)
    invite(work, pseuds, inviter=inviter)


def _withdraw(invitation: CreatorInvitation) -> None:
    user_id = invitation.pseud.user_id
    invitation.delete()
    if not CreatorInvitation.objects.filter(work_id=invitation.work_id, pseud__user_id=user_id):
        invitation_answered.send(
            sender=CreatorInvitation, user_id=user_id, work_id=invitation.work_id
        )


def invitations_for(user):
    """The invitations waiting for `user`'s answer, newest first, with their works."""
    return (
        CreatorInvitation.objects.filter(pseud__user=user)
        .select_related("work__rating", "pseud", "invited_by")
        .order_by("-created_at", "-pk")
    )


@transaction.atomic
def accept_invitation(invitation: CreatorInvitation) -> Creatorship:
    """The invitee joins the byline (last) and may edit the work from now on."""
    work = Work.objects.select_for_update().get(pk=invitation.work_id)
    last = work.creatorships.aggregate(m=Max("position"))["m"]
    creatorship, _ = Creatorship.objects.get_or_create(
        work=work, pseud=invitation.pseud,
        defaults={"position": 0 if last is None else last + 1},
    )  # fmt: skip
    _withdraw(invitation)
    announce_work_changed([work.pk])
    return creatorship


@transaction.atomic
def decline_invitation(invitation: CreatorInvitation) -> None:
    """No trace is left: neither the invitation nor its inbox message."""
    _withdraw(invitation)


@transaction.atomic
def leave_work(work: Work, user) -> None:
    """Take `user` (all their pseuds) off the work's creators. The last creator can't leave:
    they delete the work instead."""
    work = Work.objects.select_for_update().get(pk=work.pk)
    mine = work.creatorships.filter(pseud__user=user)
    if not mine.exists():
        raise ValueError("you are not one of this work's creators")
    if not work.creatorships.exclude(pseud__user=user).exists():
        raise ValueError("you are this work's only creator: delete the work instead")
    mine.delete()
    announce_work_changed([work.pk])
