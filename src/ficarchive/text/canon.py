"""The canon a fic's notes name in passing: disclaimers ("I don't own X", "X belongs to Y",
"X © Y", "X no me pertenece", ...) and "X fic" / "X/Y crossover". Gives the names as written;
the caller resolves them through the lexicon and decides whether to keep the unknown ones."""

from __future__ import annotations

import re

from .model import Evidence

Region = tuple[str, int]

_LINK = r"(?:of|the|no|and|&|de|del|la|le|du|des|di|in|on|x|to|a|wa|ga)"
_WORD = r"[A-Z0-9][\w'’!:.\-]*"
_X = rf"(?P<x>(?<![\w\"“'‘]){_WORD}(?:[ \t]+(?:{_WORD}|{_LINK}(?=[ \t]+[A-Z0-9]))){{0,6}})"
_BEFORE_OWNER = (
    r"(?i:belongs?\s+to|(?:is|are)\s+(?:the\s+)?(?:sole\s+)?property\s+of|(?:is|are)\s+owned\s+by|"
    r"(?:is|are)\s*n['’]?t\s+mine|(?:is|are)\s+not\s+mine|©|\(c\)|copyright|"
    r"no\s+me\s+pertenecen?|(?:es|son)\s+(?:propiedad|obra)\s+de|pertenecen?\s+a|"
    r"não\s+me\s+pertencem?|(?:é|são)\s+(?:propriedade|obra)\s+de|pertencem?\s+a|"
    r"ne\s+m['’]appartien(?:nen)?t\s+pas|appartien(?:nen)?t\s+à|est\s+à|"
    r"gehör(?:t|en)\s+(?:mir\s+nicht|nicht\s+mir)|gehör(?:t|en)|"
    r"non\s+mi\s+appartiene|non\s+mi\s+appartengono|appartiene\s+a|appartengono\s+a|"
    r"(?:adalah\s+)?(?:bukan\s+)?milik|punya|"
    r"nie\s+należ[yą]\s+do\s+mnie|należ[yą]\s+do)"
)
_AND_CAST = (  # "X and all its characters belong to", "X and co. are", "X and related characters"
    r"(?:[ \t]+(?i:and|&)[ \t]+(?:[a-z]+[ \t]+){0,3}?"
    r"(?i:characters|cast|co\.?|world|universe|elements|places)\b)?"
)
_PATTERNS = (
    re.compile(_X + _AND_CAST + r"[ \t,]+" + _BEFORE_OWNER),
    re.compile(
        r"(?i:\b(?:I|we)\s+(?:do\s*n['’]?t|do\s+not|did\s*n['’]?t|don['’]t|sadly\s+don['’]t|"
        r"still\s+don['’]t)\s+own\s+)(?P<the>(?i:the)\s+)?" + _X
    ),
    re.compile(r"(?i:\bje\s+ne\s+possède\s+pas\s+)" + _X),
    re.compile(r"(?<=[a-z])[ \t]+(?i:owns?)[ \t]+" + _X),
    re.compile(_X + r"[ \t]+(?i:(?:fan)?fic(?:tion)?s?|one-?shots?|drabbles?)\b"),
)
_CROSSOVER = re.compile(
    _X + r"[ \t]*/[ \t]*" + _X.replace("?P<x>", "?P<y>") + r"[ \t]+(?i:crossover)"
)
# Words that begin or end a phrase that names no canon ("all characters", "the song").
_GENERIC = set(
    """i it this that these those they he she we you my our his her their all any every some none
    nothing everything anything most both each the characters character song songs lyrics music
    story plot idea prompt oc ocs cover art title disclaimer personajes todos todo personnages
    tout tous figuren charaktere alle die der das personagens os todas personaggi tutti tokoh
    semua karakter postacie wszystkie wszystko nic nada rien nichts niente los las les el la
    first another new short little random quick old an a christmas halloween valentine
    valentine's birthday secret santa exchange week day challenge contest bang yaoi yuri slash
    songfic lemon lime smut fluff angst crack au rpf""".split()
)
_TRAIL = re.compile(rf"(?:[ \t]+{_LINK})+$|[:.!\-]+$")


def _clean(name: str) -> str:
    name = _TRAIL.sub("", name.strip())
    return name.strip(" .,;:!-")


def _title_case_canon(words: list[str]) -> bool:
    """ "The Owl House", "My Hero Academia", "Our Flag Means Death": a canon whose name opens
    with an article or a possessive, every later word capitalised and none generic."""
    rest = words[1:]
    return (
        words[0].lower() in ("the", "my", "our")
        and bool(rest)
        and all(w[:1].isupper() and w.lower().strip("!.:") not in _GENERIC for w in rest)
    )


def _plausible(name: str, fic_phrase: bool) -> bool:
    words = name.split()
    if not words or len(name) > 60 or name.endswith(("'s", "’s")):
        return False
    if words[-1].lower().strip("!.:") in _GENERIC:
        return False
    if words[0].lower().strip("!.:") in _GENERIC and not _title_case_canon(words):
        return False
    if fic_phrase:  # "Gundam Wing fic": only names of several words or with a number
        return len(words) >= 2 or any(c.isdigit() for c in name)
    return True


_LABEL = re.compile(
    r"(?im)^[\W_]*(?:disclaimer|descargo|aclaración|zastrzeżenie|haftungsausschluss|a/n|n/a|"
    r"nda|notes?)[ \t]*:"
)


def canon_names(regions: list[Region]) -> list[tuple[str, Evidence]]:
    """(name as written, evidence) for every canon the notes name in a disclaimer or a
    "X fic" phrase, in order."""
    out: list[tuple[str, Evidence]] = []
    for text, offset in regions:
        text = _LABEL.sub(lambda m: " " * len(m.group(0)), text)  # "Disclaimer: X belongs..."
        for i, pattern in enumerate(_PATTERNS):
            for m in pattern.finditer(text):
                name = _clean(m.group("x"))
                if _plausible(name, fic_phrase=i == len(_PATTERNS) - 1):
                    s = offset + m.start("x")
                    span = Evidence(s, s + len(name), name)
                    if "the" in pattern.groupindex and m.group("the"):
                        name = "The " + name  # "I don't own the Witcher"
                    out.append((name, span))
        for m in _CROSSOVER.finditer(text):
            for group in ("x", "y"):
                name = _clean(m.group(group))
                if _plausible(name, fic_phrase=False):
                    s = offset + m.start(group)
                    out.append((name, Evidence(s, s + len(name), name)))
    return out
