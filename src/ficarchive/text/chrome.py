"""Site chrome in copied text, line by line, for every format: the navigation, buttons and
counters a reader copies along with a fic from FanFiction.net, Wattpad, the Archive of Our
Own or a journal. Chrome lines are dropped; a chapter menu line ("< Prev 2. Wind Next >") or
a Wattpad part header becomes the chapter's heading; the story header of a FanFiction.net
or Wattpad page becomes notes; what they state is kept in ``Document.facts``."""

from __future__ import annotations

import re
from dataclasses import replace

from .source import Document, Para

_DROP = re.compile(
    r"""(?ix)^\W*(?:
      follow\s*/\s*fav | review\s+this\s+(?:chapter|story) | review\s+for\s+chapter\s+\d+
    | post\s+review(?:\s+as\s+guest)? | just\s+in\s+community\s+forum.* | (?:help|privacy|terms\s+of\s+service)(?:\s*[·|]\s*(?:help|privacy|terms\s+of\s+service))+
    | continue\s+to\s+next\s+part | add\s+to\s+library
    | \(?see\s+the\s+end\s+of\s+the\s+(?:work|chapter)\s+for\s+(?:more\s+)?notes?\.?\)?
    | chapter\s+text | work\s+text: | entire\s+work | chapter\s+index | ←?\s*previous\s+chapter
    | next\s+chapter\s*→ | kudos\s*♥? | ↑\s*top | post\s+comment | leave\s+a\s+comment
    | \d+\s+comments? | comments\s*\(\d+\) | [\d,.]+[km]?\s+notes
    )\W*$"""
)
# A Wattpad counter line: "12.4K 873 61", "12.4K Reads · 873 Votes · 14 Parts".
_COUNTERS = re.compile(
    r"(?i)^(?:(?:reads|votes|parts|comments)?\s*[\d.,]+[kKmM]?\s*(?:reads|votes|parts|comments)?"
    r"\s*[·•|]?\s*){2,4}$"
)
# FanFiction.net's chapter menu as copied: "< Prev 2. Wind Next >", "1. Title Next >".
_MENU = re.compile(
    r"^(?P<prev><\s*Prev\s+)?(?P<num>\d{1,4})\.\s+(?P<title>.+?)(?P<next>\s+Next\s*>)?\s*$"
)
_FFN_STATS = re.compile(r"(?i)^Rated:\s*(?:Fiction\s+)?\S+\s+-\s+.*\bWords:\s*[\d,]+")
_FOLLOW_FAV = re.compile(r"(?i)^\s*follow\s*/\s*fav\s*")  # copied onto the title's line
_BY = re.compile(r"(?i)^by:?\s+(?P<name>\S+(?:\s+\S+)?)(?<![.!?,;])$")
_STOP = re.compile(r"(?i)^(?:you'll|you will|you may)\s+also\s+like\W*$")  # recommendations follow
_BUTTONS = re.compile(
    r"^(?:Vote|Comment|Comments|Share|Follow|Favorite|Favourite|Report|Bookmark|Download|"
    r"Subscribe|Mark for Later|Actions)$"
)
# AO3's stats as a copied page shows them; the work's title and author follow them.
_AO3_STATS = re.compile(r"(?i)^(?:stats:\s*)?published:\s*\d{4}-\d{2}-\d{2}\b.*\bwords:\s*[\d,]+")
_CURRENT = re.compile(r"(?i)^current\s+(mood|music|location)\s*:\s*(?P<value>.+)$")
# The Archive of Our Own's adult-content gate, copied along with a work behind it.
_GATE = re.compile(
    r"""(?ix)^\W*(?:
      this\s+work\s+could\s+have\s+adult\s+content\b.*
    | if\s+you\s+accept\s+cookies\s+from\s+our\s+site\b.*
    | (?:yes,?\s+continue|proceed)(?:\s+no,?\s+go\s+back)? | no,?\s+go\s+back
    )$"""
)
# A forum post's chrome (SpaceBattles, Sufficient Velocity, Questionable Questing): the
# poster's line, its date and number, reactions and buttons; a threadmark names the chapter.
_FORUM_DROP = re.compile(
    r"""(?ix)^\W*(?:
      click\s+to\s+(?:expand|shrink)\.*
    | (?:(?:like|informative|creative|love|funny|insightful|agree|hugs|rainbow|hmm)\s+x\s+[\d,]+\s*)+
    | reactions?:.* | last\s+edited(?:\s+by\s+a\s+moderator)?:.* | \#[\d,]+
    | reply | quote | report | watch | reader\s+mode | jump\s+to\s+new | \+\s*quote
    | threadmarks?(?:\s+view\s+all)? | (?:prev|next|first|last)(?:\s+(?:prev|next|first|last))*
    )\W*$"""
)
_FORUM_DATE = re.compile(
    r"(?i)^(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+"
    r"\d{4}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\s+\d{4})"
    r"(?:\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:am|pm)?)?(?:\s+\#[\d,]+)?$"
)
# The Archive of Our Own's TXT download: the line under the title, and the line that puts
# the work's end notes after the last chapter.
_POSTED = re.compile(r"(?i)^posted\s+originally\s+on\s+the\s+archive\s+of\s+our\s+own\b.*$")
_AFTERWORD = re.compile(r"^Afterword$")
_PIXIV_CHAPTER = re.compile(r"^\[chapter:[^\]\n]{1,100}\]$")  # pixiv's markup for a chapter
_THREADMARK = re.compile(r"(?i)^threadmarks?\s*:\s*(?P<title>\S.{0,100})$")
_LABELLED = re.compile(r"^[^\s:：]{1,20}[ \t]*[:：]")
_CRUMBS = re.compile(r"^[^»\n]{2,40}(?:\s»\s[^»\n]{2,60})+$")


