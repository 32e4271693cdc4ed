"""parse_document: bytes or text of a fic in any format to a ParsedWork."""

from __future__ import annotations

import re

from .byline import find_author
from .chapters import Layout, layout, title_fandoms, title_text
from .chrome import strip_chrome
from .classify import classify
from .decode import check_size
from .errors import ImportRefused
from .fields import Field, find_fields
from .lexicon import Lexicon, load_lexicon
from .metadata import find_label_in_notes
from .model import Block, Chapter, Evidence, ParsedWork
from .notes import unit_score
from .progress import chapters_expected
from .readers import FORMATS, guess_format, read
from .render import render_chapter
from .source import Document
from .tagging import fill_tags
from .units import Unit, clean, make_unit
from .words import count_words


def parse_document(
    data: bytes | str,
    filename: str | None = None,
    fmt: str | None = None,
    lexicon: Lexicon | None = None,
) -> ParsedWork:
    """Read a fic (txt, md, html, docx or epub; bytes or str) into a ParsedWork.

    fmt is one of auto, txt, md, html, docx, epub; by default it is guessed from the file name
    and the first bytes. Raises ImportRefused for input it will not read.
    """
    if not isinstance(data, bytes | str):
        raise ImportRefused("the input is neither bytes nor text")
    check_size(data)
    if fmt in (None, "", "auto"):
        fmt = guess_format(data, filename)
    if fmt not in FORMATS:
        raise ImportRefused(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    doc = read(data, fmt)
    strip_chrome(doc)
    if not any(p.text.strip() for p in doc.paras):
        raise ImportRefused("the document holds no text")
    units = [make_unit(p) for p in doc.paras]
    plan = layout(units)
    work = ParsedWork(source_format=fmt)
    _fill_chapters(work, plan)
    _fill_metadata(work, plan, doc, lexicon or load_lexicon())
    _fill_progress(work, plan, doc.facts, doc.text)
    work.notes_start = _without_credits(work.notes_start, work)
    _add_context(work, doc.text)
    return work


_SUMMARY_LABEL = re.compile(
    r"(?i)^\W*(?:summary|résumé|resumen|sinopse|zusammenfassung)\s*[:：]?\W*$"
)


def _without_credits(notes: str | None, work: ParsedWork) -> str | None:
    """The work's notes without the lines that only gave its title, author or summary (a
    copied page's title and creator lines, its "Summary:" and the summary under it)."""
    if not notes:
        return notes
    title = (work.title or "").strip().casefold()
    author = (work.author or "").strip().casefold()
    summary = {line.strip().casefold() for line in (work.summary or "").split("\n") if line.strip()}
    keep = []
    for line in notes.split("\n"):
        low = re.sub(r"^follow\s*/\s*fav\s*", "", line.strip().casefold())  # FFN's button
        bare = re.sub(r"^(?:by|written by)\s*:?\s+", "", low)
        if low and (
            low == title
            or (author and bare == author)
            or low in summary
            or _SUMMARY_LABEL.match(low)
        ):
            continue
        keep.append(line)
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(keep)).strip()
    return text or None


def _fill_progress(work: ParsedWork, plan: Layout, facts: dict[str, str], text: str) -> None:
    """Chapters expected, the page's own facts, and a summary only the page's header gave."""
    regions = [(u.para.source, u.start) for u in [*plan.notes_start, *plan.notes_end]]
    last = plan.chapters[-1]
    last_regions = [(u.para.source, u.start) for u in [*last.notes_start, *last.notes_end]]
    expected, spans = chapters_expected(regions, last_regions, len(work.chapters))
    work.chapters_expected = expected
    work.add_evidence("chapters_expected", spans)
    work.site_meta = {k: v for k, v in facts.items() if k.startswith("current_")}
    summary = facts.get("summary")
    at = text.find(summary) if summary and not work.summary else -1
    if summary and at >= 0:
        work.summary, work.confidence["summary"] = summary, 0.8
        work.add_evidence("summary", [Evidence(at, at + len(summary), summary)])


CONTEXT_CHARS = 160


