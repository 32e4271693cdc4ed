from django.conf import settings
from django.contrib.postgres.fields import ArrayField
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


class WorkListing(models.Model):
    """A read-only view of discovery_worklisting, the narrow listing row of a work that exists on
    PostgreSQL only (made by migration 0003, kept by triggers: see listing_table). Queried by
    listing_rows; never written from Python."""

    work = models.OneToOneField(
        "works.Work", on_delete=models.DO_NOTHING, primary_key=True, related_name="+",
        db_constraint=False,
    )  # fmt: skip
    posted = models.BooleanField()
    hidden_by_admin = models.BooleanField()
    restricted = models.BooleanField()
    rating = models.ForeignKey(Tag, on_delete=models.DO_NOTHING, related_name="+",
                               db_constraint=False)  # fmt: skip
    language = models.CharField(max_length=12)
    complete = models.BooleanField()
    updated_at = models.DateTimeField()
    published_on = models.DateField()
    kudos_count = models.IntegerField()
    hits_count = models.IntegerField()
    bookmarks_count = models.IntegerField()
    comments_count = models.IntegerField()
    word_count = models.IntegerField()
    title = models.CharField(max_length=255)
    fandom_count = models.SmallIntegerField(null=True)
    filter_tag_ids = ArrayField(models.IntegerField())

    class Meta:
        managed = False
        db_table = "discovery_worklisting"


class WorkWord(models.Model):
    """A read-only view of discovery_workword, the text search postings in the listing's order
    that exist on PostgreSQL only (migration 0006, kept by triggers: see word_table): one row
    per word of each posted, unhidden work. `work` is not unique here (a work has a row per
    word); it is declared the key so that a page of rows reads as a page of works (`pk`).
    Queried by textsearch.ordered_by_postings; never written from Python."""

    work = models.OneToOneField(
        "works.Work", on_delete=models.DO_NOTHING, primary_key=True, related_name="+",
        db_constraint=False,
    )  # fmt: skip
    word = models.TextField()
    updated_at = models.DateTimeField()
    restricted = models.BooleanField()

    class Meta:
        managed = False
        db_table = "discovery_workword"
