"""What the API answers with: the shapes in the OpenAPI schema, read from the models. Tag lists
keep the order the author gave (the works' `listing()` prefetch)."""

from __future__ import annotations

from datetime import date, datetime

from ninja import Field, Schema

from ficarchive.tags.models import TagType


def _absolute(context, path: str) -> str:
    request = (context or {}).get("request")
    return request.build_absolute_uri(path) if request is not None else path


def _viewer(context):
    """Who asks (None, read as a guest, outside a request)."""
    return getattr((context or {}).get("request"), "user", None)


def _names(work, tag_type: str) -> list[str]:
    return [t.name for t in work.tags_of(tag_type)]


class Error(Schema):
    error: str


class Creator(Schema):
    pseud: str
    user: str

    @staticmethod
    def resolve_pseud(creatorship) -> str:
        return creatorship.pseud.name

    @staticmethod
    def resolve_user(creatorship) -> str:
        return creatorship.pseud.user.username


class WorkOut(Schema):
    id: int
    url: str
    title: str
    creators: list[Creator]
    rating: str
    warnings: list[str]
    categories: list[str]
    fandoms: list[str]
    relationships: list[str]
    characters: list[str]
    freeforms: list[str]
    language: str
    words: int = Field(alias="word_count")
    chapters_posted: int
    chapters_expected: int | None
    complete: bool
    published: date = Field(alias="published_on")
    updated: datetime = Field(alias="updated_at")
    kudos: int = Field(alias="kudos_count")
    comments: int = Field(alias="comments_count")
    bookmarks: int = Field(alias="bookmarks_count")
    hits: int = Field(alias="hits_count")
    summary: str
    restricted: bool
    anonymous: bool

    @staticmethod
    def resolve_url(work, context) -> str:
        return _absolute(context, work.get_absolute_url())

    @staticmethod
    def resolve_creators(work) -> list:
        """Empty while the work is anonymous (`anonymous` says so)."""
        return [] if work.anonymous else list(work.creatorships.all())

    @staticmethod
    def resolve_rating(work) -> str:
        return work.rating.name

    @staticmethod
    def resolve_warnings(work) -> list[str]:
        return _names(work, TagType.WARNING)

    @staticmethod
    def resolve_categories(work) -> list[str]:
        return _names(work, TagType.CATEGORY)

    @staticmethod
    def resolve_fandoms(work) -> list[str]:
        return _names(work, TagType.FANDOM)

    @staticmethod
    def resolve_relationships(work) -> list[str]:
        return _names(work, TagType.RELATIONSHIP)

    @staticmethod
    def resolve_characters(work) -> list[str]:
        return _names(work, TagType.CHARACTER)

    @staticmethod
    def resolve_freeforms(work) -> list[str]:
        return _names(work, TagType.FREEFORM)


class WorkPage(Schema):
    page: int
    page_size: int
    pages: int
    total: int
    more: bool
    notes: list[str]
    results: list[WorkOut]


class ChapterSummary(Schema):
    id: int
    number: int
    title: str
    heading: str
    posted: bool
    published: date = Field(alias="published_on")
    words: int = Field(alias="word_count")
    url: str

    @staticmethod
    def resolve_url(chapter, context) -> str:
        return _absolute(context, chapter.get_absolute_url())


class WorkDetail(WorkOut):
    notes: str
    end_notes: str
    chapters: list[ChapterSummary]

    @staticmethod
    def resolve_chapters(work) -> list:
        return work.chapters_shown


class ChapterOut(ChapterSummary):
    work_id: int
    label: str
    summary: str
    notes: str
    end_notes: str
    body: str


class TagRef(Schema):
    name: str
    type: str


class TagCount(TagRef):
    count: int

    @staticmethod
    def resolve_count(tag) -> int:
        return tag.current_count


class TagOut(Schema):
    name: str
    type: str
    canonical: bool
    synonym_of: TagRef | None
    synonyms: list[TagRef]
    parents: list[TagRef]
    children: list[TagCount]
    count: int | None
    url: str
    works_url: str

    @staticmethod
    def resolve_synonyms(tag) -> list:
        return list(tag.synonyms.order_by("name_key"))

    @staticmethod
    def resolve_parents(tag) -> list:
        return list(tag.parents.order_by("type", "name_key"))

    @staticmethod
    def resolve_children(tag, context) -> list:
        children = tag.children.with_current_counts(_viewer(context))
        return list(children.order_by("type", "name_key"))

    @staticmethod
    def resolve_count(tag, context) -> int | None:
        return tag.current_count_for(_viewer(context)) if tag.canonical else None

    @staticmethod
    def resolve_url(tag, context) -> str:
        return _absolute(context, tag.get_absolute_url())

    @staticmethod
    def resolve_works_url(tag, context) -> str:
        return _absolute(context, (tag.filterable or tag).get_works_url())


class TagSuggestion(Schema):
    name: str
    type: str
    canonical: str | None = None


class TagSuggestions(Schema):
    results: list[TagSuggestion]


class KudosOut(Schema):
    work_id: int
    kudos: int


class BookmarkIn(Schema):
    work_id: int
    notes: str = ""
    tags: list[str] = []
    private: bool = False
    rec: bool = False


class BookmarkOut(Schema):
    id: int
    work_id: int
    notes: str
    tags: list[str]
    private: bool
    rec: bool
    created: datetime = Field(alias="created_at")
    updated: datetime = Field(alias="updated_at")

    @staticmethod
    def resolve_tags(bookmark) -> list[str]:
        return [t.name for t in bookmark.tags.all()]


class CollectionOut(Schema):
    name: str
    title: str
    url: str
    parent: str | None
    header_image_url: str
    description: str
    closed: bool
    moderated: bool
    anonymous: bool
    unrevealed: bool
    reveal_at: datetime | None
    reveal_creators_at: datetime | None
    maintainers: list[str] = []
    children: list[str] = []

    @staticmethod
    def resolve_url(collection, context) -> str:
        return _absolute(context, collection.get_absolute_url())

    @staticmethod
    def resolve_parent(collection) -> str | None:
        return collection.parent.name if collection.parent_id else None

    @staticmethod
    def resolve_maintainers(collection) -> list[str]:
        return getattr(collection, "maintainers", [])

    @staticmethod
    def resolve_children(collection) -> list[str]:
        return [c.name for c in collection.children.order_by("name")]


class CollectionPage(Schema):
    page: int
    pages: int
    total: int
    results: list[CollectionOut]
