"""Importing fics: queue a document, read it in the task runner (in a child process with a
memory limit, imports/isolation.py), show the author what was found, and create a draft work
only when the author confirms. The request that uploads only stores the document."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from ficarchive.tags.fixed import CATEGORIES, RATINGS, WARNINGS
from ficarchive.text import ImportRefused
from ficarchive.text.characters import clean_text
from ficarchive.text.sanitize import sanitize_fiction_html
from ficarchive.works import services as work_services
from ficarchive.works.chapters import add_chapter
from ficarchive.works.languages import LANGUAGE_NAMES
from ficarchive.works.models import Work

from .models import PendingImport
from .reading import check_size, read_document, read_import

KEEP_PENDING = timedelta(days=1)

# Posting-form field -> the key of the import JSON that fills it (and holds its evidence).
FIELD_SOURCES = {
    "title": "title",
    "summary": "summary",
    "notes": "notes_start",
    "end_notes": "notes_end",
    "rating": "rating",
    "warnings": "archive_warnings",
    "categories": "categories",
    "fandoms": "fandoms",
    "relationships": "relationships",
    "characters": "characters",
    "freeforms": "freeform_tags",
    "language": "language",
}


def active_imports(user=None):
    active = PendingImport.objects.filter(status__in=PendingImport.ACTIVE)
    return active.filter(user=user) if user is not None else active


@transaction.atomic
def queue_import(user, data: bytes | str, *, filename: str = "", fmt: str | None = None):
    """Keep a document for the task runner to read (tasks.read_import), within the limits on
    imports being read at once: IMPORTS_ACTIVE_PER_USER for one author, IMPORTS_ACTIVE_PER_SITE
    for the archive. Raises ImportRefused when a limit is reached; the upload is not kept."""
    check_size(data)
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # one at a time
    if active_imports(user).count() >= settings.IMPORTS_ACTIVE_PER_USER:
        raise ImportRefused(
            "you have imports being read already; wait until they are ready, then try again"
        )
    if active_imports().count() >= settings.IMPORTS_ACTIVE_PER_SITE:
        raise ImportRefused("the archive is reading many imports right now; try again shortly")
    forget_old_imports()
    pending = PendingImport.objects.create(
        user=user, filename=clean_text(filename)[:255], format=fmt or "",
        status=PendingImport.QUEUED, document=data.encode() if isinstance(data, str) else data,
    )  # fmt: skip
    read_import.enqueue(pending.pk)
    return pending


def start_import(user, data: bytes | str, *, filename: str = "", fmt: str | None = None):
    """Read a document at once and keep the result for `user` to confirm (for commands and
    tests; the import page queues it instead)."""
    parsed = read_document(data, filename=filename, fmt=fmt)
    forget_old_imports()
    filename = clean_text(filename)[:255]
    return PendingImport.objects.create(user=user, filename=filename, parsed=parsed)


def forget_old_imports() -> None:
    PendingImport.objects.filter(created_at__lt=timezone.now() - KEEP_PENDING).delete()


def form_initial(parsed: dict, user) -> dict:
    """The posting form's starting values from what the reader found."""
    chapters = parsed.get("chapters") or []
    rating = parsed.get("rating")
    language = parsed.get("language") or "en"
    return {
        "title": parsed.get("title") or "",
        "summary": parsed.get("summary") or "",
        "notes": parsed.get("notes_start") or "",
        "end_notes": parsed.get("notes_end") or "",
        "rating": rating if rating in RATINGS else "Not Rated",
        "warnings": [w for w in parsed.get("archive_warnings") or [] if w in WARNINGS]
        or ["Creator Chose Not To Use Archive Warnings"],
        "categories": [c for c in parsed.get("categories") or [] if c in CATEGORIES],
        "fandoms": ", ".join(parsed.get("fandoms") or []),
        "relationships": ", ".join(parsed.get("relationships") or []),
        "characters": ", ".join(parsed.get("characters") or []),
        "freeforms": ", ".join(parsed.get("freeform_tags") or []),
        "language": language if language in LANGUAGE_NAMES else "en",
        "pseuds": [p.pk for p in user.pseuds.filter(is_default=True)],
        "chapters_expected": _chapters_expected(parsed, len(chapters)),
    }


def _chapters_expected(parsed: dict, found: int) -> int | None:
    """What the document says of the chapters to come: None when it says the work goes on
    ("this is just the prologue"), else at least the chapters it holds."""
    if "chapters_expected" not in parsed:
        return max(found, 1)
    expected = parsed["chapters_expected"]
    return None if expected is None else max(int(expected), found, 1)


