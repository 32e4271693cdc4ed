"""Names as the story uses them: which capitalised words stand in the prose as names, and where
each lexicon character is named. Used to cross-check the names the notes give."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import Character, Lexicon
from .model import Evidence

Region = tuple[str, int]
SAMPLE_CHARS = 200_000  # enough prose to know its people; a long work is not read to the end
_CAPITALISED = re.compile(r"(?<![\w'’])[^\W\d_][\w'’\-]*")
_WORDS = re.compile(r"[^\W\d_]+")
_POSSESSIVE = re.compile(r"['’]s$")
_CONTRACTION = re.compile(r"['’](?:m|ll|ve|d|re|t)$|n['’]t$")
_LOWER = re.compile(r"(?<![\w'’])[a-z]+(?![\w'’])")
_SENTENCE_START = re.compile(r"(?:^|[.!?…:;\"“”«»„—–\-(\n])[\s\"“”«»„'‘’*_~—–\-]*$")
# Capitalised words that start sentences and are no one's name.
_COMMON = set(
    """the a an and but or so then when what why where who how this that these those there
    here if as at in on of for with not no yes oh ah well now later again one two he she it
    they we you i his her its their our my your me him them us after before because while
    once still maybe perhaps sometimes nothing everything something someone everyone nobody
    let do did does is was are were be been have has had will would can could should may
    might must just even only also too very all some any every each both few many most more
    el la los las un una y que de en por con se le lo les des et est il elle ils je tu nous
    vous der die das und ist er sie es ich du wir ihr o os um uma e não ele ela il lo gli
    di che è non yang dan itu ini aku kau dia kamu tidak i w na nie się z że to jak ale""".split()
)


_FULL_NAME = re.compile(r"\b([A-Z][a-z][\w'’-]*)[ \t]+([A-Z][a-z][\w'’-]+)\b")
_WITH_INITIAL = re.compile(r"^([A-Z][a-z][\w'’-]*)[ \t]+([A-Z])\.?$")


class StoryNames:
    """The capitalised words of the story and how often each stands as a name."""

    def __init__(self, regions: list[Region]):
        self.count: Counter[str] = Counter()
        self.mid: Counter[str] = Counter()
        self.lower: set[str] = set()  # words the story also writes in lower case
        self.where: dict[str, tuple[int, int]] = {}  # first use of each word in the document
        self.full: Counter[tuple[str, str]] = Counter()  # "Ilka Varro": a name and a surname
        budget = SAMPLE_CHARS
        for text, offset in regions:
            text, budget = text[:budget], budget - len(text)
            if not text:
                break
            self.lower.update(_LOWER.findall(text))
            self.full.update(_FULL_NAME.findall(text))
            for m in _CAPITALISED.finditer(text):
                word = _POSSESSIVE.sub("", m.group(0).strip("'’-"))
                if not word[:1].isupper() or word.lower() in _COMMON or _CONTRACTION.search(word):
                    continue
                self.count[word] += 1
                self.where.setdefault(word, (offset + m.start(), offset + m.start() + len(word)))
                if not _SENTENCE_START.search(text[max(0, m.start() - 6) : m.start()]):
                    self.mid[word] += 1

    def uses(self, name: str) -> bool:
        """The story names this person: every word of the name appears capitalised."""
        words = [w for w in name.replace(".", " ").split() if w[:1].isupper() and len(w) > 1]
        if not words:
            return False
        return all(self.count[w] for w in words)

    def recurring(self, minimum: int = 3) -> list[str]:
        """Capitalised words the story uses as names: often, inside sentences too, never in
        lower case. Candidates for characters, most used first."""
        found = [
            w
            for w, n in self.count.items()
            if n >= minimum and self.mid[w] and len(w) > 1 and w.lower() not in self.lower
        ]
        return sorted(found, key=lambda w: (-self.count[w], w))

    def expand(self, name: str) -> str | None:
        """An initial's full name the story writes out: "Ilka V." -> "Ilka Varro", when the
        story gives one surname of that initial to that name."""
        m = _WITH_INITIAL.match(name.strip())
        if not m:
            return None
        found = {last for first, last in self.full if first == m.group(1) and last[0] == m.group(2)}
        return f"{m.group(1)} {found.pop()}" if len(found) == 1 else None

    def first_use(self, word: str) -> tuple[int, int] | None:
        return self.where.get(word)

    def names_a_person(self, word: str) -> bool:
        """A name that is also a common word ("Light", "Will", "Rose") names someone only
        where it stands capitalised inside a sentence."""
        return word.lower() not in self.lower or self.mid[word] > 0

    def name_starting(self, prefix: str) -> str | None:
        """The name the story uses most that begins with prefix ("Koma" -> "Komaeda"), when
        it recurs and no other name with that beginning is as common."""
        if len(prefix) < 2:
            return None
        found = [(n, c) for n, c in self.count.items() if n.startswith(prefix) and n != prefix]
        found = [(n, c) for n, c in found if c >= 2]
        found.sort(key=lambda item: -item[1])
        if not found or (len(found) > 1 and found[1][1] == found[0][1]):
            return None
        return found[0][0]


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
