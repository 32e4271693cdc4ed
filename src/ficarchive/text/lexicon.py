"""The lexicon: AO3's ratings, warnings and categories, the largest fandoms with their
characters and ship names, and genre words. Facts live in JSON under ``lexicon/``; this module
loads them once into frozen dataclasses and lets the archive extend them at run time.

    lex = load_lexicon()
    lex = lex.extended(extra_characters=[{"name": "Uchiha Shisui", "fandom": "Naruto",
                                          "aliases": ["Shisui"]}])
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

DATA_DIR = Path(__file__).with_name("lexicon")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_QUOTED = re.compile(r'\s*"[^"]*"\s*')


@dataclass(frozen=True)
class Rating:
    name: str
    level: int
    as_written: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Term:
    """A warning, category or freeform tag with the words that state it."""

    name: str
    aliases: tuple[str, ...] = ()
    implies_categories: tuple[str, ...] = ()
    implies_rating: str | None = None
    implies_freeforms: tuple[str, ...] = ()
    implies_warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Character:
    name: str
    fandom: str
    aliases: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    gender: str | None = None

    def all_names(self) -> tuple[str, ...]:
        """The canonical name, its reversed order, its aliases (not nicknames)."""
        names = [self.name, *self.aliases]
        bare = _QUOTED.sub(" ", _PAREN.sub("", self.name)).strip()
        names.append(bare)
        parts = bare.split()
        if len(parts) == 2:
            names.append(f"{parts[1]} {parts[0]}")
        return tuple(dict.fromkeys(n for n in names if n))


@dataclass(frozen=True)
class Ship:
    name: str
    fandom: str
    aliases: tuple[str, ...] = ()

    @property
    def members(self) -> tuple[str, ...]:
        sep = "/" if "/" in self.name else " & "
        return tuple(self.name.split(sep))


@dataclass(frozen=True)
class Fandom:
    name: str
    aliases: tuple[str, ...] = ()
    characters: tuple[Character, ...] = ()
    ships: tuple[Ship, ...] = ()
    parents: tuple[str, ...] = ()  # the fandoms this one is part of, as AO3 wrangles them
    media: tuple[str, ...] = ()  # where AO3 lists it: "TV Shows", "Anime & Manga", ...


@dataclass(frozen=True)
class Lexicon:
    ratings: tuple[Rating, ...]
    warnings: tuple[Term, ...]
    categories: tuple[Term, ...]
    fandoms: tuple[Fandom, ...]
    freeforms: tuple[Term, ...]
    genre_words: frozenset[str] = frozenset()  # lower case; never a character's name

    # ---- look-ups used by the importer -------------------------------------------------
    @cached_property
    def fandom_by_name(self) -> dict[str, Fandom]:
        return {f.name: f for f in self.fandoms}

    @cached_property
    def character_by_name(self) -> dict[tuple[str, str], Character]:
        return {(c.fandom, c.name): c for f in self.fandoms for c in f.characters}

    @cached_property
    def ship_by_alias(self) -> dict[str, Ship]:
        """Lower-cased ship alias (SasuNaru, Drarry, ...) to its ship."""
        out: dict[str, Ship] = {}
        for fandom in self.fandoms:
            for ship in fandom.ships:
                for alias in ship.aliases:
                    out.setdefault(alias.lower(), ship)
        return out

    @cached_property
    def ship_by_members(self) -> dict[frozenset[str], Ship]:
        return {frozenset(s.members): s for f in self.fandoms for s in f.ships}

    @cached_property
    def names_by_first_word(self) -> dict[str, list[tuple[tuple[str, ...], Character]]]:
        """First word of a character name or alias to (all words, character), longest first."""
        out: dict[str, list[tuple[tuple[str, ...], Character]]] = {}
        for fandom in self.fandoms:
            for char in fandom.characters:
                for name in char.all_names():
                    words = tuple(_words(name))
                    if words:
                        out.setdefault(words[0], []).append((words, char))
        for entries in out.values():
            entries.sort(key=lambda e: -len(e[0]))
        return out

    @cached_property
    def characters_by_token(self) -> dict[str, list[Character]]:
        """Lower-cased single-word name, alias or nickname to characters (for pairings)."""
        out: dict[str, list[Character]] = {}
        for fandom in self.fandoms:
            for char in fandom.characters:
                for name in (*char.all_names(), *char.nicknames):
                    key = name.lower()
                    if char not in out.get(key, []):
                        out.setdefault(key, []).append(char)
        return out

    @cached_property
    def fandom_aliases(self) -> dict[str, str]:
        """Every spelling of a fandom (its name, aliases, the name without AO3's
        disambiguation: "Merlin" for "Merlin (TV)", "Twilight Series" for "Twilight Series -
        Stephenie Meyer") to its name."""
        out: dict[str, str] = {}
        for fandom in self.fandoms:
            for alias in (fandom.name, *fandom.aliases):
                out.setdefault(alias, fandom.name)
        for fandom in self.fandoms:
            bare = _PAREN.sub("", fandom.name.split(" - ")[0]).strip()
            if bare and len(bare) >= 4:
                out.setdefault(bare, fandom.name)
        return out

    @cached_property
    def fandom_pattern(self) -> tuple[re.Pattern[str], dict[str, str]]:
        """A pattern for any fandom spelling as a whole word (case as written), and the
        lower-cased spelling to the fandom's name."""
        aliases = self.fandom_aliases
        alts = sorted(aliases, key=len, reverse=True)
        pattern = re.compile(
            r"(?<![\w'’])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w'’])"
        )
        return pattern, {a.lower(): name for a, name in aliases.items()}

    def match_fandom(self, value: str) -> str | None:
        """The fandom a Fandom-field value names: a spelling of it, in any case, or one that
        covers most of the value ("Naruto Shippuden fic")."""
        value = " ".join(value.split())
        pattern, index = self.fandom_pattern
        for form in (value, _PAREN.sub("", value), value.rsplit("»", 1)[-1].strip()):
            if form.lower() in index:  # "Naruto (Anime/Manga)", "Anime/Manga » Naruto"
                return index[form.lower()]
        m = pattern.search(value)
        if m and len(m.group(0)) * 2 >= len(value.strip(" !.")):
            return index[m.group(0).lower()]
        return None

    @cached_property
    def term_words(self) -> frozenset[str]:
        """Lower-cased genre, category and warning words (Humor, Hurt/Comfort, Yaoi): words
        that are not people's names."""
        words = set(self.genre_words)
        for term in (*self.freeforms, *self.categories, *self.warnings):
            words.add(term.name.lower())
            words.update(a.lower() for a in term.aliases)
        return frozenset(words)

    def is_term(self, word: str) -> bool:
        word = word.lower().strip()
        return word in self.term_words or word.replace("-", "/") in self.term_words

    def rating_by_name(self, name: str) -> Rating | None:
        return next((r for r in self.ratings if r.name == name), None)

    def iter_tags(self) -> Iterator[tuple[str, str, tuple[str, ...], str | None]]:
        """Every tag the lexicon knows, as (type, canonical name, synonyms, parent fandom).

        Types are those of the archive's tag table: rating, warning, category, fandom,
        character, relationship, freeform.
        """
        for r in self.ratings:
            yield "rating", r.name, (), None
        for w in self.warnings:
            yield "warning", w.name, (), None
        for c in self.categories:
            yield "category", c.name, (), None
        for f in self.fandoms:
            yield "fandom", f.name, f.aliases, None
            for ch in f.characters:
                yield "character", ch.name, ch.aliases, f.name
            for s in f.ships:
                yield "relationship", s.name, s.aliases, f.name
        for t in self.freeforms:
            yield "freeform", t.name, t.aliases, None

    # ---- extension at run time -----------------------------------------------------------
    def extended(
        self,
        extra_fandoms: Iterable[Mapping[str, Any]] = (),
        extra_characters: Iterable[Mapping[str, Any]] = (),
        extra_ships: Iterable[Mapping[str, Any]] = (),
        extra_freeforms: Iterable[Mapping[str, Any]] = (),
    ) -> Lexicon:
        """A new lexicon with more names; this one is not changed.

        extra_fandoms: {"name", "aliases"?}; extra_characters: {"name", "fandom", "aliases"?,
        "nicknames"?, "gender"?}; extra_ships: {"name", "fandom", "aliases"?};
        extra_freeforms: {"name", "aliases"?}. Unknown fandoms named by a character or ship are
        created. Entries for names already known add their aliases to them.
        """
        fandoms: dict[str, dict[str, Any]] = {
            f.name: {
                "aliases": list(f.aliases),
                "characters": {c.name: c for c in f.characters},
                "ships": {s.name: s for s in f.ships},
                "parents": list(f.parents),
                "media": list(f.media),
            }
            for f in self.fandoms
        }

        def fandom_entry(name: str) -> dict[str, Any]:
            return fandoms.setdefault(
                name, {"aliases": [], "characters": {}, "ships": {}, "parents": [], "media": []}
            )

        for item in extra_fandoms:
            entry = fandom_entry(item["name"])
            entry["aliases"] = _merge(entry["aliases"], item.get("aliases", ()))
        for item in extra_characters:
            chars = fandom_entry(item["fandom"])["characters"]
            old = chars.get(item["name"])
            chars[item["name"]] = Character(
                name=item["name"],
                fandom=item["fandom"],
                aliases=tuple(_merge(old.aliases if old else (), item.get("aliases", ()))),
                nicknames=tuple(_merge(old.nicknames if old else (), item.get("nicknames", ()))),
                gender=item.get("gender") or (old.gender if old else None),
            )
        for item in extra_ships:
            ships = fandom_entry(item["fandom"])["ships"]
            old = ships.get(item["name"])
            ships[item["name"]] = Ship(
                name=item["name"],
                fandom=item["fandom"],
                aliases=tuple(_merge(old.aliases if old else (), item.get("aliases", ()))),
            )
        freeforms = {t.name: t for t in self.freeforms}
        for item in extra_freeforms:
            old = freeforms.get(item["name"]) or Term(item["name"])
            freeforms[item["name"]] = replace(
                old, aliases=tuple(_merge(old.aliases, item.get("aliases", ())))
            )
        return Lexicon(
            ratings=self.ratings,
            warnings=self.warnings,
            categories=self.categories,
            fandoms=tuple(
                Fandom(
                    name=name,
                    aliases=tuple(e["aliases"]),
                    characters=tuple(e["characters"].values()),
                    ships=tuple(e["ships"].values()),
                    parents=tuple(e["parents"]),
                    media=tuple(e["media"]),
                )
                for name, e in fandoms.items()
            ),
            freeforms=tuple(freeforms.values()),
            genre_words=self.genre_words,
        )


_WORD = re.compile(r"[^\W\d_]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _merge(old: Iterable[str], new: Iterable[str]) -> list[str]:
    return list(dict.fromkeys([*old, *new]))


def _terms(items: list[dict[str, Any]]) -> tuple[Term, ...]:
    out = []
    for item in items:
        implies = item.get("implies", {})
        out.append(
            Term(
                name=item["name"],
                aliases=tuple(item.get("aliases", ())),
                implies_categories=tuple(implies.get("categories", ())),
                implies_rating=implies.get("rating"),
                implies_freeforms=tuple(implies.get("freeforms", ())),
                implies_warnings=tuple(implies.get("warnings", ())),
            )
        )
    return tuple(out)


def lexicon_from_data(data: Mapping[str, Any]) -> Lexicon:
    """Build a lexicon from a mapping shaped like the JSON files merged together."""
    fandoms = []
    for f in data.get("fandoms", []):
        fandoms.append(
            Fandom(
                name=f["name"],
                aliases=tuple(f.get("aliases", ())),
                characters=tuple(
                    Character(
                        name=c["name"],
                        fandom=f["name"],
                        aliases=tuple(c.get("aliases", ())),
                        nicknames=tuple(c.get("nicknames", ())),
                        gender=c.get("gender") or None,
                    )
                    for c in f.get("characters", [])
                ),
                ships=tuple(
                    Ship(name=s["name"], fandom=f["name"], aliases=tuple(s.get("aliases", ())))
                    for s in f.get("ships", [])
                ),
                parents=tuple(f.get("parents", ())),
                media=tuple(f.get("media", ())),
            )
        )
    return Lexicon(
        ratings=tuple(
            Rating(r["name"], r["level"], tuple(r.get("as_written", ())), tuple(r.get("words", ())))
            for r in data.get("ratings", [])
        ),
        warnings=_terms(data.get("warnings", [])),
        categories=_terms(data.get("categories", [])),
        fandoms=tuple(fandoms),
        freeforms=_terms(data.get("freeforms", [])),
        genre_words=frozenset(w.lower() for w in data.get("genre_words", ())),
    )


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The lexicon shipped with ficarchive, loaded once per process."""
    data: dict[str, Any] = {}
    for name in ("ratings", "warnings", "categories", "fandoms", "freeforms"):
        with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as fh:
            loaded = json.load(fh)
        data[name] = loaded[name]
        if "genre_words" in loaded:
            data["genre_words"] = loaded["genre_words"]
    return lexicon_from_data(data)
