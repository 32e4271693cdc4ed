"""Collections as AO3 has them: a named place that gathers works and bookmarks (a fest, an
exchange, a zine, an archive moving in), run by its maintainers, with sub-collections one level
deep. Items carry two answers, the creator's and the collection's: an item shows in the
collection only when both said yes."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse

NAME_PATTERN = r"^[A-Za-z0-9_]{1,60}$"


class Collection(models.Model):
    name = models.CharField(max_length=60, help_text="In its address: letters, digits, _.")
    title = models.CharField(max_length=255)
    header_image_url = models.URLField(max_length=500, blank=True)
    description = models.TextField(blank=True, help_text="Sanitized HTML.")
    intro = models.TextField(blank=True, help_text="Sanitized HTML: the profile's introduction.")
    faq = models.TextField(blank=True, help_text="Sanitized HTML.")
    rules = models.TextField(blank=True, help_text="Sanitized HTML.")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    closed = models.BooleanField(default=False, help_text="No new items, but from maintainers.")
    moderated = models.BooleanField(default=False, help_text="New items wait for approval.")
    anonymous = models.BooleanField(default=False, help_text="Creators shown as Anonymous.")
    unrevealed = models.BooleanField(default=False, help_text="Works hidden until the reveal.")
    reveal_at = models.DateTimeField(
        null=True, blank=True, help_text="When the periodic job reveals the works."
    )
    reveal_creators_at = models.DateTimeField(
        null=True, blank=True, help_text="When the periodic job reveals the creators."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title", "pk"]
        constraints = [models.UniqueConstraint(Lower("name"), name="collection_name_unique")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("collection", args=[self.name])


class Participant(models.Model):
    """Someone with a part in a collection. Owners and moderators are its maintainers: they
    approve items, invite works and reveal; only owners change who maintains it."""

    OWNER, MODERATOR, MEMBER = "owner", "moderator", "member"
    ROLES = [(OWNER, "Owner"), (MODERATOR, "Moderator"), (MEMBER, "Member")]
    MAINTAINERS = (OWNER, MODERATOR)

    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collection_roles"
    )
    role = models.CharField(max_length=10, choices=ROLES, default=MEMBER)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["collection", "role", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["collection", "user"], name="participant_once")
        ]


class CollectionItem(models.Model):
    """A work or a bookmark in a collection, with both sides' answers. `anonymous` and
    `unrevealed` are the collection's settings when the item came in, until the reveal."""

    PENDING, APPROVED, REJECTED = "pending", "approved", "rejected"
    ANSWERS = [(PENDING, "Not answered yet"), (APPROVED, "Approved"), (REJECTED, "Rejected")]

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="items")
    work = models.ForeignKey(
        "works.Work", null=True, blank=True, on_delete=models.CASCADE,
        related_name="collection_items",
    )  # fmt: skip
    bookmark = models.ForeignKey(
        "feedback.Bookmark", null=True, blank=True, on_delete=models.CASCADE,
        related_name="collection_items",
    )  # fmt: skip
    creator_answer = models.CharField(max_length=10, choices=ANSWERS, default=PENDING)
    collection_answer = models.CharField(max_length=10, choices=ANSWERS, default=PENDING)
    anonymous = models.BooleanField(default=False)
    unrevealed = models.BooleanField(default=False)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["collection", "work"], condition=Q(work__isnull=False),
                name="collection_work_once",
            ),
            models.UniqueConstraint(
                fields=["collection", "bookmark"], condition=Q(bookmark__isnull=False),
                name="collection_bookmark_once",
            ),
            models.CheckConstraint(
                condition=Q(work__isnull=False, bookmark__isnull=True)
                | Q(work__isnull=True, bookmark__isnull=False),
                name="collection_item_one_target",
            ),
        ]  # fmt: skip
        indexes = [models.Index(fields=["collection", "creator_answer", "collection_answer"])]

    @property
    def approved(self) -> bool:
        return self.creator_answer == self.APPROVED and self.collection_answer == self.APPROVED

    @property
    def target(self):
        return self.work if self.work_id else self.bookmark


def approved_items() -> Q:
    """Items both sides said yes to: the ones a collection shows."""
    return Q(creator_answer=CollectionItem.APPROVED, collection_answer=CollectionItem.APPROVED)


class CollectionSubscription(models.Model):
    """A reader who hears of each new work the collection shows (at its reveal, for an
    unrevealed one)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="collection_subscriptions"
    )
    collection = models.ForeignKey(
        Collection, on_delete=models.CASCADE, related_name="subscriptions"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "collection"], name="collection_subscribe_once")
        ]


class Announcement(models.Model):
    """A work the collection's subscribers were told of: once each, however often it is
    approved, removed and added again."""

    collection = models.ForeignKey(Collection, on_delete=models.CASCADE, related_name="+")
    work = models.ForeignKey("works.Work", on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["collection", "work"], name="collection_announce_once")
        ]
