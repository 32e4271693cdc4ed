"""Facts stated in the author's notes: rating, warnings, genre words, disclaimer, song credits,
chapter label. Each comes with the evidence span it was read from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .fields import Field
from .lexicon import Lexicon
from .model import Evidence, SongCredit

Region = tuple[str, int]  # a piece of the document text and its offset

_NEGATION = re.compile(r"(?i)n['’]?t\b|\b(?:no|not|never|without|nothing|zero|nor|neither|nope)\b")
_CLAUSE_END = re.compile(r"[.!?;,:()\n—–\"“”]")
_FILLER = (
    r"(?:[\s:=\-–—…,.~*()\[\]'\"]|(?i:\b(?:um+|uh+|er+m?|hmm+|like|probably|maybe|about|"
    r"solidly|fiction|a|an|at|for\s+now)\b))*"
)
_DISCLAIMER = re.compile(
    r"(?i)\b(?:(?:do|does|did)\s*(?:n['’]?t|not)\s+own|own\s+nothing|not\s+mine|"
    r"belongs?\s+to|property\s+of|disclaimer|no\s+(?:profit|money)|making\s+no\s+money|"
    r"not\s+making\s+(?:any\s+)?money|all\s+rights|copyright|©)"
)
_SENTENCE = re.compile(r"[^.!?…\n]*(?:[.!?…]+[\"”')]*|$)")
_ARTIST_STOP = re.compile(r"\s+(?:and|which|who|that|is|are|was|because|for|but|so)\s.*$")
_SONG_PATTERNS = (
    re.compile(
        r"(?i:\b(?:song|songs|lyrics?|songfic|music)\b)[^\"“\n]{0,60}?[\"“](?P<title>[^\"”\n]{1,80})"
        r"[\"”]\s*,?\s*(?:(?i:by|from|performed\s+by|sung\s+by|belongs\s+to)\s+|[-–—]\s*)"
        r"(?P<artist>[^\n.,!?;()\"“”]{1,60})"
    ),
    re.compile(
        r"[\"“](?P<title>[^\"”\n]{1,80})[\"”]\s*,?\s*(?i:by|from|performed\s+by)\s+"
        r"(?P<artist>[A-Z][^\n.,!?;()\"“”]{0,59})[^\n]{0,80}?(?i:\b(?:song|lyrics?|songfic)\b)"
    ),
)
_SONG_FIELD = re.compile(
    r"^[\"“]?(?P<title>[^\"”\n]{1,80}?)[\"”]?\s*(?:\s(?i:by)\s|[-–—]|,)\s*(?P<artist>[^\n.!?;()]{1,60})$"
)
_LABEL_IN_NOTES = re.compile(
    r"(?i)\b(?:this\s+(?:is|was)|here(?:'s|\s+is)|it'?s|just\s+(?:a|the))\s+(?:just\s+|only\s+|merely\s+)?"
    r"(?:the\s+|a\s+)?(?P<kw>prologue|epilogue|first\s+chapter|chapter\s+(?:\d+|one|two|three))\b"
)


@dataclass
class TermHits:
    warnings: dict[str, list[Evidence]] = field(default_factory=dict)
    categories: dict[str, list[Evidence]] = field(default_factory=dict)
    freeforms: dict[str, list[Evidence]] = field(default_factory=dict)
    rating_implied: tuple[str, Evidence] | None = None


def negated(text: str, start: int) -> bool:
    """True when the clause before text[start] holds a negation ("not that angsty")."""
    before = text[max(0, start - 100) : start]
    cut = max((m.end() for m in _CLAUSE_END.finditer(before)), default=0)
    return bool(_NEGATION.search(before[cut:]))


@lru_cache(maxsize=8)
def _rating_patterns(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    mapping: dict[str, str] = {}
    alts = []
    for rating in lex.ratings:
        for form in rating.as_written:
            short = len(form) <= 3 or not form.isalpha()
            key = form if short else form.lower()
            mapping[key] = rating.name
            alts.append(re.escape(form) if short else f"(?i:{re.escape(form)})")
    alts.sort(key=len, reverse=True)
    pattern = re.compile(
        r"(?i:\b(?:rated|rating|rate)\b)" + _FILLER + r"(?P<r>" + "|".join(alts) + r")(?![\w+])"
    )
    return pattern, mapping


def _rating_name(form: str, mapping: dict[str, str]) -> str | None:
    return mapping.get(form) or mapping.get(form.lower())


def find_rating(
    lex: Lexicon, regions: list[Region], fields: dict[str, list[Field]]
) -> tuple[str, str, Evidence] | None:
    """(rating, rating as written, evidence) from a Rating field or "rated R" in the notes."""
    pattern, mapping = _rating_patterns(lex)
    for f in fields.get("rating", []):
        m = pattern.match("rating: " + f.value)
        if m:
            form = m.group("r")
            s = f.start + m.start("r") - len("rating: ")
            return _rating_name(form, mapping) or "", form, Evidence(s, s + len(form), form)
    for text, offset in regions:
        m = pattern.search(text)
        if m:
            form = m.group("r")
            span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
            return _rating_name(form, mapping) or "", form, span
    return None


@lru_cache(maxsize=8)
def _term_index(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, list[tuple[str, str]]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for kind, terms in (
        ("warning", lex.warnings),
        ("category", lex.categories),
        ("freeform", lex.freeforms),
    ):
        for term in terms:
            names = (term.name,) if kind == "warning" or "/" in term.name else ()
            for alias in (*names, *term.aliases):
                entry = (kind, term.name)
                if entry not in index.setdefault(alias.lower(), []):
                    index[alias.lower()].append(entry)
    alts = sorted(index, key=len, reverse=True)
    pattern = re.compile(
        r"(?i)(?<![A-Za-z0-9])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![A-Za-z0-9])"
    )
    return pattern, index


def find_terms(lex: Lexicon, regions: list[Region]) -> TermHits:
    """Warnings, categories and freeform tags named in the notes, not when negated."""
    pattern, index = _term_index(lex)
    hits = TermHits()
    freeform_by_name = {t.name: t for t in lex.freeforms}
    for text, offset in regions:
        for m in pattern.finditer(text):
            alias = m.group(0)
            if len(alias) <= 3 and alias.islower() and alias not in ("ooc", "pwp", "h/c"):
                continue  # "au", "het" in lower case are too often other words
            if negated(text, m.start()):
                continue
            span = Evidence(offset + m.start(), offset + m.end(), alias)
            for kind, name in index[alias.lower()]:
                target = {
                    "warning": hits.warnings,
                    "category": hits.categories,
                    "freeform": hits.freeforms,
                }[kind]
                target.setdefault(name, []).append(span)
                term = freeform_by_name.get(name) if kind == "freeform" else None
                if term is None:
                    continue
                for cat in term.implies_categories:
                    hits.categories.setdefault(cat, []).append(span)
                for warning in term.implies_warnings:
                    hits.warnings.setdefault(warning, []).append(span)
                for extra in term.implies_freeforms:
                    hits.freeforms.setdefault(extra, []).append(span)
                if term.implies_rating:
                    level = lex.rating_by_name(term.implies_rating)
                    old = hits.rating_implied
                    old_level = lex.rating_by_name(old[0]) if old else None
                    if level and (old_level is None or level.level > old_level.level):
                        hits.rating_implied = (term.implies_rating, span)
    return hits


def find_disclaimer(
    regions: list[Region], fields: dict[str, list[Field]]
) -> tuple[str, list[Evidence]] | None:
    if fields.get("disclaimer"):
        f = fields["disclaimer"][0]
        return f.value, [Evidence(f.start, f.end, f.value)]
    sentences: list[str] = []
    spans: list[Evidence] = []
    for text, offset in regions:
        for m in _SENTENCE.finditer(text):
            sentence = m.group(0).strip()
            if sentence and _DISCLAIMER.search(sentence) and sentence not in sentences:
                sentences.append(sentence)
                s = offset + m.start() + m.group(0).find(sentence)
                spans.append(Evidence(s, s + len(sentence), sentence))
    if not sentences:
        return None
    return " ".join(" ".join(s.split()) for s in sentences), spans


def _clean_artist(artist: str) -> str | None:
    artist = _ARTIST_STOP.sub("", artist.strip()).strip(" -–—:'\"*")
    return artist or None


def find_songs(
    regions: list[Region], fields: dict[str, list[Field]]
) -> list[tuple[SongCredit, Evidence]]:
    found: list[tuple[SongCredit, Evidence]] = []
    seen: set[str] = set()

    def add(title: str, artist: str | None, span: Evidence) -> None:
        title = title.strip(" \"“”'*")
        if title and title.lower() not in seen:
            seen.add(title.lower())
            found.append((SongCredit(title=title, artist=artist), span))

    for f in fields.get("song", []):
        m = _SONG_FIELD.match(f.value)
        if m:
            add(
                m.group("title"),
                _clean_artist(m.group("artist")),
                Evidence(f.start, f.end, f.value),
            )
        else:
            add(f.value, None, Evidence(f.start, f.end, f.value))
    for text, offset in regions:
        for pattern in _SONG_PATTERNS:
            for m in pattern.finditer(text):
                span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                add(m.group("title"), _clean_artist(m.group("artist")), span)
    return found


def find_label_in_notes(regions: list[Region]) -> tuple[str, Evidence] | None:
    """ "this is just the prologue" names the chapter when it has no heading."""
    for text, offset in regions:
        m = _LABEL_IN_NOTES.search(text)
        if m:
            kw = " ".join(m.group("kw").lower().split())
            label = {"first chapter": "Chapter 1"}.get(kw)
            if label is None:
                words = kw.split()
                num = {"one": "1", "two": "2", "three": "3"}.get(words[-1], words[-1])
                label = words[0].capitalize() + (f" {num}" if len(words) > 1 else "")
            return label, Evidence(offset + m.start(), offset + m.end(), m.group(0))
    return None
