"""Telling the author's notes from the story: a score of how much a paragraph speaks to the
reader about the fic, and scans from the top and the bottom of a chapter."""

from __future__ import annotations

import re

from .fields import FIELD_KEYS
from .metadata import NOT_THE_FRUIT
from .note_cues import note_cues
from .units import Unit
from .words import count_words

_STRONG = re.compile(
    r"""(?ix)
    ^\W{0,3}(?:a/n|a\.n\.|an\s*:|(?:end|ending|closing|final)\s+notes?\s*:|author'?s?'?\s*notes?|notes?\s*:|disclaimer|warnings?\s*[:\-!]|
      rat(?:ed|ing)\b|pairings?\s*[:\-]|summary\s*:|glossary\s*:|translations?\s*:|vocabulary\s*:|title\s*:|fandoms?\s*:|characters?\s*:|
      genres?\s*:|categor(?:y|ies)\s*:|word\s*count|beta(?:'d|ed)?\b|dedicat|spoilers?\s*[:\-]|
      by\s+\S+(?:\s+\S+)?\s*$|written\s+by|status\s*:|chapters?\s*:\s*\d|relationships?\s*:|tags?\s*:|language\s*:|words\s*:)
    |\b(?:don'?t|do\s+not|doesn'?t|does\s+not|didn'?t)\s+own\b|\bown\s+nothing\b|\bnot\s+mine\b
    |\b(?:disclaimer|fanfic(?:tion)?s?|fics?|one-?shots?|songfics?|drabbles?)\b
    |\b(?:reviews?|reviewers?|reviewing|reviewed|r\s*&\s*r|read\s+(?:and|&)\s+review|kudos|comments?)\b
    |\b(?:update[sd]?|updating|this\s+story|(?:first|second|third)\s+chapter|this\s+chapter|next\s+chapter|last\s+chapter|
      previous\s+chapter|my\s+(?:first|second|other|last)\s+\w+|my\s+profile|thanks?\s+(?:you\s+)?for\s+reading|
      hope\s+you\s+(?:all\s+)?(?:like|liked|enjoy|enjoyed)|readers?|lyrics|song\s+is|
      yaoi|yuri|slash|(?:lemons?|limes?)\b"""
    + NOT_THE_FRUIT
    + r"""|shounen-ai|smut|angst|fluff|ooc|(?-i:AU)|
      pairings?|crossover|sequel|prequel|plot\s+bunny|writer'?s\s+block|beta-?read)\b
    |\benjoy\s*[!.]
    |^\W*(?:thanks|thank\s+you|thanks\s+again|cheers|xoxo|hugs)(?:\s+(?:all|everyone|guys|so\s+much))?\W*$
    |\b(?:(?:hi|hey|hello)\s+(?:everyone|everybody|all|guys|lovelies|readers|there)|you\s+guys|
      sorry\s+(?:for\s+the\s+(?:long\s+)?(?:wait|delay|late\s+update)|this\s+(?:took|is\s+late))|
      thank\s+you\s+(?:so\s+much|all|everyone)\s+for|thanks\s+(?:so\s+much|everyone|all|guys)\s+for|
      as\s+promised|late\s+update|my\s+(?:muse|beta)|hiatus|
      see\s+you\s+(?:all\s+)?(?:next\s+(?:time|week|chapter)|soon|in\s+the\s+next)|until\s+next\s+time|
      let\s+me\s+know\s+what\s+you\s+(?:think|thought)|tell\s+me\s+what\s+you\s+(?:think|thought)|
      here'?s\s+(?:the\s+)?(?:next\s+|new\s+)?(?:chapter|part|update))\b
    |^\W*(?:to\s+be\s+continued|tbc|end\s+of\s+(?:chapter|part)(?:\s+\w+)?|end\s+chapter(?:\s+\w+)?|
      continuar[áa]|continua|continuará|à\s+suivre|a\s+suivre|fortsetzung\s+folgt|bersambung|
      ciąg\s+dalszy\s+nastąpi|продолжение\s+следует|далі\s+буде|未完待续|つづく|続く|
      fin\s+del\s+cap[íi]tulo|fim\s+do\s+cap[íi]tulo|fin\s+du\s+chapitre|fine\s+(?:del\s+)?capitolo|
      ende\s+(?:des\s+)?kapitels?)\W*$
    |^\W{0,3}(?:n/a|n\.\s?a\.|nota(?:s)?\s+(?:de\s+)?(?:la\s+|el\s+)?(?:autor[a]?|autrice)|
      notas?\s+(?:finais|finales|final|iniciais|iniciales)|notes?\s+(?:finales?|de\s+fin)|
      note(?:s)?\s+de\s+l['’]aut(?:eur|rice)(?:e)?|nota\s+dell['’]aut(?:ore|rice)|anmerkung(?:en)?|od\s+autor(?:a|ki)|
      catatan(?:\s+penulis)?|nda|n\.d\.a\.|примечани[еяй](?:\s+автора)?|от\s+автора|
      примітк[аи](?:\s+автора)?|作者的话|作者有话说|后记|後記|あとがき|작가의\s*말|후기)\b
    |\b(?:gracias\s+por\s+leer|dejen\s+(?:sus\s+)?(?:comentarios|reviews)|comenten|
      merci\s+(?:de|d['’]avoir|pour)\s+(?:m['’]avoir\s+)?(?:lu|lire|lue|la\s+lecture)|
      danke\s+fürs\s+lesen|viel\s+spaß|dziękuję\s+za|terima\s+kasih|selamat\s+membaca|
      grazie\s+(?:per|a\s+tutt[ie])|obrigad[oa]\s+por|спасибо\s+за\s+(?:прочтение|внимание|отзывы)|
      спасибо,?\s+что\s+(?:прочитали|дочитали)|дякую\s+за|感谢阅读|谢谢(?:大家)?(?:阅读|观看|看到这里)|
      読んでいただき|감사합니다)
    |\b(?:written\s+for|gift\s+for|a\s+gift\s+for|(?:for|in)\s+(?:the|a|my)\s+[\w\s-]{0,30}
      (?:exchange|challenge|fest|bang|prompt|prompts)|(?:prompt|exchange|challenge)\s*[:#]|
      beta(?:'d|ed)?|concrit|feedback|rated\s+(?:[GKTMR]\+?|PG(?:-13)?|NC-17|MA|fiction)(?=[\s.,!;:]|$))
    |(?:\^_*\^|\^\^|\bx\s?d\b|:\s?[)(dp]|;\s?\)|-_-|o\.o|<3|\bmwa(?:ha)+|\blol\b|\bteehee)
    """
)
# A header field in any language the fields know, with a colon: "Рейтинг: R", "分级：R18".
_FIELD = re.compile(r"(?im)^\W{0,3}(?:" + FIELD_KEYS + r")\W{0,2}[ \t]*[:：]")
# A paragraph whose last line is a field's name alone ("Summary:"): its value stands below.
_ENDS_WITH_LABEL = re.compile(r"(?i)(?:^|\n)\W{0,3}(?:" + FIELD_KEYS + r")\W{0,2}[ \t]*[:：]\s*$")
_DIALOGUE = re.compile(r'["“][^"”]{2,}["”]')


