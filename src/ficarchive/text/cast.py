"""Fandoms, relationships and characters of a work, each with evidence. The lexicon
canonicalizes names it knows; it never gates: a Fandom, Pairing or Characters field, a pairing
of names the story uses, or a canon named in a disclaimer is kept as written, and listed in
`unmatched`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .canon import canon_names
from .fandom_names import ORIGINAL_WORK, fandoms_from_story, is_original_work, split_fandoms
from .fields import Field
from .lexicon import Character, Lexicon
from .model import Evidence
from .pairings import _SPLIT as _MEMBER_SPLIT
from .pairings import (
    READER_NAMES,
    Pairing,
    camel_tokens,
    field_pairings,
    followed_by,
    is_none,
    member_list,
    relationship_name,
    resolve_group,
    resolve_name,
    ship_tokens,
    text_pairings,
    tidy_name,
)
from .story_names import StoryNames, count_mentions

Region = tuple[str, int]
_GENDER_CATEGORY = {"mm": "M/M", "ff": "F/F", "fm": "F/M"}
_NOT_PAIR_AFTER = ("crossover", "cross-over", "fusion", "au ", "universe")


@dataclass
class CastResult:
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    categories: dict[str, list[Evidence]] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)
    unmatched: dict[str, list[str]] = field(default_factory=dict)
    candidates: list[tuple[str, Evidence]] = field(default_factory=list)
    no_pairing: Evidence | None = None


@dataclass
class _Rel:
    members: list[str]
    platonic: bool
    span: Evidence
    characters: list[Character | None]


class _Cast:
    def __init__(self, lex: Lexicon, fields: dict[str, list[Field]], story: StoryNames):
        self.lex, self.fields, self.story = lex, fields, story
        self.fandoms: dict[str, list[Evidence]] = {}
        self.unmatched: dict[str, set[str]] = {"fandoms": set(), "characters": set()}
        self.header_names = [
            tidy_name(p.group(0))
            for f in fields.get("characters", [])
            for p in re.finditer(r"[^,;]+", f.value)
        ]

    # ---- fandoms ---------------------------------------------------------------------------
    def add_fandom(self, value: str, span: Evidence, keep_unknown: bool) -> None:
        name = ORIGINAL_WORK if is_original_work(value) else self.lex.match_fandom(value)
        if name is None:
            if not keep_unknown:
                return
            name = " ".join(value.strip(" \t\"“”'‘’*_~,;:").split())
            if not name or any(name.casefold() == k.casefold() for k in self.fandoms):
                return
            self.unmatched["fandoms"].add(name)
        self.fandoms.setdefault(name, []).append(span)

    def read_fandoms(self, regions: list[Region], songs: set[str]) -> None:
        for f in self.fields.get("fandom", []):
            if _WORK_SERIES.match(f.value):
                continue  # AO3's "Series: Part 2 of The Letters" is the work's series
            for part in split_fandoms(f.value, self.lex):
                value, at = part
                self.add_fandom(
                    value, Evidence(f.start + at, f.start + at + len(value), value), True
                )
        for f in self.fields.get("category", []):  # FanFiction.net calls the fandom its category
            self.add_fandom(f.value, Evidence(f.start, f.end, f.value), False)
        pattern, index = self.lex.fandom_pattern
        people = [  # "Charaktere: Sherlock Holmes" names a man, not a fandom
            (f.start, f.end)
            for name in ("characters", "pairing")
            for f in self.fields.get(name, [])
        ]
        for text, offset in regions:
            for m in pattern.finditer(text):
                if any(a <= offset + m.start() < b for a, b in people):
                    continue
                if text[m.end() : m.end() + 3].lstrip(" \t*_").startswith((":", "：")):
                    continue  # a field's name ("TW: self-harm"), not Torchwood
                span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                self.fandoms.setdefault(index[m.group(0).lower()], []).append(span)
        stated = bool(self.fandoms)
        for name, span in canon_names(regions):
            if name.casefold() in songs or self.character_for(name) is not None:
                continue
            self.add_fandom(name, span, keep_unknown=not stated)

    # ---- names -----------------------------------------------------------------------------
    def character_for(self, name: str) -> Character | None:
        """The lexicon character a name means: one of the work's fandoms, or, while no
        fandom is known, the only character of that name."""
        found = resolve_name(self.lex, name, set(self.fandoms))
        if not found:
            return None
        if self.fandoms:
            return found[0] if found[0].fandom in self.fandoms else None
        return found[0] if len({c.fandom for c in found}) == 1 else None

    def header_name(self, name: str) -> str | None:
        """A Characters-field name that this shorter name stands for ("Ryuji" ->
        "Ryuji Sakamoto")."""
        key = name.casefold()
        for full in self.header_names:
            if full.casefold() == key or key in full.casefold().split():
                return full
        return None

    def known(self, name: str) -> bool:
        """A name the lexicon, the header or the story vouches for."""
        if name.casefold() in READER_NAMES:
            return True
        return (
            self.character_for(name) is not None
            or self.header_name(name) is not None
            or self.story.uses(name)
        )

    def resolve_members(self, names: list[str]) -> tuple[list[str], list[Character | None]]:
        group = resolve_group(self.lex, names, set(self.fandoms))
        if group and (not self.fandoms or group[0].fandom in self.fandoms):
            return [c.name for c in group], list(group)
        members: list[str] = []
        chars: list[Character | None] = []
        for name in names:
            char = self.character_for(name)
            if char is not None:
                members.append(char.name)
            elif name.casefold() in READER_NAMES:
                members.append("Reader" if name.casefold() in ("reader", "you", "y/n") else name)
            else:
                members.append(self.header_name(name) or self.story.expand(name) or name)
                self.unmatched["characters"].add(members[-1])
            chars.append(char)
        return members, chars

    def is_trap(self, p: Pairing, text: str, offset: int) -> bool:
        """Slashes and ampersands that are not pairings."""
        for name in p.names:
            low = name.casefold()
            if self.lex.is_term(low):
                return True  # Humor/Drama
            if self.lex.match_fandom(name) is not None and not resolve_name(self.lex, name):
                return True  # HP/LotR
            if len(name.strip(".")) < 2 and not self.lex.characters_by_token.get(low):
                return True  # N/A, A/N, R&R
        return followed_by(text, p.end - offset, _NOT_PAIR_AFTER)

    def read_pairings(
        self, regions: list[Region], field_spans: list[tuple[int, int]]
    ) -> list[_Rel]:
        rels: list[_Rel] = []
        covered: list[tuple[int, int]] = []
        for f in self.fields.get("pairing", []):
            if is_none(f.value):
                continue
            if f.joined:  # FFN's [A, B]
                found = [p for p in [member_list(f.value, f.start)] if p]
            else:
                found = field_pairings(f.value, f.start)
            for p in found:
                if any(self.lex.is_term(n.casefold()) for n in p.names):
                    continue
                rels.append(self._rel(p))
                covered.append((p.start, p.end))
        for text, offset in regions:
            for p in text_pairings(text, offset):
                if _inside(p.start, covered) or self.is_trap(p, text, offset):
                    continue
                if p.lower and not all(
                    self.story.uses(n) and self.story.names_a_person(n) for n in p.names
                ):
                    continue
                in_other_field = _inside(p.start, field_spans)
                if in_other_field or not all(self.known(n) for n in p.names):
                    if not self._all_lexicon(p.names):
                        continue
                if p.platonic and not self._all_lexicon(p.names) and not self._story_pair(p):
                    continue
                rels.append(self._rel(p))
                covered.append((p.start, p.end))
            for m in ship_tokens(text):
                ship = self.lex.ship_by_alias.get(m.group(0).lower())
                if ship and not _inside(offset + m.start(), covered):
                    span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                    chars = [self.lex.character_by_name[(ship.fandom, n)] for n in ship.members]
                    rels.append(_Rel(list(ship.members), " & " in ship.name, span, list(chars)))
                    covered.append((span.start, span.end))
            for a, b, s, e in camel_tokens(text, offset):
                if _inside(s, covered) or self.lex.characters_by_token.get((a + b).lower()):
                    continue
                rel = self._portmanteau(a, b, Evidence(s, e, a + b))
                if rel:
                    rels.append(rel)
                    covered.append((s, e))
        return rels

    def _all_lexicon(self, names: list[str]) -> bool:
        return resolve_group(self.lex, names, set(self.fandoms)) is not None and (
            not self.fandoms
            or resolve_group(self.lex, names, set(self.fandoms))[0].fandom in self.fandoms
        )

    def _story_pair(self, p: Pairing) -> bool:
        return all(self.story.uses(n) or self.header_name(n) for n in p.names)

    def _portmanteau(self, a: str, b: str, span: Evidence) -> _Rel | None:
        group = resolve_group(self.lex, [a, b], set(self.fandoms))
        if group and (not self.fandoms or group[0].fandom in self.fandoms):
            return _Rel([c.name for c in group], False, span, list(group))
        names = [self.story.name_starting(a), self.story.name_starting(b)]
        if all(names) and names[0] != names[1]:
            members, chars = self.resolve_members([n for n in names if n])
            return _Rel(members, False, span, chars)
        return None

    def _rel(self, p: Pairing) -> _Rel:
        members, chars = self.resolve_members(p.names)
        return _Rel(members, p.platonic, Evidence(p.start, p.end, p.text), chars)

    # ---- characters --------------------------------------------------------------------------
    def _named(self, spans: list[Evidence]) -> bool:
        """The story names the character: by a full name, or a one-word name used as one."""
        return any(" " in s.text or self.story.names_a_person(s.text) for s in spans)

    def _names_beside_pairings(self) -> list[Field]:
        """Names alone in a Pairing field ("Draco/Harry, Hermione Granger"), as fields that
        list pairings and characters together have them: characters, when the lexicon knows
        them or every word of them is capitalised."""
        out = []
        for f in self.fields.get("pairing", []):
            if f.joined or is_none(f.value):
                continue
            for part in re.finditer(r"[^,;]+", f.value):
                text = part.group(0)
                name = tidy_name(text)
                if not name or _MEMBER_SPLIT.search(text) or len(name.split()) > 4:
                    continue
                portmanteau = " " not in name and re.search(r"[^\W\d_][A-ZА-Я]", name)
                if self.character_for(name) or (  # "ShikaIno" is a pairing, read as one
                    not portmanteau and all(w[0].isupper() for w in name.split())
                ):
                    s = f.start + part.start()
                    out.append(Field("characters", text, s, s + len(text)))
        return out

    def characters(self, rels: list[_Rel], mentions: dict[Character, list[Evidence]]) -> dict:
        chars: dict[str, list[Evidence]] = {}
        for rel in rels:
            for member in rel.members:
                if member != "Reader":
                    chars.setdefault(member, []).append(rel.span)
        for f in [*self.fields.get("characters", []), *self._names_beside_pairings()]:
            for part in re.finditer(r"[^,;]+", f.value):
                value = tidy_name(part.group(0))
                if not value:
                    continue
                char = self.character_for(value)
                name = char.name if char else (self.story.expand(value) or value)
                if char is None:
                    self.unmatched["characters"].add(name)
                s = f.start + part.start() + max(part.group(0).find(value), 0)
                chars.setdefault(name, []).append(Evidence(s, s + len(value), value))
        in_story = sorted(
            (c for c in mentions if c.fandom in self.fandoms and self._named(mentions[c])),
            key=lambda c: (-len(mentions[c]), c.name),
        )
        for char in in_story:
            chars.setdefault(char.name, []).extend(mentions[char][:3])
        return _merge_short_names(chars)


_WORK_SERIES = re.compile(
    r"(?i)^\W*(?:«\s*)?(?:part|parte|partie|teil|część|bagian)\s+\d+\s+(?:of|de|von|di|z|dari)\b"
)


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def _merge_short_names(chars: dict[str, list[Evidence]]) -> dict[str, list[Evidence]]:
    """One tag per person: a one-word name that is a word of a longer name goes into it."""
    names = list(chars)
    out: dict[str, list[Evidence]] = {}
    for name in names:
        longer = [
            n for n in names if n != name and " " not in name and name in n.split() and n in out
        ] or [n for n in names if n != name and " " not in name and name in n.split()]
        target = longer[0] if len(longer) == 1 else name
        out.setdefault(target, []).extend(chars[name])
    return out


def read_cast(
    lex: Lexicon,
    note_regions: list[Region],
    story_regions: list[Region],
    fields: dict[str, list[Field]],
    songs: set[str] = frozenset(),
    field_spans: list[tuple[int, int]] = (),
) -> CastResult:
    """Fandoms, relationships and characters, each with evidence; names the lexicon lacks are
    kept as written and listed in `unmatched`."""
    story = StoryNames(story_regions)
    cast = _Cast(lex, fields, story)
    cast.read_fandoms(note_regions, songs)
    stated = bool(cast.fandoms)
    rels = [
        r for r in cast.read_pairings(note_regions, list(field_spans)) if len(set(r.members)) > 1
    ]
    mentions = count_mentions(lex, story_regions)
    for rel in rels:
        known = [c for c in rel.characters if c is not None]
        people = [m for m in rel.members if m != "Reader"]
        if known and len(known) == len(people) and not stated:
            cast.fandoms.setdefault(known[0].fandom, []).append(rel.span)
    if not stated:
        fandoms_from_story(cast.fandoms, mentions)

    result = CastResult()
    result.fandoms = list(cast.fandoms)
    result.evidence["fandoms"] = [s for spans in cast.fandoms.values() for s in spans[:2]]
    seen_rel: dict[str, list[Evidence]] = {}
    for rel in rels:
        name = relationship_name(lex, rel.members, rel.platonic)
        seen_rel.setdefault(name, []).append(rel.span)
        if rel.platonic:
            continue
        genders = "".join(sorted(c.gender or "?" if c else "?" for c in rel.characters))
        if len(rel.members) >= 3:
            result.categories.setdefault("Multi", []).append(rel.span)
        elif genders in _GENDER_CATEGORY:
            result.categories.setdefault(_GENDER_CATEGORY[genders], []).append(rel.span)
    result.relationships = list(seen_rel)
    result.evidence["relationships"] = [s for spans in seen_rel.values() for s in spans]
    chars = cast.characters(rels, mentions)
    result.characters = list(chars)
    result.evidence["characters"] = [s for spans in chars.values() for s in spans[:3]]
    result.unmatched = {
        "fandoms": [f for f in result.fandoms if f in cast.unmatched["fandoms"]],
        "relationships": [
            r
            for r in result.relationships
            if any(m in cast.unmatched["characters"] for m in re.split(r"/| & ", r))
        ],
        "characters": [c for c in result.characters if c in cast.unmatched["characters"]],
    }
    for f in fields.get("pairing", []):
        if is_none(f.value) and not rels:
            result.no_pairing = Evidence(f.start, f.end, f.value)
    result.candidates = _candidates(lex, story, chars, cast.fandoms)
    return result


MAX_CANDIDATES = 8


def _candidates(
    lex: Lexicon, story: StoryNames, chars: dict[str, list[Evidence]], fandoms: dict
) -> list[tuple[str, Evidence]]:
    """Names the story keeps using that no tag holds: for the author (or a wrangler's lexicon)
    to confirm, never tagged by themselves."""
    tagged = {w for name in chars for w in name.split()}
    out = []
    for word in story.recurring():
        if word in tagged or lex.is_term(word) or word in fandoms or lex.match_fandom(word):
            continue
        where = story.first_use(word)
        if where:
            out.append((word, Evidence(where[0], where[1], word)))
        if len(out) == MAX_CANDIDATES:
            break
    return out
