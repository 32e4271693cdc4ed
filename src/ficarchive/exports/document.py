"""What every download holds, gathered once from the database: the work's meta block as AO3
lays it out (rating, warnings, ... stats), its summary and notes, and the chapters the reader may
see. Every piece of author HTML is passed through the sanitizer again here, so whatever reached
the database by another road cannot carry script into a file, and images become links to them;
every piece of text passes through `xml_safe`, so that no stored character can make a file fail
to build (EPUB and OPDS are XML, which cannot carry most control characters)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ficarchive.skins.services import download_css
from ficarchive.tags.models import TagType
from ficarchive.text.characters import xml_safe
from ficarchive.text.sanitize import sanitize_fiction_html
from ficarchive.works.languages import language_name, text_direction
from ficarchive.works.models import Chapter, Work, WorkTag

from .markup import images_as_links

# AO3's labels for the tag rows of a work's meta block, in its order.
TAG_ROWS = [
    (TagType.RATING, "Rating"),
    (TagType.WARNING, "Archive Warning"),
    (TagType.CATEGORY, "Category"),
    (TagType.FANDOM, "Fandom"),
    (TagType.RELATIONSHIP, "Relationship"),
    (TagType.CHARACTER, "Character"),
    (TagType.FREEFORM, "Additional Tags"),
]


@dataclass
class Part:
    """One chapter as it goes into a file."""

    number: int
    heading: str
    summary: str
    notes: str
    body: str
    end_notes: str

    @property
    def anchor(self) -> str:
        return f"chapter-{self.number}"


@dataclass
class Document:
    work_id: int
    title: str
    creators: list[str]
    url: str
    language: str
    meta: list[tuple[str, list[str]]]
    series: list[str]
    stats: list[tuple[str, str]]
    summary: str
    notes: str
    end_notes: str
    parts: list[Part] = field(default_factory=list)
    skin_css: str = ""  # the work skin, as downloads carry it (skins.services.download_css)

    @property
    def byline(self) -> str:
        return ", ".join(self.creators) or "Anonymous"

    @property
    def language_name(self) -> str:
        return language_name(self.language)

    @property
    def direction(self) -> str:
        return text_direction(self.language)


def _clean(fragment: str) -> str:
    return images_as_links(sanitize_fiction_html(xml_safe(fragment or "")))


def _stats(work: Work) -> list[tuple[str, str]]:
    stats = [("Published", work.published_on.isoformat())]
    if work.chapters_posted > 1:
        label = "Completed" if work.complete else "Updated"
        stats.append((label, work.updated_at.date().isoformat()))
    stats.append(("Words", f"{work.word_count:,}"))
    stats.append(("Chapters", work.chapters_display))
    return stats


def _series(work: Work) -> list[str]:
    return [
        xml_safe(f"Part {link.position} of {link.series.title}")
        for link in work.series_parts.select_related("series")
    ]


def chapter_parts(chapters: list[Chapter]) -> list[Part]:
    return [
        Part(
            number=index,
            heading=xml_safe(chapter.heading),
            summary=_clean(chapter.summary),
            notes=_clean(chapter.notes),
            body=_clean(chapter.body),
            end_notes=_clean(chapter.end_notes),
        )
        for index, chapter in enumerate(chapters, start=1)
    ]


def build_document(work: Work, url: str) -> Document:
    """Everything about `work` but its chapters (see chapter_parts): a few small queries."""
    links = WorkTag.objects.filter(work=work).select_related("tag").order_by("position", "pk")
    by_type: dict[str, list[str]] = {}
    for link in links:
        by_type.setdefault(link.tag.type, []).append(xml_safe(link.tag.name))
    meta = [(label, by_type[kind]) for kind, label in TAG_ROWS if by_type.get(kind)]
    creators = [xml_safe(c.pseud.byline) for c in work.creatorships.select_related("pseud__user")]
    creators = [] if work.anonymous else creators  # the byline reads "Anonymous"
    return Document(
        work_id=work.pk,
        title=xml_safe(work.title),
        creators=creators,
        url=url,
        language=work.language or "en",
        meta=meta,
        series=_series(work),
        stats=_stats(work),
        summary=_clean(work.summary),
        notes=_clean(work.notes),
        end_notes=_clean(work.end_notes),
        skin_css=download_css(work),
    )
