from django.conf import settings
from django.db import models
from django.db.models import Sum
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.functional import cached_property


class TagType(models.TextChoices):
    RATING = "rating", "Rating"
    WARNING = "warning", "Archive Warning"
    CATEGORY = "category", "Category"
    FANDOM = "fandom", "Fandom"
    RELATIONSHIP = "relationship", "Relationship"
    CHARACTER = "character", "Character"
    FREEFORM = "freeform", "Additional Tags"


def name_key(name: str) -> str:
    """How tag names are compared and searched: spaces collapsed, lower case."""
    return " ".join((name or "").split()).lower()


class TagQuerySet(models.QuerySet):
    def named(self, tag_type: str, name: str):
        return self.filter(type=tag_type, name_key=name_key(name))

    def with_current_counts(self, user=None):
        """Annotate `current_count`: the folded count plus the deltas not folded yet, as
        `user` may read it (public_counts: a guest's leaves out restricted works)."""
        public = public_counts(user)
        pending = (
            TagCountDelta.objects.filter(tag=models.OuterRef("pk"), public=public)
            .order_by()
            .values("tag")
            .annotate(total=Sum("delta"))
            .values("total")
        )
        return self.annotate(
            current_count=models.F("public_works_count" if public else "works_count")
            + models.functions.Coalesce(models.Subquery(pending), 0)
        )


def public_counts(user) -> bool:
    """Whether `user` reads the public counts: a guest, who may not see restricted works, is
    never told how many there are (as AO3 keeps a public count beside the full one)."""
    return not (user and user.is_authenticated)


class Tag(models.Model):
    """A typed tag. A canonical tag is the one name filters use; a synonym points at its canonical
    tag; parents make fandoms of fandoms, attach characters and relationships to fandoms, and
    gather tags under meta tags. Works are found through WorkFilterTag, which holds for each
    work the canonical tags it has and all of their ancestors."""

    type = models.CharField(max_length=16, choices=TagType.choices)
    name = models.CharField(max_length=150)
    name_key = models.CharField(max_length=150, editable=False, default="")
    canonical = models.BooleanField(default=False)
    synonym_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="synonyms"
    )
    parents = models.ManyToManyField(
        "self",
        symmetrical=False,
        blank=True,
        related_name="children",
        through="TagParent",
        through_fields=("child", "parent"),
    )
    works_count = models.IntegerField(
        default=0, help_text="Folded count; add the pending TagCountDelta rows for the exact one."
    )
    public_works_count = models.IntegerField(
        default=0, db_default=0,
        help_text="The same without restricted works: what guests are told.",
    )  # fmt: skip
    media = models.JSONField(
        default=list, blank=True, help_text="A fandom's media (tags.fixed.MEDIA), for /tags."
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = TagQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("type", Lower("name"), name="tag_name_unique_per_type"),
        ]
        indexes = [
            models.Index(fields=["type", "canonical"]),
            # Exact look-ups and prefix search (the opclass lets PostgreSQL use it for LIKE 'x%';
            # other databases ignore it).
            models.Index(
                fields=["type", "name_key"],
                name="tag_type_name_key",
                opclasses=["varchar_pattern_ops", "varchar_pattern_ops"],
            ),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("tag", args=[self.name])

    def get_works_url(self) -> str:
        return reverse("tag", args=[self.name]) + "/works"

    @property
    def is_wrangled(self) -> bool:
        return self.canonical or self.synonym_of_id is not None

    @property
    def filterable(self) -> "Tag | None":
        """The canonical tag this tag is filtered under, or None while unwrangled."""
        if self.canonical:
            return self
        return self.synonym_of

    @cached_property
    def current_count(self) -> int:
        """How many posted works are found under this tag, exact to the last post."""
        return self._count(public=False)

    def current_count_for(self, user) -> int:
        """The current count as `user` may read it (public_counts)."""
        return self._count(public=public_counts(user))

    def _count(self, *, public: bool) -> int:
        pending = self.count_deltas.filter(public=public).aggregate(total=Sum("delta"))["total"]
        return (self.public_works_count if public else self.works_count) + (pending or 0)


class TagParent(models.Model):
    parent = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="child_links")
    child = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="parent_links")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["parent", "child"], name="tag_parent_once"),
            models.CheckConstraint(
                condition=~models.Q(parent=models.F("child")), name="tag_not_own_parent"
            ),
        ]


class TagCountDelta(models.Model):
    """A change of a tag's works count, appended when a work enters or leaves the tag.

    Insert-only, so concurrent posts never wait on one counter row; `fold_tag_counts` sums
    them into Tag.works_count (or, `public`, Tag.public_works_count) and deletes them."""

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="count_deltas")
    delta = models.SmallIntegerField()
    public = models.BooleanField(
        default=False, db_default=False,
        help_text="A change of public_works_count rather than of works_count.",
    )  # fmt: skip

    class Meta:
        indexes = [models.Index(fields=["tag", "delta"], name="tag_count_delta_tag")]


class CountedWork(models.Model):
    """The filter tags under which a work is counted now (a posted work that no admin has
    hidden and no collection keeps back; `public`: and not restricted, so that it is in the
    counts guests read too). Kept by refresh_work_filter_tags; no foreign key, so that the
    counts of a deleted work can still be taken back."""

    work_id = models.BigIntegerField(primary_key=True)
    tag_ids = models.JSONField(default=list)
    public = models.BooleanField(
        default=False, db_default=False, help_text="Counted in the public counts too."
    )


class WranglingAction(models.Model):
    """Who changed which tag, and how: shown to wranglers on the tag page."""

    class Kind(models.TextChoices):
        CANONICAL = "canonical", "made canonical"
        UNCANONICAL = "uncanonical", "made not canonical"
        SYNONYM = "synonym", "made a synonym"
        UNSYNONYM = "unsynonym", "no longer a synonym"
        ADD_PARENT = "add_parent", "added a parent"
        REMOVE_PARENT = "remove_parent", "removed a parent"
        MERGE = "merge", "merged"
        RENAME = "rename", "renamed"
        MEDIA = "media", "sorted into media"
        CREATE = "create", "created"

    tag = models.ForeignKey(
        Tag, null=True, on_delete=models.SET_NULL, related_name="wrangling_actions"
    )
    tag_name = models.CharField(max_length=150, help_text="The tag's name when it was changed.")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    detail = models.CharField(max_length=400, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+", help_text="Empty for changes made by the archive (lexicon loading).",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["tag", "-created_at"])]

    def __str__(self):
        return f"{self.tag_name}: {self.get_kind_display()}"