def evidence_by_field(parsed: dict) -> dict[str, list[dict]]:
    """For each posting-form field, the words of the document its value came from: the exact
    span (`words`) and the line around it (`context`)."""
    evidence = parsed.get("evidence") or {}
    found: dict[str, list[dict]] = {}
    for field, source in FIELD_SOURCES.items():
        shown: list[dict] = []
        for span in evidence.get(source) or []:
            words = " ".join(str(span.get("text", "")).split())
            context = " ".join(str(span.get("context") or "").split())
            item = {"words": _cut(words), "context": context if context != words else ""}
            if words and item not in shown:
                shown.append(item)
        if shown:
            found[field] = shown[:6]
    return found


# Import JSON keys whose values the reader kept as written because no archive tag matched.
UNMATCHED_SOURCES = {"fandoms": "fandoms", "relationships": "relationships",
                     "characters": "characters"}  # fmt: skip


def field_notes(parsed: dict) -> dict[str, str]:
    """A line for the posting-form fields whose value the reader did not find as such: a
    default it chose, or names that are not yet the archive's tags."""
    notes: dict[str, str] = {}
    defaults = parsed.get("defaults") or []
    for field, source in FIELD_SOURCES.items():
        if source in defaults:
            value = ", ".join(parsed.get(source) or [])
            notes[field] = f"The text states none, so this is the default: {value}."
    unmatched = parsed.get("unmatched") or {}
    for field, source in UNMATCHED_SOURCES.items():
        names = unmatched.get(source) or []
        if names:
            shown = ", ".join(names[:6])
            notes[field] = f"Kept as written, not yet tags of this archive: {shown}."
    candidates = (parsed.get("candidates") or {}).get("characters") or []
    if candidates:
        line = f"Also named in the story, not tagged: {', '.join(candidates)}."
        notes["characters"] = " ".join(filter(None, [notes.get("characters"), line]))
    return notes


def _cut(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def chapter_outline(parsed: dict) -> list[dict]:
    """What the confirm page lists of each chapter."""
    outline = []
    for number, chapter in enumerate(parsed.get("chapters") or [], start=1):
        blocks = chapter.get("blocks") or []
        first = next((b["text"] for b in blocks if b.get("kind") != "scene_break"), "")
        outline.append(
            {
                "number": number,
                "label": chapter.get("label") or "",
                "title": chapter.get("title") or "",
                "words": chapter.get("words") or 0,
                "opening": first[:200],
                # the whole chapter, as it will be saved, for the page to unfold
                "html": sanitize_fiction_html(chapter.get("html") or ""),
                "kinds": sorted({b.get("kind") for b in blocks if b.get("kind") != "paragraph"}),
            }
        )
    return outline


@transaction.atomic
def create_draft(parsed: dict, work_fields: dict, series_fields: dict | None = None) -> Work:
    """The confirmed import as a draft work with every chapter, in one transaction."""
    chapters = parsed.get("chapters") or []
    if not chapters:
        raise ValueError("the document has no chapters to import")
    first, rest = chapters[0], chapters[1:]
    work = work_services.post_work(
        **work_fields,
        **(series_fields or {}),
        body=first.get("html") or "",
        chapter_title=first.get("title") or "",
        chapter_label=first.get("label") or "",
        chapter_notes=first.get("notes_start") or "",
        chapter_end_notes=first.get("notes_end") or "",
        draft=True,
    )
    for chapter in rest:
        add_chapter(
            work,
            body=chapter.get("html") or "",
            title=chapter.get("title") or "",
            label=chapter.get("label") or "",
            notes=chapter.get("notes_start") or "",
            end_notes=chapter.get("notes_end") or "",
        )
    return work


def import_as_draft(user, data: bytes, *, filename: str = "", fmt: str | None = None) -> Work:
    """Read a document and make it a draft of `user` at once (the bulk import: the author
    reviews the drafts afterwards on the dashboard)."""
    parsed = read_document(data, filename=filename, fmt=fmt)
    initial = form_initial(parsed, user)
    fandoms = [f.strip() for f in initial["fandoms"].split(",") if f.strip()]
    fields = {
        "pseuds": [user.default_pseud],
        "title": initial["title"] or _title_from_filename(filename),
        "rating": initial["rating"],
        "warnings": initial["warnings"],
        "categories": initial["categories"],
        "fandoms": fandoms or ["Unsorted Fandom"],
        "relationships": _split(initial["relationships"]),
        "characters": _split(initial["characters"]),
        "freeforms": _split(initial["freeforms"]),
        "summary": initial["summary"],
        "notes": initial["notes"],
        "end_notes": initial["end_notes"],
        "language": initial["language"],
        "chapters_expected": initial["chapters_expected"],
    }
    return create_draft(parsed, fields)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _title_from_filename(filename: str) -> str:
    stem = clean_text(filename).rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split()) or "Untitled"
