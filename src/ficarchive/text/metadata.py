"""Facts stated in the author's notes: rating, warnings, genre words, disclaimer, song credits,
chapter label. Each comes with the evidence span it was read from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .fields import Field
from .lexicon import Lexicon
from .model import Evidence

Region = tuple[str, int]  # a piece of the document text and its offset

_NEGATION = re.compile(r"(?i)n['’]?t\b|\b(?:no|not|never|without|nothing|zero|nor|neither|nope)\b")
_CLAUSE_END = re.compile(r"[.!?;,:()\n—–\"“”]")
_FILLER = (
    r"(?:[\s:=\-–—…,.~*()\[\]'\"]|(?i:\b(?:um+|uh+|er+m?|hmm+|like|probably|maybe|about|"
    r"solidly|fiction|a|an|at|for\s+now)\b))*"
)
DISCLAIMER = re.compile(
    r"(?i)n['’]t\s+mine|\b(?:(?:do|does|did)\s*(?:n['’]?t|not)\s+own|own\s+nothing|(?:not|n['’]t)\s+mine|"
    r"belongs?\s+to|property\s+of|disclaimer|no\s+(?:profit|money)|making\s+no\s+money|"
    r"not\s+making\s+(?:any\s+)?money|all\s+rights|copyright|owned\s+by|"
    r"credits?\s+(?:goes|go)\s+to|(?:do\s*n['’]?t|do\s+not)\s+claim|"
    r"borrow(?:ing|ed)?\s+(?:them|the\s+characters|these)|"
    r"(?:todos\s+los\s+derechos|todos\s+os\s+direitos|tous\s+(?:les\s+)?droits|alle\s+rechte|"
    r"tutti\s+i\s+diritti)|\bowns\s+(?!nothing)\w|"
    r"no\s+me\s+pertenecen?|pertenecen?\s+a|propiedad\s+de|no\s+son\s+m[ií]os|sin\s+fines\s+de\s+lucro|"
    r"não\s+me\s+pertencem?|pertencem?\s+a|propriedade\s+de|"
    r"ne\s+m['’]appartien|appartien(?:nen)?t\s+à|je\s+ne\s+possède|"
    r"gehör(?:t|en)\b|kein\s+geld|"
    r"appartien(?:e|gono)\s+a|non\s+mi\s+appartengono|scopo\s+di\s+lucro|"
    r"\bmilik\b|bukan\s+punya|"
    r"należ[yą]\s+do|nie\s+czerpię)|©|\(c\)"
)
# Every disclaimer phrase holds one of these: a cheap test before the pattern.
_DISCLAIMER_KEYS = (
    "own", "mine", "belong", "propert", "disclaim", "profit", "money", "rights", "copyright",
    "©", "(c)", "claim", "credit", "borrow", "derech", "direit", "droit", "recht", "diritt", "perten", "propi", "míos", "mios", "lucro", "apparti", "possède", "gehör",
    "geld", "milik", "punya", "należ", "czerpię",
)  # fmt: skip


def may_disclaim(low: str) -> bool:
    """False when the lower-cased text cannot hold a disclaimer phrase."""
    return any(key in low for key in _DISCLAIMER_KEYS)


_SENTENCE = re.compile(r"(?:[^.!?…\n]|(?<=\b[A-Z])\.(?=[ \t]*[A-Z]))*(?:[.!?…]+[\"”')]*|$)")
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
            exact = not any(c.islower() for c in form)  # "M", "PG-13": as written
            mapping[form if exact else form.lower()] = rating.name
            alts.append(re.escape(form) if exact else f"(?i:{re.escape(form)})")
    alts.sort(key=len, reverse=True)
    letters = r"(?:[kK]\+|[gtmrk]|ma|pg|nc-17|pg-13)(?=\s+for\b)"  # "rated g for gentle"
    pattern = re.compile(
        r"(?i:\b(?:rated|rating|rate|clasificaci[oó]n|classifica[çc][ãa]o|classement|"
        r"classificazione|bewertung|altersfreigabe|fsk|kategoria\s+wiekowa)\b)"
        + _FILLER
        + r"(?P<r>"
        + "|".join(alts)
        + "|"
        + letters
        + r")(?![\w+/%])"
    )
    return pattern, mapping


def _rating_name(form: str, mapping: dict[str, str]) -> str | None:
    return mapping.get(form) or mapping.get(form.lower()) or mapping.get(form.upper())


_AGE_LABEL = re.compile(r"[\[(](?P<r>\+1[2-8]|1[2-8]\+|[PR]-?1[2-8])[\])]")


def find_rating(
    lex: Lexicon, regions: list[Region], fields: dict[str, list[Field]]
) -> tuple[str, str, Evidence] | None:
    """(rating, rating as written, evidence): the strongest rating that a Rating field, "rated
    R" in the notes or a bracketed age label ("[18+]") states."""
    pattern, mapping = _rating_patterns(lex)
    found: list[tuple[str, str, Evidence]] = []
    for f in fields.get("rating", []):
        m = pattern.match("rating: " + f.value)
        if m:
            form = m.group("r")
            s = f.start + m.start("r") - len("rating: ")
            found.append(
                (_rating_name(form, mapping) or "", form, Evidence(s, s + len(form), form))
            )
    names = {r.name.casefold(): r.name for r in lex.ratings}
    for text, offset in regions:
        alone = text.strip().strip(" *_~[]()").casefold()
        if alone in names:  # a site's rating badge copied on its own line (Wattpad's "Mature")
            at = offset + text.find(text.strip())
            found.append((names[alone], text.strip(), Evidence(at, at + len(text.strip()), text)))
            continue
        for m in [*pattern.finditer(text), *_AGE_LABEL.finditer(text)]:
            form = m.group("r")
            name = _rating_name(form, mapping)
            if name:
                span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                found.append((name, form, span))
    if not found:
        return None
    levels = {r.name: r.level for r in lex.ratings}
    return max(found, key=lambda item: levels.get(item[0], 0))


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
        # whole words in Latin and Cyrillic scripts; within Chinese and Japanese, which put no
        # space between words, anywhere
        r"(?i)(?<![A-Za-z0-9\u0400-\u04ff])(?:"
        + "|".join(re.escape(a) for a in alts)
        + r")(?![A-Za-z0-9\u0400-\u04ff])"
    )
    return pattern, index