def _add_context(work: ParsedWork, text: str) -> None:
    """Give each evidence span the line it stands in (cut to a readable length around it)."""
    for spans in work.evidence.values():
        for span in spans:
            line_start = text.rfind("\n", 0, span.start) + 1
            line_end = text.find("\n", span.end)
            line_end = len(text) if line_end == -1 else line_end
            start = max(line_start, span.start - CONTEXT_CHARS // 2)
            end = min(line_end, max(span.end, start + CONTEXT_CHARS))
            snippet = " ".join(text[start:end].split())
            if start > line_start:
                snippet = "…" + snippet
            if end < line_end:
                snippet += "…"
            span.context = snippet


def _notes(units: list[Unit]) -> str | None:
    """The notes' text, lines that followed each other in the source still one under another."""
    out = ""
    for u in units:
        text = clean(u.para.text) if u.hint != "note_label" else ""
        if text:
            out += ("\n" if u.para.gap == 0 else "\n\n") * bool(out) + text
    return out or None


def _span(units: list[Unit], text: str) -> list[Evidence]:
    if not units:
        return []
    start, end = units[0].start, units[-1].end
    return [Evidence(start, end, text[start:end] if len(text) > end else "")]


def _blocks(units: list[Unit]) -> list[Block]:
    blocks: list[Block] = []
    for u in units:
        if u.kind == "lyric":
            blocks.extend(Block("lyric", line.strip()) for line in u.text.split("\n") if line)
        else:
            blocks.append(Block(u.kind, u.text.replace("\n", " "), u.tense))
    return blocks


def _fill_chapters(work: ParsedWork, plan: Layout) -> None:
    for part in plan.chapters:
        classify(part.body)
        chapter = Chapter(
            label=part.heading.label if part.heading else None,
            title=part.heading.title if part.heading else None,
            notes_start=_notes(part.notes_start),
            notes_end=_notes(part.notes_end),
            blocks=_blocks(part.body),
            html=render_chapter(part.body),
        )
        chapter.words = sum(count_words(u.text) for u in part.body)
        work.chapters.append(chapter)
    work.words = sum(c.words for c in work.chapters)
    work.notes_start = _notes(plan.notes_start)
    work.notes_end = _notes(plan.notes_end)


def _unlabelled_summary(notes: list[Unit]) -> bool:
    """The work's notes open under its title with a paragraph that says nothing of the fic,
    notes proper after it: that paragraph is the summary."""
    if len(notes) < 2:
        return False
    first = notes[0]
    return (
        first.hint is None
        and not first.para.meta
        and not first.marker
        and unit_score(first) == 0
        and 4 <= len(first.text.split()) <= 120
        and first.text.rstrip()[-1:] in '.!?…"”)'  # sentences, not a subtitle
        and any(unit_score(u) > 0 for u in notes[1:3])
    )


def _fill_metadata(work: ParsedWork, plan: Layout, doc: Document, lex: Lexicon) -> None:
    meta_title, doc_text = doc.title, doc.text
    note_units = [*plan.notes_start, *plan.notes_end]
    for part in plan.chapters:
        note_units += [*part.notes_start, *part.notes_end]
    notes = [(u.para.source, u.start) for u in note_units]
    titles = [(u.para.source, u.start) for u in ([plan.title] if plan.title else [])]
    story = [(u.para.source, u.start) for part in plan.chapters for u in part.body]
    fields = find_fields(notes)
    conf = work.confidence

    if meta_title:
        work.title, conf["title"] = meta_title, 0.95
        at = doc_text.find(meta_title)
        if at >= 0:
            work.add_evidence("title", [Evidence(at, at + len(meta_title), meta_title)])
    elif fields.get("title"):
        f = fields["title"][0]
        work.title, conf["title"] = f.value, 0.9
        work.add_evidence("title", [Evidence(f.start, f.end, f.value)])
    elif plan.title:
        name = title_text(plan.title)
        at = max(plan.title.para.source.find(name), 0)
        start = plan.title.start + at
        work.title, conf["title"] = name, 0.7
        work.add_evidence("title", [Evidence(start, start + len(name), name)])
    author = find_author(doc.facts, fields, plan.title, plan.notes_start, doc_text)
    if author:
        work.author, conf["author"] = author[0], 0.8
        work.add_evidence("author", [author[1]])
    if fields.get("summary"):
        f = fields["summary"][0]
        work.summary, conf["summary"] = f.value, 0.9
        work.add_evidence("summary", [Evidence(f.start, f.end, f.value)])
    elif plan.title and _unlabelled_summary(plan.notes_start):
        u = plan.notes_start[0]
        work.summary, conf["summary"] = u.text.replace("\n", " "), 0.5
        work.add_evidence("summary", [Evidence(u.start, u.end, u.para.source)])

    bracketed = title_fandoms(plan.title) if plan.title else None
    if bracketed and not fields.get("fandom"):
        at = plan.title.start + bracketed[1]
        value = bracketed[0].replace("/", ",")  # "[Worm/Naruto]": each a fandom
        fields["fandom"] = [Field("fandom", value, at, at + len(value))]
    fill_tags(work, lex, notes, titles, story, fields)

    if len(work.chapters) == 1 and work.chapters[0].label is None:
        label = find_label_in_notes(notes)
        if label:
            work.chapters[0].label = label[0]
            work.add_evidence("chapters.label", [label[1]])

    for name, units in (("notes_start", plan.notes_start), ("notes_end", plan.notes_end)):
        if units:
            conf[name] = 0.7
            work.add_evidence(name, [Evidence(u.start, u.end, u.para.source) for u in units])
    conf["chapters"] = 0.8
