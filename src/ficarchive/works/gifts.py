"""Gifts, as on AO3: a work can be given to pseuds of the archive or to names outside it.
Recipients hear of it in their inbox (through the task runner) once the work is posted and
visible — a gift in an unrevealed collection waits for the reveal — and find it on
/users/NAME/gifts. A recipient can refuse a gift: it no longer names them, and the giver is
not told who refused. Someone who blocked a creator of the work can't be given it."""

from __future__ import annotations

from django.db import transaction
from django.db.models import Q
from django.urls import reverse

from ficarchive.accounts.models import Block
from ficarchive.core.signals import announce_work_changed, notice

from .models import Gift, Work

MAX_GIFTS = 30
NAME_LIMIT = 100


def recipients_of(work: Work) -> list[Gift]:
    """The gifts a work shows (not the refused ones)."""
    return list(work.gifts.filter(refused=False).select_related("pseud__user"))


@transaction.atomic
def set_gifts(work: Work, recipients: list, giver) -> None:
    """The work's gifts become exactly `recipients`: each a Pseud of the archive or a name
    from outside it (str). Refused gifts stay refused and can't be given again."""
    if len(recipients) > MAX_GIFTS:
        raise ValueError(f"A work can be a gift to at most {MAX_GIFTS} recipients.")
    creators = set(work.creatorships.values_list("pseud__user_id", flat=True))
    pseuds = [r for r in recipients if not isinstance(r, str)]
    names = list(dict.fromkeys(" ".join(r.split()) for r in recipients if isinstance(r, str)))
    for name in names:
        if not name or len(name) > NAME_LIMIT:
            raise ValueError(f"A recipient's name is 1 to {NAME_LIMIT} characters long.")
    for pseud in pseuds:
        if Block.objects.filter(blocker_id=pseud.user_id, blocked_id__in=creators).exists():
            raise ValueError(f"{pseud.byline} doesn't accept gifts from you.")
        if work.gifts.filter(pseud=pseud, refused=True).exists():
            raise ValueError(f"{pseud.byline} can't be given this work.")
    work.gifts.filter(refused=False).exclude(
        Q(pseud__in=pseuds) | Q(pseud=None, recipient_name__in=names)
    ).delete()
    for pseud in pseuds:
        Gift.objects.get_or_create(work=work, pseud=pseud)
    for name in names:
        if not work.gifts.filter(pseud=None, recipient_name=name).exists():
            Gift.objects.create(work=work, recipient_name=name)


def announce_gifts(work: Work) -> int:
    """Tell the recipients not told yet, when readers can see the work (posted, not hidden,
    not kept back by an unrevealed collection); the number told."""
    if not (work.posted and not work.hidden_by_admin and not work.unrevealed):
        return 0
    waiting = work.gifts.filter(refused=False, told=False).exclude(pseud=None)
    users = set(waiting.values_list("pseud__user_id", flat=True))
    if not users:
        return 0
    notice.send(sender=Gift, user_ids=users, message=f"You were given a gift: “{work.title}”.",
                link=work.get_absolute_url(), work=work)  # fmt: skip
    waiting.update(told=True)
    return len(users)


@transaction.atomic
def refuse_gift(gift: Gift, user) -> None:
    """The recipient refuses: the gift stays, refused, naming no one."""
    if not (gift.pseud_id and gift.pseud.user_id == user.pk):
        raise ValueError("Only its recipient can refuse a gift.")
    gift.refused = True
    gift.save(update_fields=["refused"])


def gifts_for(owner, viewer, *, refused: bool = False):
    """The works given to `owner`'s pseuds that `viewer` may see (their refused ones only for
    themselves)."""
    gifts = Gift.objects.filter(pseud__user=owner, refused=refused)
    return Work.objects.visible_to(viewer).filter(pk__in=gifts.values("work_id"))


def gifts_page_url(user) -> str:
    return reverse("user_gifts", args=[user.username])


def forget_recipient(user) -> None:
    """An account is closing (core.signals.account_closing): the gifts to it go, and the works
    that named it as their recipient are announced, so their pages stop naming it."""
    gifts = Gift.objects.filter(pseud__user=user)
    work_ids = list(gifts.values_list("work_id", flat=True))
    gifts.delete()
    announce_work_changed(work_ids)
