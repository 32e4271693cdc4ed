from django.conf import settings
from django.db import models

from ficarchive.tags.models import Tag


class WorkSearch(models.Model):
    """What discovery keeps per work, written by indexing.index_works: the words a text search
    matches (normalised, see textsearch.normalise) and the number of fandoms, for the
    crossover filter. Full-text indexes over `document` are created by migration 0002: an FTS5
    table on SQLite, a generated tsvector column with a GIN index on PostgreSQL."""

    work = models.OneToOneField(
        "works.Work", on_delete=models.CASCADE, primary_key=True, related_name="search_row"
    )
    document = models.TextField(blank=True)
    fandom_count = models.PositiveSmallIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["fandom_count", "work"])]


class MutedTag(models.Model):
    """A tag a reader never wants to see: works under it (through its synonyms and descendants)
    leave every listing, search, feed and facet count."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="muted_tags"
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tag__name"]
        constraints = [models.UniqueConstraint(fields=["user", "tag"], name="muted_tag_once")]
