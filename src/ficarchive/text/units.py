"""Paragraphs to units: markers stripped, scene breaks, chapter headings and note labels found."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .headings import match_chapter, match_structural
from .source import Para

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_SYMBOLS = set("*~-_=+#.•·●○◇◆♦♥❤★☆§¤°^|/\\<>:oO0xX—–⁂✿❀♪♫∞")
_SINGLE_BREAKS = set("*#§⁂~•◇◆♦★☆✿❀")
_BREAK_WORDS = re.compile(
    r"(?i)^[\W_]*(?:scene|line|page|time)[ -]?(?:break|change|skip|jump)[\W_]*$|^[\W_]*break[\W_]+$"
)
_TIME_MARKER = re.compile(
    r"""(?ix)^[\W_]*(?P<body>
      (?P<end>end(?:ing)?\s+(?:of\s+(?:the\s+)?)?|\/)?(?P<flash>flash\s?-?backs?|memory|memories|dream)
    | (?P<endflash>end\s+(?:of\s+)?(?:flash\s?-?back|memory|dream))
    | back\s+to\s+(?:the\s+)?present(?:\s+day|\s+time)?
    | present(?:\s+day|\s+time)?|past|now|later|meanwhile|earlier|the\s+next\s+(?:day|morning)
    | flash\s?-?forward|time\s?-?skip|(?:a|one|two|three|four|five|six|seven|eight|nine|ten|\d+)
      \s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+(?:later|ago|before|earlier)
    | [\w'’.\- ]{1,30}?\s*(?:'s|’s)?\s+p\.?o\.?v\.?|p\.?o\.?v\.?\s*[:\-]?\s*[\w'’.\- ]{1,30}
    )[\W_]*$"""
)
_NOTE_LABEL = re.compile(
    r"(?i)^[\W_]*(?:a/n|a\.n\.|an|author'?s?'?\s*notes?|notes?|disclaimer|warnings?|"
    r"end\s+notes?|ending\s+notes?|closing\s+notes?|footnotes?|chapter\s+(?:end\s+)?notes?|summary|"
    r"notas?\s+(?:finais|finales|iniciais|iniciales|do\s+cap[íi]tulo)|notes?\s+(?:finales?|de\s+fin))[\W_]*$"
)
_PIXIV_RUBY = re.compile(r"\[\[rb:\s*([^>\]\n]+?)\s*>\s*[^\]\n]*\]\]")  # [[rb:漢字 > かんじ]]
_DOUBLE_SLASH = re.compile(r"^//+\s*(?P<body>.*?)\s*(?://+)?$", re.S)
_TILDE = re.compile(r"^~+\s*(?P<body>[^~]*?)\s*~+$", re.S)
_STAR = re.compile(r"^\*{1,2}(?=\S)(?P<body>[^*]*?)(?<=\S)\*{1,2}$", re.S)
_UNDERSCORE = re.compile(r"^_(?=\S)(?P<body>[^_]*?)(?<=\S)_$", re.S)


@dataclass
class Unit:
    para: Para
    text: str  # cleaned, markers removed
    hint: str | None = None  # scene_break, chapter, note_label, heading, flash_start, flash_end
    marker: str | None = None  # //, ~, *, _, italic
    label: str | None = None
    title: str | None = None
    kind: str = "paragraph"
    tense: str | None = None
    note: int | None = None  # the note score, once worked out (notes.unit_score)

    @property
    def start(self) -> int:
        return self.para.start

    @property
    def end(self) -> int:
        return self.para.end


def clean(text: str) -> str:
    """Collapse spaces on each line and drop empty lines."""
    if "[[rb:" in text:
        text = _PIXIV_RUBY.sub(r"\1", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def is_scene_break(text: str, centered: bool = False) -> bool:
    s = text.replace(" ", "")
    if not s or len(s) > 60:
        return False
    if _BREAK_WORDS.match(text):
        return True
    if s.lower() in ("x", "o"):
        return True  # a lone "x": FanFiction.net keeps letters where it drops symbols ("xxx"
        # is a sign-off's kisses)
    if len(s) < 3:
        return len(s) == 1 and (s in _SINGLE_BREAKS or (centered and not s.isalnum()))
    if not set(s) <= _SYMBOLS:
        return False
    letters = [c for c in s if c.isalpha()]
    tokens = text.split()
    if len(tokens) >= 3 and all(len(t) == 1 for t in tokens) and len(set(s.lower())) == 1:
        return True  # "x x x", "o o o": one mark, spaced out
    if len(letters) == len(s):  # oOo, xXx: needs mixed case
        return any(c.isupper() for c in s) and any(c.islower() for c in s)
    if set(s) <= {"."}:
        return False
    return True


def _heading_over_title(text: str) -> tuple[str, str | None] | None:
    """ "CHAPTER ONE" with its title on the next line of the same paragraph, or a heading
    underlined or boxed in by lines of symbols ("Chapter 1" over "=========")."""
    lines = text.split("\n")
    if len(lines) > 4:
        return None
    lines = [line for line in lines if not (set(line.replace(" ", "")) <= _SYMBOLS)]
    if len(lines) == 1:
        return match_chapter(lines[0])
    if len(lines) != 2:
        return None
    found = match_chapter(lines[0])
    title = lines[1].strip()
    if not found or found[1] or len(title.split()) > 8 or title[-1:] in '.!?,;"”':
        return None
    return found[0], title


def strip_marker(text: str) -> tuple[str | None, str]:
    for name, pattern in (("//", _DOUBLE_SLASH), ("~", _TILDE), ("*", _STAR), ("_", _UNDERSCORE)):
        m = pattern.match(text)
        if m and m.group("body").strip():
            return name, m.group("body").strip()
    return None, text


def make_unit(para: Para) -> Unit:
    text = clean(para.text)
    unit = Unit(para=para, text=text)
    if para.chapter_head:
        unit.hint = "chapter"
        unit.label, unit.title = match_structural(text)
        return unit
    if para.rule or is_scene_break(text, para.centered):
        unit.hint, unit.kind = "scene_break", "scene_break"
        return unit
    if _NOTE_LABEL.match(text) and len(text) < 40:
        unit.hint = "note_label"
        return unit
    chapter = match_chapter(text) or _heading_over_title(text)
    if chapter:
        unit.hint = "chapter"
        unit.label, unit.title = chapter
        return unit
    if len(text) <= 60 and "\n" not in text:
        m = _TIME_MARKER.match(text)
        wrapped = not text[0].isalnum() and not text[-1].isalnum()
        if m and (wrapped or text == m.group("body") or para.heading or para.centered):
            unit.hint, unit.kind = "scene_break", "scene_break"
            unit.text = m.group("body").strip()
            if m.group("flash"):
                unit.hint = "flash_end" if m.group("end") else "flash_start"
            elif m.group("endflash"):
                unit.hint = "flash_end"
            return unit
    if para.heading:
        unit.hint, unit.kind = "heading", "heading"
        return unit
    marker, body = strip_marker(text)
    if marker:
        unit.marker, unit.text = marker, body
    elif para.italic:
        unit.marker = "italic"
    return unit
