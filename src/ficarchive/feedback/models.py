"""What readers give back and keep: kudos, comments, bookmarks, subscriptions, the inbox,
reading history. The counts on Work (kudos, comments, bookmarks, hits) are kept by the
services in the same transaction as the rows they count."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

USER = settings.AUTH_USER_MODEL
DELETED_USER = "deleted user"


class Kudos(models.Model):
    """One per signed-in reader, one per guest (by session and by address) on each work."""

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="kudos")
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.CASCADE)
    guest_session = models.CharField(max_length=64, blank=True, help_text="A hash, not the key.")
    guest_address = models.CharField(max_length=64, blank=True, help_text="A hash, not the IP.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name_plural = "kudos"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["work", "user"], condition=Q(user__isnull=False), name="kudos_once_user"
            ),
            models.UniqueConstraint(
                fields=["work", "guest_session"],
                condition=Q(user__isnull=True),
                name="kudos_once_guest_session",
            ),
            models.UniqueConstraint(
                fields=["work", "guest_address"],
                condition=Q(user__isnull=True),
                name="kudos_once_guest_address",
            ),
        ]


class WorkFeedbackSettings(models.Model):
    """A creator's choices for one work; a work without a row uses the defaults."""

    work = models.OneToOneField(
        "works.Work", on_delete=models.CASCADE, related_name="feedback_settings"
    )
    moderate_comments = models.BooleanField(
        "Hold new comments for my approval",
        default=False,
        help_text="New comments appear only when you approve them from your inbox.",
    )
    guest_comments = models.BooleanField(
        "Guests may comment",
        null=True,
        blank=True,
        help_text="Empty: follow each creator's preference.",
    )
    comments_closed = models.BooleanField("No new comments", default=False)


class Comment(models.Model):
    PUBLISHED, PENDING = "published", "pending"
    STATUSES = [(PUBLISHED, "Published"), (PENDING, "Awaiting approval")]

    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="comments")
    chapter = models.ForeignKey(
        "works.Chapter", null=True, blank=True, on_delete=models.SET_NULL, related_name="comments"
    )
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="replies"
    )
    user = models.ForeignKey(USER, null=True, blank=True, on_delete=models.SET_NULL)
    pseud = models.ForeignKey(
        "accounts.Pseud", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    guest_name = models.CharField(max_length=60, blank=True)
    guest_email = models.EmailField(blank=True)
    body = models.TextField(help_text="Sanitized HTML.")
    status = models.CharField(max_length=10, choices=STATUSES, default=PUBLISHED)
    deleted = models.BooleanField(default=False, help_text="Deleted, kept for its replies.")
    author_deleted = models.BooleanField(
        default=False, help_text="Its writer deleted their account and chose to leave it."
    )
    frozen = models.BooleanField(default=False, help_text="No new replies in this thread.")
    created_at = models.DateTimeField(auto_now_add=True)
    edited_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["work", "created_at"])]

    def __str__(self):
        return f"comment {self.pk} on {self.work_id}"

    def get_absolute_url(self):
        return reverse("comment", args=[self.pk])

    @property
    def author_name(self) -> str:
        if self.author_deleted:
            return DELETED_USER
        if self.pseud_id:
            return self.pseud.byline
        if self.user_id:
            return self.user.username
        return self.guest_name or "Anonymous"

    @property
    def is_published(self) -> bool:
        return self.status == self.PUBLISHED


class Bookmark(models.Model):
    """A reader's bookmark of a work or a series, with notes and their own tags."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="bookmarks")
    work = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.CASCADE, related_name="bookmarks"
    )
    series = models.ForeignKey(
        "works.Series", null=True, blank=True, on_delete=models.CASCADE, related_name="bookmarks"
    )
    notes = models.TextField(blank=True, help_text="Sanitized HTML.")
    private = models.BooleanField(default=False)
    rec = models.BooleanField("Recommendation", default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "work"], condition=Q(work__isnull=False), name="bookmark_work_once"
            ),
            models.UniqueConstraint(
                fields=["user", "series"],
                condition=Q(series__isnull=False),
                name="bookmark_series_once",
            ),
            models.CheckConstraint(
                condition=Q(work__isnull=False, series__isnull=True)
                | Q(work__isnull=True, series__isnull=False),
                name="bookmark_one_target",
            ),
        ]

    @property
    def target(self):
        return self.work if self.work_id else self.series


class BookmarkTag(models.Model):
    """A reader's own free-text tag on a bookmark (not wrangled)."""

    bookmark = models.ForeignKey(Bookmark, on_delete=models.CASCADE, related_name="tags")
    name = models.CharField(max_length=100)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["bookmark", "name"], name="bookmark_tag_once")
        ]
        indexes = [models.Index(fields=["name"])]


