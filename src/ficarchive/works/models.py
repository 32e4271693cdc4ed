import hashlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from ficarchive.tags.fixed import ADULT_RATINGS
from ficarchive.tags.models import Tag, TagType


def tags_in_order() -> models.Prefetch:
    """Prefetch a work's tags in the order its author gave them."""
    return models.Prefetch("tags", queryset=Tag.objects.order_by("worktag__position"))


ANONYMOUS = "Anonymous"


def unrevealed_ids():
    """The works kept back until their collection's reveal (a few, under a partial index):
    compared by id, so that the listing indexes still answer the visibility rule alone."""
    return Work.objects.filter(unrevealed=True).values("pk")


class WorkQuerySet(models.QuerySet):
    def visible_to(self, user):
        """THE visibility rule, used by every page, feed, search, download and API answer:
        posted works to everyone, restricted ones only to signed-in readers, drafts only to
        their creators, works hidden by an admin only to their creators and admins."""
        rule = Q(posted=True, hidden_by_admin=False) & ~Q(pk__in=unrevealed_ids())
        if not (user and user.is_authenticated):
            return self.filter(rule, restricted=False)
        if user.is_staff:
            rule = Q(posted=True)
        own = Creatorship.objects.filter(pseud__user=user).values("work_id")
        return self.filter(rule | Q(pk__in=own))

    def named_for(self, viewer):
        """Without the anonymous works whose creators `viewer` may not know: for the pages
        that list a creator's works (their profile, works, pseuds), where an anonymous work
        would give its creator away. Its own creators and staff still see it there."""
        if viewer and viewer.is_authenticated and viewer.is_staff:
            return self
        anonymous = Q(anonymous=True)
        if viewer and viewer.is_authenticated:
            own = Creatorship.objects.filter(pseud__user=viewer).values("work_id")
            anonymous &= ~Q(pk__in=own)
        return self.exclude(anonymous)

    def by_user(self, user):
        return self.filter(pk__in=Creatorship.objects.filter(pseud__user=user).values("work_id"))

    def listing(self):
        """What a work blurb shows, fetched in a fixed number of queries."""
        return self.select_related("rating").prefetch_related(
            tags_in_order(),
            models.Prefetch(
                "creatorships", queryset=Creatorship.objects.select_related("pseud__user")
            ),
        )


class Work(models.Model):
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True, help_text="Sanitized HTML.")
    notes = models.TextField(blank=True, help_text="Sanitized HTML: notes at the start.")
    end_notes = models.TextField(blank=True, help_text="Sanitized HTML: notes at the end.")
    rating = models.ForeignKey(
        Tag, on_delete=models.PROTECT, related_name="rated_works",
        limit_choices_to={"type": TagType.RATING},
    )  # fmt: skip
    language = models.CharField(max_length=12, default="en")
    word_count = models.PositiveIntegerField(default=0)
    chapters_posted = models.PositiveSmallIntegerField(default=0)
    chapters_expected = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Empty when the author doesn't know yet (shown as ?)."
    )
    complete = models.BooleanField(default=False)
    posted = models.BooleanField(default=False, help_text="False while a draft.")
    restricted = models.BooleanField(default=False, help_text="Only signed-in readers see it.")
    hidden_by_admin = models.BooleanField(default=False)
    anonymous = models.BooleanField(
        default=False, db_default=False, help_text="In an anonymous collection: its creators are not named. "
        "Kept by the collections app.",
    )  # fmt: skip
    unrevealed = models.BooleanField(
        default=False, db_default=False, help_text="In an unrevealed collection: only its creators and staff "
        "see it until the reveal. Kept by the collections app.",
    )  # fmt: skip
    published_on = models.DateField(default=timezone.localdate)
    updated_at = models.DateTimeField(default=timezone.now, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    kudos_count = models.PositiveIntegerField(default=0)
    comments_count = models.PositiveIntegerField(default=0)
    bookmarks_count = models.PositiveIntegerField(default=0)
    hits_count = models.PositiveIntegerField(default=0)

    creators = models.ManyToManyField("accounts.Pseud", through="Creatorship", related_name="works")
    tags = models.ManyToManyField(Tag, through="WorkTag", related_name="works", blank=True)
    filter_tags = models.ManyToManyField(
        Tag, through="WorkFilterTag", related_name="filtered_works", blank=True
    )

    objects = WorkQuerySet.as_manager()

    class Meta:
        indexes = [
            models.Index(fields=["posted", "hidden_by_admin", "restricted", "-updated_at"]),
            # One per listing sort (discovery.forms.SORTS), after the visibility columns and
            # ending in the id, so a page of ids is read in order from the index alone.
            *[
                models.Index(
                    fields=["posted", "hidden_by_admin", "restricted", key, tiebreak],
                    name=f"work_list_{name}",
                )
                for name, key, tiebreak in [
                    ("updated", "-updated_at", "-id"), ("published", "-published_on", "-id"),
                    ("kudos", "-kudos_count", "-id"), ("hits", "-hits_count", "-id"),
                    ("bookmarks", "-bookmarks_count", "-id"),
                    ("comments", "-comments_count", "-id"), ("words", "-word_count", "-id"),
                    ("title", "title", "id"),
                ]
            ],
            models.Index(fields=["id"], condition=Q(unrevealed=True), name="work_unrevealed"),
        ]  # fmt: skip

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("work", args=[self.pk])

    @property
    def chapters_display(self) -> str:
        expected = self.chapters_expected if self.chapters_expected else "?"
        return f"{self.chapters_posted}/{expected}"

    def shown_key(self) -> str:
        """A digest of everything a blurb shows of the work: every column, its tags and
        creators as named now, the rating's name, the time zone dates are shown in. Rendered
        HTML kept under it (`{% cache %}` in the blurb) is exact: any change makes a new key.
        Reads the tags and creators the listing prefetched."""
        parts = (
            [getattr(self, field.attname) for field in self._meta.concrete_fields],
            [(t.pk, t.type, t.name) for t in self.tags.all()],
            [(c.pseud_id, c.pseud.name, c.pseud.user.username) for c in self.creatorships.all()],
            self.rating.name,
            timezone.get_current_timezone_name(),
        )
        return hashlib.blake2b(repr(parts).encode(), digest_size=16).hexdigest()

    @property
    def is_adult(self) -> bool:
        return self.rating.name in ADULT_RATINGS

    def tags_of(self, tag_type: str) -> list[Tag]:
        """The work's tags of one type, in the order the author gave them (prefetch-friendly)."""
        return [t for t in self.tags.all() if t.type == tag_type]

    @property
    def public_byline(self) -> str:
        """The creators as everyone may read them (feeds, downloads, the API): "Anonymous"
        while the work is in an anonymous collection."""
        if self.anonymous:
            return ANONYMOUS
        return ", ".join(c.pseud.byline for c in self.creatorships.all())

    def creators_known_to(self, user) -> bool:
        """Whether `user` may see who made it: always, unless it is anonymous; then only its
        creators and staff (collection maintainers see them on their collection's pages)."""
        if not self.anonymous:
            return True
        return bool(user and user.is_authenticated) and (user.is_staff or self.is_creator(user))

    def is_creator(self, user) -> bool:
        return bool(user and user.is_authenticated) and any(
            c.pseud.user_id == user.pk for c in self.creatorships.all()
        )


class Creatorship(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="creatorships")
    pseud = models.ForeignKey(
        "accounts.Pseud", on_delete=models.CASCADE, related_name="creatorships"
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["work", "pseud"], name="creator_once")]
        indexes = [models.Index(fields=["pseud", "work"])]


