"""Blocklist actions: muting and unmuting tags and creators."""

from __future__ import annotations

from django.db import transaction

from ficarchive.accounts.models import Mute
from ficarchive.tags.models import Tag

from .models import MutedTag

MAX_MUTED_TAGS = 500


@transaction.atomic
def mute_tag(user, tag: Tag) -> None:
    if MutedTag.objects.filter(user=user).count() >= MAX_MUTED_TAGS:
        raise ValueError(f"You can mute at most {MAX_MUTED_TAGS} tags.")
    MutedTag.objects.get_or_create(user=user, tag=tag)


def unmute_tag(user, tag_id: int) -> None:
    MutedTag.objects.filter(user=user, tag_id=tag_id).delete()


def mute_creator(user, muted) -> None:
    if muted.pk == user.pk:
        raise ValueError("You can't mute yourself.")
    Mute.objects.get_or_create(muter=user, muted=muted)


def unmute_creator(user, muted_id: int) -> None:
    Mute.objects.filter(muter=user, muted_id=muted_id).delete()
