"""Orphaning, as on AO3: a creator gives up their works for good and the works stay up. Each
work moves to the shared `orphan_account` — under its default pseud, or under a pseud of the
orphan account with the creator's pseud name, so the name stays with no link to the account.
Co-created works lose only the orphaning creator. It can't be undone."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.db import transaction

from ficarchive.accounts.models import Pseud

from .models import CreatorInvitation, Creatorship, Series, Work
from .services import work_changed

ORPHAN_ACCOUNT = "orphan_account"


def orphan_account():
    """The shared account (made when first needed; nobody can log in to it)."""
    from ficarchive.accounts.services import create_account

    user = get_user_model().objects.filter(username=ORPHAN_ACCOUNT).first()
    if user is None:
        user = create_account(username=ORPHAN_ACCOUNT, email="orphan_account@invalid",
                              password=None)  # fmt: skip
    return user


def _target_pseud(orphans, pseud: Pseud, keep_name: bool) -> Pseud:
    if not keep_name:
        return orphans.default_pseud
    target = Pseud.objects.filter(user=orphans, name__iexact=pseud.name).first()
    return target or Pseud.objects.create(user=orphans, name=pseud.name)


@transaction.atomic
def orphan_works(user, works: Iterable[Work], *, keep_name: bool = False) -> int:
    """Move `user`'s credit on each of `works` to the orphan account; the number orphaned.
    Every work must be one of theirs."""
    works = list(works)
    if not works:
        raise ValueError("Choose at least one work to orphan.")
    mine = set(Work.objects.by_user(user).filter(pk__in=[w.pk for w in works])
               .values_list("pk", flat=True))  # fmt: skip
    if len(mine) != len({w.pk for w in works}):
        raise ValueError("You can orphan only your own works.")
    orphans = orphan_account()
    for creatorship in Creatorship.objects.filter(work_id__in=mine, pseud__user=user):
        target = _target_pseud(orphans, creatorship.pseud, keep_name)
        if Creatorship.objects.filter(work_id=creatorship.work_id, pseud=target).exists():
            creatorship.delete()
        else:
            creatorship.pseud = target
            creatorship.save(update_fields=["pseud"])
    CreatorInvitation.objects.filter(work_id__in=mine, invited_by=user).update(invited_by=None)
    for series in Series.objects.filter(owner=user, works__in=mine).distinct():
        if not Work.objects.by_user(user).filter(series=series).exists():
            series.owner = orphans  # none of the series is theirs any more
            series.save(update_fields=["owner"])
    work_changed(mine)
    return len(mine)


def orphan_series(user, series: Series, *, keep_name: bool = False) -> int:
    if series.owner_id != user.pk:
        raise ValueError("You can orphan only your own series.")
    return orphan_works(user, Work.objects.by_user(user).filter(series=series), keep_name=keep_name)


def orphan_everything(user, *, keep_name: bool = False) -> int:
    return orphan_works(user, Work.objects.by_user(user), keep_name=keep_name)