class Subscription(models.Model):
    WORK, CREATOR, SERIES = "work", "creator", "series"

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="subscriptions")
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.CASCADE)
    creator = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.CASCADE, related_name="subscribers"
    )
    series = models.ForeignKey("works.Series", null=True, blank=True, on_delete=models.CASCADE)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "work"], condition=Q(work__isnull=False), name="subscribe_work_once"
            ),
            models.UniqueConstraint(
                fields=["user", "creator"],
                condition=Q(creator__isnull=False),
                name="subscribe_creator_once",
            ),
            models.UniqueConstraint(
                fields=["user", "series"],
                condition=Q(series__isnull=False),
                name="subscribe_series_once",
            ),
        ]

    @property
    def kind(self) -> str:
        if self.work_id:
            return self.WORK
        return self.CREATOR if self.creator_id else self.SERIES

    @property
    def target(self):
        return self.work or self.creator or self.series


class SubscriptionEvent(models.Model):
    """An event subscribers hear about once: a chapter, a work, a series part becoming posted.
    Unique on (kind, object_id, scope), so editing or re-posting can never notify twice; a
    series part is (work id, series id), which stays the same however often the work is
    placed in the series again."""

    CHAPTER, WORK, SERIES_PART = "chapter", "work", "series_part"
    KINDS = [(CHAPTER, "New chapter"), (WORK, "New work"), (SERIES_PART, "New part of a series")]

    kind = models.CharField(max_length=12, choices=KINDS)
    object_id = models.BigIntegerField(help_text="Chapter or Work id.")
    scope = models.BigIntegerField(default=0, help_text="The Series id of a series part.")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "scope"], name="subscription_event_once_scoped"
            )
        ]


class Notification(models.Model):
    """An inbox item: a comment or reply to read, or news from a subscription."""

    COMMENT, REPLY, CHAPTER, WORK, SERIES_PART, INVITATION, NOTICE = (
        "comment", "reply", "chapter", "work", "series_part", "invitation", "notice",
    )  # fmt: skip
    KINDS = [
        (COMMENT, "Comment on your work"),
        (REPLY, "Reply to your comment"),
        (CHAPTER, "New chapter"),
        (WORK, "New work"),
        (SERIES_PART, "New part of a series"),
        (INVITATION, "Invitation to be a co-creator"),
        (NOTICE, "News from the archive"),
    ]

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=12, choices=KINDS)
    comment = models.ForeignKey(Comment, null=True, blank=True, on_delete=models.CASCADE)
    work = models.ForeignKey("works.Work", null=True, blank=True, on_delete=models.CASCADE)
    chapter = models.ForeignKey("works.Chapter", null=True, blank=True, on_delete=models.CASCADE)
    series = models.ForeignKey("works.Series", null=True, blank=True, on_delete=models.CASCADE)
    message = models.CharField(
        max_length=300, blank=True, help_text="A notice's words (plain text, e.g. a gift)."
    )
    link = models.CharField(max_length=500, blank=True, help_text="Where a notice leads.")
    read = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # When its mail went out: a mail task that runs again (a worker died) sends nothing twice.
    mailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "read", "-created_at"])]


class Reading(models.Model):
    """A line of a reader's history: a work, when, the last chapter opened, and where in
    which chapter they stopped (a fraction of the chapter, saved by feedback.js)."""

    user = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="readings")
    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="+")
    chapter = models.ForeignKey(
        "works.Chapter", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stopped_in = models.ForeignKey(
        "works.Chapter", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    stopped_at = models.FloatField(default=0, help_text="0 = the top, 1 = the end.")
    visits = models.PositiveIntegerField(default=0)
    last_read_at = models.DateTimeField(null=True, blank=True)
    marked_for_later = models.BooleanField(default=False)

    # A place this close to either end of a chapter is not worth offering to continue from.
    RESUME_MARGIN = 0.02

    class Meta:
        ordering = ["-last_read_at", "-pk"]
        constraints = [models.UniqueConstraint(fields=["user", "work"], name="reading_once")]
        indexes = [models.Index(fields=["user", "-last_read_at"])]

    @property
    def resume_percent(self) -> int | None:
        """How far into `stopped_in` the reader got, in percent, when that is worth a
        "continue where you left off" (the work page and the history say the same)."""
        if not self.stopped_in_id:
            return None
        if not self.RESUME_MARGIN < self.stopped_at < 1 - self.RESUME_MARGIN:
            return None
        return max(1, min(99, round(self.stopped_at * 100)))
