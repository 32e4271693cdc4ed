from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse


class TagType(models.TextChoices):
    RATING = "rating", "Rating"
    WARNING = "warning", "Archive Warning"
    CATEGORY = "category", "Category"
    FANDOM = "fandom", "Fandom"
    RELATIONSHIP = "relationship", "Relationship"
    CHARACTER = "character", "Character"
    FREEFORM = "freeform", "Additional Tags"


class Tag(models.Model):
    """A typed tag. A canonical tag is the one name filters use; a synonym points at its canonical
    tag; parents make fandoms of fandoms, attach characters and relationships to fandoms, and
    gather tags under meta tags. Works are found through WorkFilterTag, which holds for each
    work the canonical tags it has and all of their ancestors."""

    type = models.CharField(max_length=16, choices=TagType.choices)
    name = models.CharField(max_length=150)
    canonical = models.BooleanField(default=False)
    synonym_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="synonyms"
    )
    parents = models.ManyToManyField(
        "self", symmetrical=False, blank=True, related_name="children", through="TagParent"
    )
    works_count = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint("type", Lower("name"), name="tag_name_unique_per_type"),
        ]
        indexes = [models.Index(fields=["type", "canonical"])]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("tag", args=[self.name])

    @property
    def is_wrangled(self) -> bool:
        return self.canonical or self.synonym_of_id is not None

    @property
    def filterable(self) -> "Tag | None":
        """The canonical tag this tag is filtered under, or None while unwrangled."""
        if self.canonical:
            return self
        return self.synonym_of


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