_CREDIT = re.compile(r"^[\"“«][^\"”»]{1,80}[\"”»]\s*(?:by|-|–|—)\s+\w")


def note_score(text: str) -> int:
    """How strongly a paragraph reads as the author speaking about the fic. A paragraph that
    opens with dialogue is the story's, unless it is a credit ("Song" by Artist)."""
    head = text[:2000]
    if head[:1] in '"“«' and not _CREDIT.match(head):
        return note_cues(head)
    return len(_STRONG.findall(head)) + note_cues(head) + (1 if _FIELD.match(head) else 0)


_SPEAKER_LINE = re.compile(r"^\[?[\w .'’\-]{1,24}\]?\s*:\s+\S")


def chat_lines(text: str) -> bool:
    """Two or more lines, each a speaker and what they say ("hinata: GUYS"), none of them a
    header field: a chat log or a script, which is story."""
    lines = text.split("\n")
    return (
        len(lines) >= 2
        and all(_SPEAKER_LINE.match(line) for line in lines)
        and not any(_FIELD.match(line) for line in lines)
    )


def unit_score(unit: Unit) -> int:
    """note_score of a unit's text, worked out once: the layout asks about a unit often."""
    if unit.note is None:
        unit.note = 0 if chat_lines(unit.text) else note_score(unit.text)
    return unit.note


