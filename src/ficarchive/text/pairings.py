"""Pairing notations: "A/B", "A x B", "AxB", "A & B", "A/B/C", "1x2", ship names and
portmanteaus, read from a Pairing field or from the author's words, with the traps that look
like pairings and are not (genres, "and/or", fandom abbreviations, company credits, "N/A",
reader-insert placeholders, "R&R"). Names are resolved through the lexicon; names it lacks are
kept as written."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

from .lexicon import Character, Lexicon

_HONORIFIC = re.compile(r"(?i)-(?:kun|chan|san|sama|sensei|senpai|sempai|teme|dobe|nii|nee)$")
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
_NAME = (
    rf"[{_UPPER}][\w'’\-]*(?:[ \t](?:[{_UPPER}][\w'’\-]*|(?:of|the|di|de|von|van)(?=[ \t][{_UPPER}]))){{0,2}}"
    r"(?:[ \t][A-Z]\.)?"  # "Kaeya A."
)
_PAIR = re.compile(
    rf"(?<![\w/&])(?P<all>{_NAME}(?:[ \t]*(?:/|\+)[ \t]*{_NAME}|[ \t]+[xX×][ \t]+{_NAME})+)"
    r"(?![\w/])"
)
_LOWER_PAIR = re.compile(
    r"(?<![\w/&'’-])([a-z][a-z'’]{1,20})(?:[ \t]*/[ \t]*|[ \t]+x[ \t]+)([a-z][a-z'’]{1,20})(?![\w/&'’-])"
)
_AMP = re.compile(rf"(?<![\w/&])(?P<all>{_NAME}[ \t]+&[ \t]+{_NAME})(?![\w/&])")
_SPLIT = re.compile(r"[ \t]*(?:/|\+|&|×)[ \t]*|[ \t]+[xX][ \t]+")
_COMPACT_X = re.compile(r"\b(?P<a>[A-Z][a-z]{1,15}|\d{1,2})[x×](?P<b>[A-Z][a-z]{1,15}|\d{1,2})\b")
_CAMEL = re.compile(r"\b([A-Z][a-z]{1,10})([A-Z][a-z]{1,10})\b")
_TOKEN = re.compile(r"\b[A-Za-z]{5,24}\b")
_QUALIFIER = re.compile(
    r"(?i)^(?:past|former|one[- ]?sided|unrequited|mentioned|implied|background|minor|side|"
    r"slight|hints?\s+of|hinted|eventual|established|brief|possible|onesided|pre-|some|"
    r"a\s+little|little|kinda|very\s+light|light|implicit|past\s+and\s+present)[ \t]+"
)
_PLATONIC_WORDS = re.compile(
    r"(?i)[ \t]*[(\[]?\b(?:friendship|platonic|friends|gen|brotherhood|sisterhood|family|"
    r"siblings|bromance)\b[)\]]?[ \t]*$"
)
_TRAILING = re.compile(r"[ \t]*[(\[][^)\]]{0,30}[)\]][!.]*[ \t]*$|[ \t]*[!?.:;]+$")
_NONE = re.compile(
    r"(?i)^\W*(?:none|no|nope|n/?a|nothing|no\s+pairings?|gen|keins?|keine|ninguna|ninguno|"
    r"nenhum|nenhuma|aucun|aucune|nessuno|nessuna|tidak\s+ada|brak|żaden|nada|нет|отсутствуют|"
    r"немає|без\s+предупреждений)\b|^\W*(?:无|無|なし|없음)"
)
MAX_MEMBERS = 8  # more names in one notation is a list, not a pairing
MAX_PAIRINGS = 100  # per region: more is not an author's note
READER_NAMES = {"reader", "you", "y/n", "oc", "original character", "original female character",
                "original male character", "ofc", "omc"}  # fmt: skip


@dataclass
class Pairing:
    """One pairing as found: member names as written, platonic or not, where it stands."""

    names: list[str]
    platonic: bool
    start: int
    end: int
    text: str
    from_field: bool = False
    characters: list[Character | None] = field(default_factory=list)
    lower: bool = False  # written in lower case: the story must use both names as names


def tidy_name(name: str) -> str:
    """The author's spelling, without decoration: "  ryuji " -> "Ryuji", "Farmer (f)" ->
    "Farmer"."""
    name = re.sub(r"[ \t]*\([^)]{0,12}\)", "", name)
    name = name.strip(" \t\"“”'‘’*_~.,;:!?()[]")
    name = " ".join(name.split())
    if name.islower():
        name = " ".join(w[:1].upper() + w[1:] for w in name.split())
    return name


def strip_qualifiers(text: str) -> str:
    while True:
        stripped = _QUALIFIER.sub("", text, count=1)
        if stripped == text:
            return text
        text = stripped


def is_none(value: str) -> bool:
    """ "Pairing: none", "keins", "N/A": the author says there is no pairing."""
    return bool(_NONE.match(value)) and not _SPLIT.search(value.split(",")[0].replace("n/a", ""))


def split_names(text: str) -> list[str]:
    return [n for n in (tidy_name(p) for p in _SPLIT.split(text)) if n]


def field_pairings(value: str, start: int) -> list[Pairing]:
    """Pairings in a Pairing field value: every part with a separator, names kept."""
    found: list[Pairing] = []
    for part_m in re.finditer(r"[^,;]+", value[:2000]):
        raw = part_m.group(0)
        part = strip_qualifiers(raw.strip())
        platonic = "&" in part or bool(_PLATONIC_WORDS.search(part))
        part = _PLATONIC_WORDS.sub("", part)
        part = _TRAILING.sub("", part).strip()
        if not part or not _SPLIT.search(part):
            continue
        names = split_names(part)
        if not 2 <= len(names) <= MAX_MEMBERS or any(len(n) > 40 for n in names):
            continue
        s = start + part_m.start() + max(raw.find(part), 0)
        found.append(Pairing(names, platonic, s, s + len(part), part, True))
    return found


def member_list(value: str, start: int) -> Pairing | None:
    """A comma-joined list of names that is itself one pairing ("[Kaeya A., Diluc R.]")."""
    names = [tidy_name(n) for n in value.split(",")]
    names = [n for n in names if n]
    if len(names) < 2:
        return None
    return Pairing(names, False, start, start + len(value), value, True)


def text_pairings(text: str, offset: int) -> list[Pairing]:
    """Notations in free text; the caller decides which to believe (see cast.py)."""
    found = []
    for m in _PAIR.finditer(text):
        if m.group(0).count("/") + m.group(0).count("+") + m.group(0).count(" x ") < MAX_MEMBERS:
            names = split_names(m.group("all"))
            found.append(Pairing(names, False, offset + m.start(), offset + m.end(), m.group(0)))
    for m in _AMP.finditer(text):
        names = split_names(m.group("all"))
        found.append(Pairing(names, True, offset + m.start(), offset + m.end(), m.group(0)))
    for m in _LOWER_PAIR.finditer(text):  # "jimin x jungkook": believed only if the story agrees
        names = [m.group(1).capitalize(), m.group(2).capitalize()]
        found.append(
            Pairing(names, False, offset + m.start(), offset + m.end(), m.group(0), lower=True)
        )
    if len(found) > MAX_PAIRINGS:
        return []
    for m in _COMPACT_X.finditer(text):
        names = [m.group("a"), m.group("b")]
        found.append(Pairing(names, False, offset + m.start(), offset + m.end(), m.group(0)))
    return found


def followed_by(text: str, end: int, words: tuple[str, ...]) -> bool:
    after = text[end : end + 20].lower().lstrip(" \t")
    return any(after.startswith(w) for w in words)


def camel_tokens(text: str, offset: int) -> list[tuple[str, str, int, int]]:
    """CamelCase words of two parts (KomaHina) with their offsets."""
    return [
        (m.group(1), m.group(2), offset + m.start(), offset + m.end())
        for m in _CAMEL.finditer(text)
    ]


def ship_tokens(text: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(text))


def resolve_name(lex: Lexicon, name: str, prefer: set[str] = frozenset()) -> list[Character]:
    """Characters a name or nickname may mean, those of preferred fandoms first."""
    key = _HONORIFIC.sub("", name.strip(" .'’")).lower()
    found = list(lex.characters_by_token.get(key, []))
    if not found and " " in key:  # "Naruto U.", "young Harry"
        words = key.split()
        found = list(lex.characters_by_token.get(words[0], [])) or list(
            lex.characters_by_token.get(words[-1], [])
        )
        if len(words) == 2 and len(words[1]) == 1:  # FFN's "James P.": James Potter
            found = [c for c in found if any(w[:1] == words[1] for w in c.name.lower().split())]
            for full, char in lex.names_by_first_word.get(words[0].capitalize(), []):
                if len(full) > 1 and full[1][:1].lower() == words[1] and char not in found:
                    found.append(char)
    if not found and len(key) >= 3 and " " not in key and not key.isdigit():
        for token, chars in _single_word_tokens(lex):
            if token.startswith(key):
                found.extend(c for c in chars if c not in found)
        by_fandom = Counter(c.fandom for c in found)
        found = [c for c in found if by_fandom[c.fandom] == 1]  # a shared prefix tells nothing
    found.sort(key=lambda c: c.fandom not in prefer)
    return found


@lru_cache(maxsize=8)
def _single_word_tokens(lex: Lexicon) -> tuple[tuple[str, tuple[Character, ...]], ...]:
    return tuple((t, tuple(c)) for t, c in lex.characters_by_token.items() if " " not in t)


def resolve_group(lex: Lexicon, names: list[str], prefer: set[str]) -> list[Character] | None:
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
    for fandom in [c.fandom for c in options[0]]:
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
