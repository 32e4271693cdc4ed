"""Fandoms, relationships and characters: pairing notations and ship names in the notes,
character names in the story, all resolved through the lexicon."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .fields import Field
from .lexicon import Character, Lexicon
from .model import Evidence

Region = tuple[str, int]

_NAME = r"[A-Z][\w'’.\-]*(?:[ \t][A-Z][\w'’\-]*)?"
_PAIR = re.compile(
    rf"(?<![\w/])(?P<all>{_NAME}(?:[ \t]*(?:/|\+)[ \t]*{_NAME}|[ \t]+[xX×][ \t]+{_NAME})+)(?![\w/])"
)
_SPLIT = re.compile(r"[ \t]*(?:/|\+|&)[ \t]*|[ \t]+[xX×][ \t]+")
_COMPACT_X = re.compile(r"\b(?P<a>[A-Z][a-z]{1,15})x(?P<b>[A-Z][a-z]{1,15})\b")
_TOKEN = re.compile(r"\b[A-Za-z]{5,24}\b")
_CAMEL = re.compile(r"^([A-Z][a-z]{1,10})([A-Z][a-z]{1,10})$")
_HONORIFIC = re.compile(r"(?i)-(?:kun|chan|san|sama|sensei|senpai|sempai|teme|dobe|nii|nee)$")
_WORDS = re.compile(r"[^\W\d_]+")
_LIST_SEP = re.compile(r"\s*(?:[,;]|\band\b)\s*")


@dataclass
class CastResult:
    fandoms: list[str] = field(default_factory=list)
    relationships: list[str] = field(default_factory=list)
    characters: list[str] = field(default_factory=list)
    categories: dict[str, list[Evidence]] = field(default_factory=dict)
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


def resolve_name(lex: Lexicon, name: str, prefer: set[str] = frozenset()) -> list[Character]:
    """Characters a name or nickname may mean, those of preferred fandoms first."""
    key = _HONORIFIC.sub("", name.strip(" .'’")).lower()
    found = list(lex.characters_by_token.get(key, []))
    if not found and " " in key:  # "Naruto U.", "young Harry"
        words = key.split()
        found = list(lex.characters_by_token.get(words[0], [])) or list(
            lex.characters_by_token.get(words[-1], [])
        )
    if not found and len(key) >= 3 and " " not in key:
        for token, chars in lex.characters_by_token.items():
            if token.startswith(key) and " " not in token:
                found.extend(c for c in chars if c not in found)
        if len({c.fandom for c in found}) == len(found) or len(found) == 1:
            pass
        else:  # a prefix shared by several characters of one fandom tells nothing
            by_fandom = Counter(c.fandom for c in found)
            found = [c for c in found if by_fandom[c.fandom] == 1]
    found.sort(key=lambda c: c.fandom not in prefer)
    return found


def _resolve_group(lex: Lexicon, names: list[str], prefer: set[str]) -> list[Character] | None:
    """One character per name, all from one fandom, or None."""
    options = []
    for name in names:
        found = resolve_name(lex, name, prefer)
        if not found and " " in name.strip():
            parts = name.split()
            found = resolve_name(lex, parts[-1], prefer) or resolve_name(lex, parts[0], prefer)
        if not found:
            return None
        options.append(found)
    fandoms = [c.fandom for c in options[0]]
    for fandom in fandoms:
        picked = [next((c for c in opts if c.fandom == fandom), None) for opts in options]
        if all(picked) and len({c.name for c in picked if c}) == len(picked):
            return [c for c in picked if c]
    return None


def relationship_name(lex: Lexicon, members: list[str], platonic: bool = False) -> str:
    if not platonic:
        ship = lex.ship_by_members.get(frozenset(members))
        if ship:
            return ship.name
    return (" & " if platonic else "/").join(sorted(dict.fromkeys(members)))


@dataclass
class _Found:
    members: list[str]
    platonic: bool
    span: Evidence
    characters: list[Character]


def find_relationships(
    lex: Lexicon, regions: list[Region], fields: dict[str, list[Field]], prefer: set[str]
) -> list[_Found]:
    found: list[_Found] = []
    for f in fields.get("pairing", []):
        for part_m in re.finditer(r"[^,;]+", f.value):
            part = part_m.group(0).strip()
            if not part or not _SPLIT.search(part):
                continue
            names = [n for n in _SPLIT.split(part) if n.strip()]
            if len(names) < 2:
                continue
            platonic = "&" in part
            chars = _resolve_group(lex, names, prefer)
            s = f.start + part_m.start() + part_m.group(0).find(part)
            span = Evidence(s, s + len(part), part)
            if chars:
                found.append(_Found([c.name for c in chars], platonic, span, chars))
            else:
                found.append(_Found([n.strip().title() for n in names], platonic, span, []))
    for text, offset in regions:
        for m in _PAIR.finditer(text):
            names = [n for n in _SPLIT.split(m.group("all")) if n.strip()]
            chars = _resolve_group(lex, names, prefer)
            if chars:
                span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                found.append(_Found([c.name for c in chars], False, span, chars))
        for m in _COMPACT_X.finditer(text):
            chars = _resolve_group(lex, [m.group("a"), m.group("b")], prefer)
            if chars:
                span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                found.append(_Found([c.name for c in chars], False, span, chars))
        for m in _TOKEN.finditer(text):
            token = m.group(0)
            span = Evidence(offset + m.start(), offset + m.end(), token)
            ship = lex.ship_by_alias.get(token.lower())
            if ship:
                chars = [lex.character_by_name[(ship.fandom, n)] for n in ship.members]
                found.append(_Found(list(ship.members), " & " in ship.name, span, chars))
                continue
            camel = _CAMEL.match(token)
            if camel and token.lower() not in lex.characters_by_token:
                chars = _resolve_group(lex, [camel.group(1), camel.group(2)], prefer)
                if chars:
                    found.append(_Found([c.name for c in chars], False, span, chars))
    return found


def count_mentions(lex: Lexicon, regions: list[Region]) -> dict[Character, list[Evidence]]:
    """Where each lexicon character is named (by name or alias) in the given text."""
    index = lex.names_by_first_word
    mentions: dict[Character, list[Evidence]] = {}
    for text, offset in regions:
        words = [(m.group(0), m.start(), m.end()) for m in _WORDS.finditer(text)]
        i = 0
        while i < len(words):
            entries = index.get(words[i][0])
            step = 1
            if entries:
                matched = 0
                for names, char in entries:  # longest names first
                    n = len(names)
                    if n < matched:
                        break
                    if tuple(w[0] for w in words[i : i + n]) == names:
                        matched = n
                        s, e = words[i][1], words[i + n - 1][2]
                        mentions.setdefault(char, []).append(
                            Evidence(offset + s, offset + e, text[s:e])
                        )
                step = max(matched, 1)
            i += step
    return mentions


@lru_cache(maxsize=8)
def _fandom_pattern(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    index: dict[str, str] = {}
    for fandom in lex.fandoms:
        for alias in (fandom.name, *fandom.aliases):
            index.setdefault(alias, fandom.name)
    alts = sorted(index, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w'’])")
    return pattern, index


def _match_fandom(lex: Lexicon, value: str) -> str | None:
    low = value.strip().lower()
    for fandom in lex.fandoms:
        for alias in (fandom.name, *fandom.aliases):
            if alias.lower() == low:
                return fandom.name
    pattern, index = _fandom_pattern(lex)
    m = pattern.search(value)
    return index[m.group(0)] if m else None


def find_fandoms(
    lex: Lexicon, regions: list[Region], fields: dict[str, list[Field]]
) -> dict[str, list[Evidence]]:
    """Fandoms the notes name: a Fandom field, or a fandom's name in the author's words."""
    found: dict[str, list[Evidence]] = {}
    for f in fields.get("category", []):  # FanFiction.net calls the fandom its category
        name = _match_fandom(lex, f.value)
        if name:
            found.setdefault(name, []).append(Evidence(f.start, f.end, f.value))
    for f in fields.get("fandom", []):
        for part in re.finditer(r"[^,;]+", f.value):
            value = part.group(0).strip()
            if not value:
                continue
            name = _match_fandom(lex, value) or value
            s = f.start + part.start() + part.group(0).find(value)
            found.setdefault(name, []).append(Evidence(s, s + len(value), value))
    pattern, index = _fandom_pattern(lex)
    for text, offset in regions:
        for m in pattern.finditer(text):
            span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
            found.setdefault(index[m.group(0)], []).append(span)
    return found


_GENDER_CATEGORY = {"mm": "M/M", "ff": "F/F", "fm": "F/M"}


def read_cast(
    lex: Lexicon,
    note_regions: list[Region],
    story_regions: list[Region],
    fields: dict[str, list[Field]],
) -> CastResult:
    """Fandoms, relationships and characters, each with evidence."""
    result = CastResult()
    named = find_fandoms(lex, note_regions, fields)
    rels = find_relationships(lex, note_regions, fields, set(named))
    mentions = count_mentions(lex, story_regions)
    per_fandom: dict[str, Counter[Character]] = {}
    for char, spans in mentions.items():
        per_fandom.setdefault(char.fandom, Counter())[char] = len(spans)
    best = max((sum(c.values()) for c in per_fandom.values()), default=0)
    fandoms: dict[str, list[Evidence]] = dict(named)
    for rel in rels:
        for char in rel.characters[:1]:
            fandoms.setdefault(char.fandom, []).append(rel.span)
    for fandom, counts in per_fandom.items():
        total = sum(counts.values())
        if len(counts) >= 3 and total >= 8 and total >= best * 0.5 and fandom not in fandoms:
            first = [mentions[c][0] for c, _ in counts.most_common(3)]
            fandoms[fandom] = first
    result.fandoms = list(fandoms)
    result.evidence["fandoms"] = [s for spans in fandoms.values() for s in spans[:2]]

    seen_rel: dict[str, list[Evidence]] = {}
    chars: dict[str, list[Evidence]] = {}
    for rel in rels:
        name = relationship_name(lex, rel.members, rel.platonic)
        seen_rel.setdefault(name, []).append(rel.span)
        for member in rel.members:
            chars.setdefault(member, []).append(rel.span)
        genders = "".join(sorted(c.gender or "?" for c in rel.characters))
        if not rel.platonic and len(genders) == 2 and genders in _GENDER_CATEGORY:
            result.categories.setdefault(_GENDER_CATEGORY[genders], []).append(rel.span)
    result.relationships = list(seen_rel)
    result.evidence["relationships"] = [s for spans in seen_rel.values() for s in spans]

    for f in fields.get("characters", []):
        for part in re.finditer(r"[^,;]+", f.value):
            value = part.group(0).strip()
            if not value:
                continue
            found = resolve_name(lex, value, set(fandoms))
            name = found[0].name if found and found[0].fandom in fandoms else value
            s = f.start + part.start() + part.group(0).find(value)
            chars.setdefault(name, []).append(Evidence(s, s + len(value), value))
    in_story = sorted(
        (c for c in mentions if c.fandom in fandoms), key=lambda c: (-len(mentions[c]), c.name)
    )
    for char in in_story:
        chars.setdefault(char.name, []).extend(mentions[char][:3])
    result.characters = list(chars)
    result.evidence["characters"] = [s for spans in chars.values() for s in spans[:3]]
    return result