class CreatorInvitation(models.Model):
    """A creator who was named by someone else and has not answered yet. Until they accept,
    they are no creator at all: not in the byline, not on their pages, not an editor. (Kept
    apart from Creatorship so that every query of creatorships means approved creators.)"""

    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="invitations")
    pseud = models.ForeignKey(
        "accounts.Pseud", on_delete=models.CASCADE, related_name="creator_invitations"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [models.UniqueConstraint(fields=["work", "pseud"], name="invitation_once")]

    def get_absolute_url(self):
        return reverse("work_invitation", args=[self.work_id])


class WorkTag(models.Model):
    """A tag as the author gave it to the work (any spelling, wrangled or not)."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["work", "tag"], name="work_tag_once")]


class WorkFilterTag(models.Model):
    """Precomputed: each canonical tag a work is found under (through synonyms and ancestors).
    Kept right by ficarchive.tags.filtering whenever a work's tags or the wrangling change."""

    work = models.ForeignKey(Work, on_delete=models.CASCADE)
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["tag", "work"], name="work_filter_tag_once")]
        indexes = [models.Index(fields=["work", "tag"])]


class ChapterQuerySet(models.QuerySet):
    def visible_to(self, user, work: Work):
        if work.is_creator(user):
            return self
        return self.filter(posted=True)


class Chapter(models.Model):
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="chapters")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=255, blank=True)
    label = models.CharField(
        max_length=60, blank=True, help_text='e.g. "Prologue", "Interlude", "Epilogue".'
    )
    summary = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    end_notes = models.TextField(blank=True)
    body = models.TextField(help_text="Sanitized HTML.")
    posted_number = models.PositiveSmallIntegerField(
        null=True, blank=True,
        help_text="Its place among the posted chapters: the number readers see (a draft "
        "chapter between posted ones leaves no gap). Kept by refresh_work_stats.",
    )  # fmt: skip
    word_count = models.PositiveIntegerField(default=0)
    posted = models.BooleanField(default=False)
    published_on = models.DateField(default=timezone.localdate)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChapterQuerySet.as_manager()

    class Meta:
        ordering = ["position"]
        constraints = [
            models.UniqueConstraint(fields=["work", "position"], name="chapter_position_once"),
        ]

    def __str__(self):
        return self.heading

    def get_absolute_url(self):
        return reverse("chapter", args=[self.work_id, self.pk])

    @property
    def number(self) -> int:
        """The number shown: readers see its place among the posted chapters; pages for the
        work's creators call `show_position()` to show where it really stands."""
        if getattr(self, "_show_position", False):
            return self.position
        return self.posted_number or self.position

    def show_position(self) -> "Chapter":
        self._show_position = True
        return self

    @property
    def heading(self) -> str:
        """As AO3 heads a chapter: "Chapter 3: Title", or the author's label."""
        base = self.label or f"Chapter {self.number}"
        return f"{base}: {self.title}" if self.title else base


class Series(models.Model):
    title = models.CharField(max_length=255)
    summary = models.TextField(blank=True)
    notes = models.TextField(blank=True)
    complete = models.BooleanField(default=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="series"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(default=timezone.now)
    works = models.ManyToManyField(Work, through="SeriesWork", related_name="series")

    class Meta:
        verbose_name_plural = "series"

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("series", args=[self.pk])


class SeriesWork(models.Model):
    series = models.ForeignKey(Series, on_delete=models.CASCADE, related_name="parts")
    work = models.ForeignKey(Work, on_delete=models.CASCADE, related_name="series_parts")
    position = models.PositiveSmallIntegerField(default=1)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["series", "work"], name="series_work_once")]


from .association_models import Gift, RelatedWork  # noqa: E402, F401