def _lines(para: Para) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of a paragraph, as offsets in the document."""
    out = []
    pos = 0
    for line in para.text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((para.start + pos + lead, para.start + pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _piece(para: Para, text: str, start: int, end: int, **kw: object) -> Para:
    return replace(para, text=text[start:end], start=start, end=end, html=None, raw=None, **kw)


def strip_chrome(doc: Document) -> None:
    """Drop chrome lines and turn menus and part headers into chapter headings, in place."""
    text = doc.text
    paras: list[Para] = []
    state = {"menus": set(), "story_title": False, "story": False, "ao3": False, "end": False}
    for para in doc.paras:
        if state["end"]:
            para = replace(para, work_end=True)
        lines = _lines(para)
        if (
            para.heading
            or para.chapter_head
            or para.rule
            or len(lines) > 12
            or text[para.start : para.end] != para.text  # rebuilt by a reader: leave it be
        ):
            paras.append(para)
            state["story"] = state["story"] or not para.meta
            continue
        kinds = [_line_kind(text[s:e]) for s, e in lines]
        if all(k is None or k == "by" for k in kinds):
            paras.append(para)
            state["story"] = state["story"] or not para.meta
            continue
        paras.extend(_split(doc, para, list(zip(lines, kinds, strict=True)), state))
    doc.paras = paras
    _story_header(doc)
    _title_after_stats(doc)
    if doc.title is None and doc.facts.get("title"):
        doc.title = doc.facts["title"]


def _title_after_stats(doc: Document) -> None:
    """A copied AO3 page: the first short line after the metadata's stats is the title, the
    next the creator ("quietfern", "by quietfern", "quietfern, otherfern")."""
    found: list[str] = []
    for para in doc.paras[:30]:
        for line in para.text.split("\n"):
            line = line.strip()
            if not line:
                continue
            if _AO3_STATS.match(line):
                found = ["stats"]
            elif found == ["stats"]:
                if len(line.split()) > 12 or line[-1] in ".!?:,":
                    return
                doc.facts.setdefault("title", line)
                found.append(line)
            elif found:
                name = re.sub(r"(?i)^by\s+", "", line)
                if len(name.split()) <= 6 and name[-1] not in ".!?:" and not _LABELLED.match(line):
                    doc.facts.setdefault("author", name)
                return


def _split(doc: Document, para: Para, lines: list, state: dict) -> list[Para]:
    text = doc.text
    out: list[Para] = []
    keep: list[tuple[int, int, str | None]] = []
    header = any(k in ("stats", "counters") for _, k in lines)

    def flush() -> None:
        if keep:
            meta = para.meta or header or any(k == "by" for *_, k in keep)
            out.append(_piece(para, text, keep[0][0], keep[-1][1], meta=meta))
            keep.clear()

    for (s, e), kind in lines:
        line = text[s:e]
        if kind == "stop":
            break
        if kind == "posted":  # the title stands above it
            if keep and keep[-1][2] is None:
                a, b, _ = keep.pop()
                doc.facts.setdefault("title", text[a:b])
                out.append(_piece(para, text, a, b, meta=True))
            state["ao3"] = True
            flush()
            continue
        if kind == "afterword":
            if state["ao3"]:
                flush()
                state["end"] = True
                continue
            kind = None
        if kind == "drop" or (kind == "crumbs" and state["story"]):
            flush()
        elif kind == "forum_date":
            # the poster's name stands on the line above the post's date
            if keep and keep[-1][2] is None and len(text[keep[-1][0] : keep[-1][1]].split()) <= 4:
                a, b, _ = keep.pop()
                doc.facts.setdefault("author", text[a:b])  # the first post's is the author's
            flush()
        elif kind == "pixiv_chapter":
            flush()
            a, b = s + len("[chapter:"), e - 1
            out.append(_piece(para, text, a, b, chapter_head=True))
            state["story"] = True
        elif kind == "threadmark":
            flush()
            m = _THREADMARK.match(line)
            if m:
                a = s + m.start("title")
                title = text[a:e]
                if title not in state["menus"]:
                    state["menus"].add(title)
                    out.append(_piece(para, text, a, e, chapter_head=True))
                    state["story"] = True
        elif kind == "current":
            m = _CURRENT.match(line)
            if m:
                doc.facts[f"current_{m.group(1).lower()}"] = m.group("value").strip()
            flush()
        elif kind == "menu":
            flush()
            m = _MENU.match(line)
            if m and m.group("num") not in state["menus"]:
                state["menus"].add(m.group("num"))
                a, b = s + m.start("num"), s + m.end("title")
                out.append(_piece(para, text, a, b, chapter_head=True))
                state["story"] = True
        elif kind == "counters":
            # the line above a counter line is a Wattpad story title or part title
            titles = [i for i, (*_, k) in enumerate(keep) if k is None]
            if titles:
                a, b, _ = keep[titles[-1]]
                del keep[titles[-1] :]
                flush()
                if not state["story_title"] and re.search(r"(?i)reads|parts", line):
                    state["story_title"] = True
                    doc.facts.setdefault("title", text[a:b])
                    out.append(_piece(para, text, a, b, meta=True))
                else:
                    out.append(_piece(para, text, a, b, chapter_head=True))
                    state["story"] = True
        elif kind == "by" and state["story"] and header:
            flush()
        elif kind == "by" and header:
            m = _BY.match(line)
            if m:
                doc.facts.setdefault("author", m.group("name"))
            keep.append((s, e, kind))
        elif kind == "stats":
            keep.append((s, e, kind))
        else:
            keep.append((s, e, kind))
    flush()
    return out


def _story_header(doc: Document) -> None:
    """FanFiction.net's header as copied: title, "By: author", summary, then the stats line,
    on one paragraph or several."""
    lines: list[tuple[int, int]] = []
    for para in doc.paras[:12]:
        for s, e in _lines(para):
            if _FFN_STATS.match(doc.text[s:e]):
                return _read_story_header(doc, lines[-12:])
            lines.append((s, e))


def _read_story_header(doc: Document, lines: list[tuple[int, int]]) -> None:
    texts = [doc.text[s:e] for s, e in lines]
    for i in range(len(texts) - 1, 0, -1):
        m = _BY.match(texts[i])
        if m:
            doc.facts.setdefault("title", _FOLLOW_FAV.sub("", texts[i - 1]))
            doc.facts.setdefault("author", m.group("name"))
            if i + 1 < len(lines):
                doc.facts.setdefault("summary", doc.text[lines[i + 1][0] : lines[-1][1]])
            return


def _line_kind(line: str) -> str | None:
    if _GATE.match(line):
        return "drop"
    if _POSTED.match(line):
        return "posted"
    if line.startswith("[") and _PIXIV_CHAPTER.match(line):
        return "pixiv_chapter"
    if line.lower() == "[newpage]":
        return "drop"  # pixiv's page turn
    if _AFTERWORD.match(line):
        return "afterword"
    if len(line) > 120:  # a story line; of the chrome only FFN's stats line is this long
        return "stats" if line.startswith("Rated") and _FFN_STATS.match(line) else None
    if _STOP.match(line):
        return "stop"
    if _DROP.match(line) or _BUTTONS.match(line):
        return "drop"
    if _CRUMBS.match(line):
        return "crumbs"
    if _CURRENT.match(line):
        return "current"
    if _FFN_STATS.match(line):
        return "stats"
    m = _MENU.match(line)
    if m and (m.group("prev") or m.group("next")):
        return "menu"
    if len(line) <= 80 and _COUNTERS.match(line) and re.search(r"(?i)\d[km]\b|reads|votes", line):
        return "counters"
    if _BY.match(line):
        return "by"
    if _FORUM_DROP.match(line):
        return "drop"
    if _FORUM_DATE.match(line):
        return "forum_date"
    if _THREADMARK.match(line):
        return "threadmark"
    return None