_SHORT_OK = ("ooc", "pwp", "h/c")
# "lemon" and "lime" as the fruit ("the lemon tree", "lime juice"), not as ratings
NOT_THE_FRUIT = (
    r"(?!\s+(?:trees?|juice|cakes?|tarts?|zest|drops?|curd|pies?|water|slices?|wedges?|peel|"
    r"groves?|bars?|squares?|meringue|tea|chicken|soda|sorbet|yellow|green|verbena|balm|"
    r"sherbet|cand(?:y|ies)|rind|leaf|leaves|blossoms?|scent|soap|grass|cordial|wash|"
    r"light|lights|kiln|kilns|stone|stones|mortar|plaster)\b)"
)
_FRUIT = re.compile(r"(?i)^(?:lemon|lemons|lime|limes)$")
_NOT_THE_FRUIT = re.compile(NOT_THE_FRUIT)
_MINOR_DEATH = re.compile(
    r"(?i)(?:\b(?:minor|side|background|secondary|non-?main|non-?major|oc|original)\b[\w\s'’-]{0,12}$)"
)
_NOT_MAIN = re.compile(
    r"(?i)^\s*[(\[]?\s*(?:not\s+(?:a\s+)?(?:main|major)|non-?main|minor|of\s+an?\s+oc)\b"
)


def _qualified_death(text: str, start: int, end: int) -> bool:
    """ "minor character death", "character death (not main)": not Major Character Death."""
    return bool(_MINOR_DEATH.search(text[max(0, start - 30) : start])) or bool(
        _NOT_MAIN.match(text[end : end + 30])
    )


def find_terms(lex: Lexicon, regions: list[Region], mask: list[tuple[int, int]] = ()) -> TermHits:
    """Warnings, categories and freeform tags named in the notes, not when negated, nor inside
    the masked spans (a fandom's or a song's name: "Yuri!!! on Ice" is not yuri)."""
    pattern, index = _term_index(lex)
    hits = TermHits()
    freeform_by_name = {t.name: t for t in lex.freeforms}
    for text, offset in regions:
        for m in pattern.finditer(text):
            alias = m.group(0)
            if any(s <= offset + m.start() < e for s, e in mask):
                continue
            bracketed = text[max(0, m.start() - 1) : m.start()] in ("(", "[")
            if len(alias) <= 3 and alias.islower() and alias not in _SHORT_OK and not bracketed:
                continue  # "au", "het" in lower case are too often other words
            if negated(text, m.start()):
                continue
            if _FRUIT.match(alias) and not _NOT_THE_FRUIT.match(text, m.end()):
                continue
            death = "death" in alias.lower() or alias.lower() == "mcd"
            if death and _qualified_death(text, m.start(), m.end()):
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
    songs = [(f.start, f.end) for f in fields.get("song", [])]  # "Lyrics: ... (not mine!)"
    for text, offset in regions:
        for m in _SENTENCE.finditer(text):
            sentence = m.group(0).strip()
            at = offset + m.start()
            if any(a - 40 <= at <= b for a, b in songs):
                continue
            if (
                sentence
                and may_disclaim(sentence.lower())
                and DISCLAIMER.search(sentence)
                and sentence not in sentences
            ):
                sentences.append(sentence)
                s = offset + m.start() + m.group(0).find(sentence)
                spans.append(Evidence(s, s + len(sentence), sentence))
    if not sentences:
        return None
    return " ".join(" ".join(s.split()) for s in sentences), spans


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
