"""The authors' figures over time, folded by the periodic job (fold.py) and never written by a
reader's request: one row per work and day, and the same figures summed per week (from Monday)
and per month (from the 1st), written in the same transaction, so a chart of a year reads 52 or
12 rows per work, not 365. A chapter's hits are kept as one running total per chapter."""

from django.conf import settings
from django.db import models


class WorkFigures(models.Model):
    DAY, WEEK, MONTH = "d", "w", "m"
    PERIODS = [(DAY, "day"), (WEEK, "week"), (MONTH, "month")]

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=1, choices=PERIODS)
    start = models.DateField(help_text="The day, the week's Monday or the month's first day.")
    hits = models.PositiveIntegerField(default=0)
    kudos = models.PositiveIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0, help_text="New comment threads.")
    bookmarks = models.PositiveIntegerField(default=0, help_text="New public bookmarks.")
    subscriptions = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["work", "period", "start"], name="figures_once"),
        ]
        indexes = [
            # An author's charts: every figure in the index, so a sum over 500 works' months
            # never reads the table (half the time on SQLite).
            models.Index(
                fields=[
                    "work",
                    "period",
                    "start",
                    "hits",
                    "kudos",
                    "comments",
                    "bookmarks",
                    "subscriptions",
                ],
                name="figures_covering",
            ),  # fmt: skip
            # The operators' archive-wide days.
            models.Index(fields=["period", "start"], name="figures_by_start"),
        ]

    def __str__(self):
        return f"{self.work_id} {self.period} {self.start}"


class AccountRollup(models.Model):
    """One account's figures summed over its works (rollup.py): the account's charts read a row
    per bar instead of one per work and bar. Exact by construction: it is built from the
    WorkFigures of its member works, and every fold adds to it what it adds to theirs. The
    stats page uses it only while the members are the account's posted works (the digest)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    works_digest = models.CharField(max_length=32)
    built_at = models.DateTimeField(auto_now=True)


class AccountRollupWork(models.Model):
    """A work summed into an account's rollup. A plain id, not a foreign key: a deleted work
    stays a member, so the members no longer match the account's works and the rollup is
    built again (its figures had been in the sums)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    work_id = models.BigIntegerField(db_index=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "work_id"], name="rollup_member_once")
        ]


class AccountFigures(models.Model):
    """WorkFigures' columns summed over an account's rollup members, per day, week and month."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=1, choices=WorkFigures.PERIODS)
    start = models.DateField()
    hits = models.PositiveIntegerField(default=0)
    kudos = models.PositiveIntegerField(default=0)
    comments = models.PositiveIntegerField(default=0)
    bookmarks = models.PositiveIntegerField(default=0)
    subscriptions = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["user", "period", "start"], name="account_figures_once"
            ),
        ]


class ChapterHits(models.Model):
    """Readers who opened the chapter: once per visitor, chapter and day, guests included."""

    chapter = models.OneToOneField("works.Chapter", on_delete=models.CASCADE, related_name="+")
    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="+")
    hits = models.PositiveIntegerField(default=0)


class FoldCursor(models.Model):
    """How far the fold has read a table of feedback (kudos, comments, ...), by primary key."""

    source = models.CharField(max_length=40, unique=True)
    last_id = models.BigIntegerField(default=0)
