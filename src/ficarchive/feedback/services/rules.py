"""Who may give feedback where: blocks, mutes, rate limits, and the refusal they raise."""

from __future__ import annotations

import hashlib
import hmac

from django.conf import settings
from django.db import IntegrityError, transaction

from ficarchive.accounts.models import Block, Mute
from ficarchive.core.ratelimit import hit_limit


class Refused(Exception):
    """A feedback action was refused; `message` says why in words a reader understands.
    `status` is the HTTP status a view answers with (403 for blocks, 429 for floods)."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status


def fingerprint(value: str) -> str:
    """A keyed hash, so that guests' sessions and addresses are never stored as they are."""
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()


def creator_user_ids(work) -> set[int]:
    """(From the work's prefetched creators when the page has them.)"""
    if "creatorships" in getattr(work, "_prefetched_objects_cache", {}):
        return {c.pseud.user_id for c in work.creatorships.all()}
    return {c.pseud.user_id for c in work.creatorships.select_related("pseud")}


def blocker_of(work, user):
    """The creator of `work` who has blocked `user`, or None."""
    if not (user and user.is_authenticated):
        return None
    block = (
        Block.objects.filter(blocker_id__in=creator_user_ids(work), blocked=user)
        .select_related("blocker")
        .first()
    )
    return block.blocker if block else None


def ensure_not_blocked(work, user) -> None:
    blocker = blocker_of(work, user)
    if blocker is not None:
        raise Refused(
            f"{blocker.username} has blocked you: you can't comment on their works, reply to "
            "their comments or leave kudos on their works.",
            status=403,
        )


def ensure_not_blocked_by(person, user) -> None:
    if person is None or not (user and user.is_authenticated):
        return
    if Block.objects.filter(blocker=person, blocked=user).exists():
        raise Refused(
            f"{person.username} has blocked you: you can't reply to their comments.", status=403
        )


def muted_user_ids(user) -> set[int]:
    if not (user and user.is_authenticated):
        return set()
    return set(Mute.objects.filter(muter=user).values_list("muted_id", flat=True))


def rate_limit(action: str, who: str, limit: int, window_seconds: int = 60) -> None:
    if hit_limit(action, who, limit, window_seconds):
        raise Refused(
            f"That's too many in a short time (at most {limit} a minute). "
            "Please wait a minute and try again.",
            status=429,
        )


def block_user(user, other) -> bool:
    """`user` blocks `other`; False when already blocked. (Muting is ficarchive.discovery's
    mute_creator: the same accounts.Mute rows hide comments here and works in listings.)"""
    if user.pk == other.pk:
        raise Refused("You can't block yourself.")
    try:
        with transaction.atomic():
            Block.objects.create(blocker=user, blocked=other)
    except IntegrityError:
        return False
    return True


def unblock_user(user, other) -> None:
    Block.objects.filter(blocker=user, blocked=other).delete()