def word_count(text: str) -> int:
    """Words in any script: in Chinese or Japanese, each character (text.words)."""
    return count_words(text)


def is_storyish(unit: Unit) -> bool:
    """A paragraph with no note signal that is long or holds dialogue."""
    return word_count(unit.text) > 16 or bool(_DIALOGUE.search(unit.text))


def _hard(unit: Unit) -> bool:
    return unit.hint in ("scene_break", "chapter", "flash_start", "flash_end") or bool(unit.marker)


def plain_sentence(unit: Unit) -> bool:
    """A sentence of story length that says nothing about the fic."""
    return word_count(unit.text) >= 6 and not unit.para.meta and unit_score(unit) == 0


def leading_notes(units: list[Unit], start: int = 0, limit: int = 40) -> int:
    """The index just past the author's notes at the top of units[start:]."""
    last = start - 1
    i = start
    follow_label = False
    plain = 0  # story-like paragraphs in a row: two of them start the story
    while i < len(units) and i - start < limit:
        unit = units[i]
        if unit.para.meta or unit.hint == "note_label":
            last, follow_label = i, unit.hint == "note_label"
        elif unit.marker and unit.hint is None and unit_score(unit) > 0:
            last = i  # a whole note in italics
        elif _hard(unit) or unit.hint == "heading":
            break
        elif unit_score(unit) > 0 or follow_label:
            last, follow_label = i, bool(_ENDS_WITH_LABEL.search(unit.text))
        elif is_storyish(unit) and _summary_above_note(units, start, i):
            last = i  # an unlabelled summary, the author's note right under it
        elif is_storyish(unit):
            break
        plain = plain + 1 if plain_sentence(unit) else 0
        if plain >= 2:
            break
        i += 1
    return last + 1


def _summary_above_note(units: list[Unit], start: int, i: int) -> bool:
    """The first paragraph of the top, with a paragraph plainly the author's (two signs or
    more: "This is a Kael/Rhosyn fic ... Rated M") right under it: a summary, not story."""
    if i != start or i + 1 >= len(units):
        return False
    nxt = units[i + 1]
    return not _hard(nxt) and nxt.hint is None and unit_score(nxt) >= 2 and not chat_lines(nxt.text)


def trailing_notes(units: list[Unit], start: int, limit: int = 40) -> int:
    """The index where the author's notes at the bottom of units[start:] begin."""
    end = len(units)
    first = end
    middle = start + (end - start) // 2
    for i in range(end - 1, max(middle, start) - 1, -1):
        if units[i].hint == "note_label":
            first = i
            break
        if units[i].hint == "chapter":
            break
    j = first - 1
    plain = 0
    while j >= start and end - j < limit:
        unit = units[j]
        if unit.hint == "note_label" or unit.para.meta:
            first = j
        elif unit.marker and unit.hint is None and unit_score(unit) > 0:
            first = j
        elif _hard(unit):
            break
        elif unit_score(unit) > 0:
            first = j
        elif is_storyish(unit):
            break
        plain = plain + 1 if plain_sentence(unit) else 0
        if plain >= 2:
            break
        j -= 1
    return first


_LABELLED_NOTE = re.compile(
    r"(?i)^\W{0,3}(?:a/n|a\.n\.|n/a|author'?s?'?\s*notes?|notes?|disclaimer|warnings?|"
    r"(?:" + FIELD_KEYS + r"))\W{0,2}\s*[:：\-]"
)


def labelled_note(unit: Unit) -> bool:
    """A note by its form, whatever it says: a page's metadata, a note label, a paragraph
    that opens with "A/N:", "Disclaimer:" or a header field."""
    return unit.para.meta or unit.hint == "note_label" or bool(_LABELLED_NOTE.match(unit.text))


def notes_text(units: list[Unit]) -> str | None:
    parts = [u.para.text.strip() for u in units if u.hint != "note_label" or len(units) == 1]
    text = "\n\n".join(p for p in parts if p)
    return text or None
