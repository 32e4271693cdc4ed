"""Kudos: one per signed-in reader and one per guest on each work, never on one's own."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.db.models import F

from ficarchive.works.models import Work

from ..models import Kudos
from .rules import Refused, ensure_not_blocked

NAMES_SHOWN = 100


@transaction.atomic
def leave_kudos(work: Work, *, user=None, guest_session: str = "", guest_address: str = ""):
    """Leave kudos as `user`, or as a guest known by hashes of their session and address."""
    if user is not None and user.is_authenticated:
        if work.is_creator(user):
            raise Refused("You can't leave kudos on your own work.")
        ensure_not_blocked(work, user)
        values = {"user": user}
    else:
        if not (guest_session and guest_address):
            raise Refused("Your browser must accept cookies to leave kudos as a guest.")
        values = {"guest_session": guest_session, "guest_address": guest_address}
    try:
        with transaction.atomic():
            kudos = Kudos.objects.create(work=work, **values)
    except IntegrityError:
        raise Refused("You have already left kudos here. :)") from None
    Work.objects.filter(pk=work.pk).update(kudos_count=F("kudos_count") + 1)
    return kudos


def has_left_kudos(work: Work, *, user=None, guest_session: str = "") -> bool:
    if user is not None and user.is_authenticated:
        return Kudos.objects.filter(work=work, user=user).exists()
    return (
        bool(guest_session)
        and Kudos.objects.filter(work=work, user__isnull=True, guest_session=guest_session).exists()
    )


@dataclass
class KudosSummary:
    total: int
    users: list = field(default_factory=list)
    more_users: int = 0
    guests: int = 0


def kudos_summary(work: Work) -> KudosSummary:
    """Who left kudos: users by name (the first hundred), then how many more and how many
    guests. Read from the kudos rows, so it agrees with the count."""
    named = Kudos.objects.filter(work=work, user__isnull=False)
    users = [k.user for k in named.select_related("user").order_by("-created_at")[:NAMES_SHOWN]]
    user_total = named.count() if len(users) == NAMES_SHOWN else len(users)
    guests = Kudos.objects.filter(work=work, user__isnull=True).count()
    return KudosSummary(
        total=user_total + guests, users=users, more_users=user_total - len(users), guests=guests
    )
