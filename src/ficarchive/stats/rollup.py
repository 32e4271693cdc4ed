"""An account's figures summed over its works, kept so that the account's charts read a row per
bar (AccountFigures) rather than one per work and bar: five years of days for 500 works is
900,000 rows to sum, the account's own 1,826.

Exact by construction. A rollup is built (`rebuild`) from the WorkFigures of its members, the
account's posted works then, and every fold adds to it what it adds to its members' rows
(`additions`); a rebuild writes under the folds' lock, and only sums read since the last fold,
so they never miss or repeat one. The stats page uses it only while the members are still the
account's posted works (`matches`: a digest of their ids); otherwise it sums the works' rows
as before and asks for a rebuild (`ask_rebuild`, a task, once per change). Editing a work keeps its id, so only a new, deleted, orphaned or
shared work makes a rebuild.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from django.db import transaction
from django.db.models import F, Sum

from ficarchive.accounts.models import User

from .figures import author_works
from .models import AccountFigures, AccountRollup, AccountRollupWork, FoldCursor, WorkFigures

COLUMNS = ["hits", "kudos", "comments", "bookmarks", "subscriptions"]
LOCK = "fold lock"  # the FoldCursor row folds and rebuilds lock


def digest(work_ids) -> str:
    return hashlib.blake2b(
        ",".join(str(pk) for pk in sorted(work_ids)).encode(), digest_size=16
    ).hexdigest()


def lock_folds() -> FoldCursor:
    """Inside a transaction: wait for any fold or rebuild under way, and hold them off. The
    row's last_id counts the folds (`folded`)."""
    FoldCursor.objects.get_or_create(source=LOCK)
    return FoldCursor.objects.select_for_update().get(source=LOCK)


def folded(lock: FoldCursor) -> None:
    """A fold is done (under the lock): a rebuild that read before it must read again."""
    FoldCursor.objects.filter(pk=lock.pk).update(last_id=F("last_id") + 1)


def folds_so_far() -> int:
    return FoldCursor.objects.filter(source=LOCK).values_list("last_id", flat=True).first() or 0


def matches(user_id: int, work_ids) -> bool:
    """Whether the account's rollup sums exactly these works."""
    kept = AccountRollup.objects.filter(user_id=user_id).values_list("works_digest", flat=True)
    return kept.first() == digest(work_ids)


def rebuild(user_id: int, tries: int = 3) -> int:
    """Sum the account's posted works' figures into its rollup afresh; the rows written.

    The sums are read without the lock (a second or more for 500 works' five years, and on
    SQLite the lock is the database's write lock: every write of the archive would wait), then
    written under it if no fold came in between; after `tries` such reads, read under the lock.
    """
    user = User.objects.filter(pk=user_id).first()
    if user is None:  # gone since it was asked
        return 0
    for _ in range(tries):
        seen = folds_so_far()
        work_ids, rows = _summed(user)
        with transaction.atomic():
            if lock_folds().last_id == seen:
                return _replace(user_id, work_ids, rows)
    with transaction.atomic():
        lock_folds()
        return _replace(user_id, *_summed(user))


def _summed(user) -> tuple[list[int], list[AccountFigures]]:
    """The account's posted works and their figures summed per period and start. A work posted
    or deleted between the two reads makes the digest differ from the account's works, so the
    rollup is not used and is asked for again."""

    works = author_works(user)
    work_ids = sorted(works.values_list("pk", flat=True))
    sums = (
        WorkFigures.objects.filter(work__in=works.values("pk"))
        .values("period", "start")
        .annotate(**{f"sum_{c}": Sum(c) for c in COLUMNS})
        .order_by()
    )
    rows = [
        AccountFigures(
            user_id=user.pk,
            period=row["period"],
            start=row["start"],
            **{c: row[f"sum_{c}"] or 0 for c in COLUMNS},
        )
        for row in sums
    ]
    return work_ids, rows


def _replace(user_id: int, work_ids: list[int], rows: list[AccountFigures]) -> int:
    """Under the lock: the account's rollup becomes these rows and members."""
    AccountFigures.objects.filter(user_id=user_id).delete()
    AccountRollupWork.objects.filter(user_id=user_id).delete()
    AccountFigures.objects.bulk_create(rows, batch_size=2000)
    AccountRollupWork.objects.bulk_create(
        [AccountRollupWork(user_id=user_id, work_id=pk) for pk in work_ids], batch_size=2000
    )
    AccountRollup.objects.update_or_create(
        user_id=user_id, defaults={"works_digest": digest(work_ids)}
    )
    return len(rows)


def additions(rows: dict[tuple[int, str, object], Counter]) -> dict[tuple, Counter]:
    """The fold's additions to works' rows ((work, period, start): figures) as additions to
    the rollups those works are members of ((user, period, start): figures)."""
    members: dict[int, list[int]] = {}
    for work_id, user_id in AccountRollupWork.objects.filter(
        work_id__in={work_id for work_id, _, _ in rows}
    ).values_list("work_id", "user_id"):
        members.setdefault(work_id, []).append(user_id)
    sums: dict[tuple, Counter] = {}
    for (work_id, period, start), figures in rows.items():
        for user_id in members.get(work_id, ()):
            sums.setdefault((user_id, period, start), Counter()).update(figures)
    return dict(sorted(sums.items()))
