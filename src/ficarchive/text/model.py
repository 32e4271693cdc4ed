"""The parsed work: plain dataclasses whose to_dict() is the JSON of IMPORT_FORMAT.md."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

RATING_NOT_RATED = "Not Rated"


@dataclass
class Evidence:
    """A span of the source text that gave a value: offsets into the decoded text."""

    start: int
    end: int
    text: str
    value: str | None = None
    context: str | None = None  # the line of the source around the span, for showing people

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"start": self.start, "end": self.end, "text": self.text}
        if self.value is not None:
            out["value"] = self.value
        if self.context is not None:
            out["context"] = self.context
        return out


@dataclass
class Block:
    kind: str  # paragraph | lyric | flashback | scene_break | heading | letter | thought
    text: str
    tense: str | None = None


@dataclass
class Chapter:
    label: str | None = None
    title: str | None = None
    notes_start: str | None = None
    notes_end: str | None = None
    blocks: list[Block] = field(default_factory=list)
    html: str = ""
    words: int = 0


@dataclass
class SongCredit:
    title: str
    artist: str | None = None


@dataclass
class ParsedWork:
    title: str | None = None
    author: str | None = None  # the name the text credits, as written
    summary: str | None = None
    language: str = "en"
    rating: str = RATING_NOT_RATED
    rating_as_written: str | None = None
    archive_warnings: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    freeform_tags: list[str] = field(default_factory=list)
    disclaimer: str | None = None
    song_credits: list[SongCredit] = field(default_factory=list)
    notes_start: str | None = None
    notes_end: str | None = None
    chapters: list[Chapter] = field(default_factory=list)
    chapters_expected: int | None = None  # None: the author doesn't know yet ("?")
    site_meta: dict[str, str] = field(default_factory=dict)  # a journal's current mood, music
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    unmatched: dict[str, list[str]] = field(
        default_factory=dict
    )  # kept as written, not in the lexicon
    candidates: dict[str, list[str]] = field(default_factory=dict)  # named in the story, untagged
    defaults: list[str] = field(default_factory=list)  # fields given a default, not read
    source_format: str = "txt"
    words: int = 0

    def add_evidence(self, name: str, spans: list[Evidence]) -> None:
        if spans:
            self.evidence.setdefault(name, []).extend(spans)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object fixed by IMPORT_FORMAT.md (plus a few added keys)."""
        out = asdict(self)
        out["evidence"] = {
            name: [span.to_dict() for span in spans] for name, spans in self.evidence.items()
        }
        out["confidence"] = {name: round(value, 2) for name, value in self.confidence.items()}
        return out

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)
