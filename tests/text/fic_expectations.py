"""Checks a parsed work (its to_dict()) against an expectations JSON as in shared/seeds.

Lists: a plain list must match exactly (order aside); {"required": [...], "allowed": [...]}
needs every required value (an inner list is a set of alternatives) and flags any other value
as a false positive. Strings: a plain value must be equal; a dict may ask contains,
starts_with, ends_with, excludes. "chapters" holds checks on the chapters and their blocks.
"""

from __future__ import annotations

from typing import Any

LIST_FIELDS = (
    "archive_warnings",
    "categories",
    "fandoms",
    "relationships",
    "characters",
    "freeform_tags",
)
TEXT_FIELDS = ("title", "summary", "language", "rating", "rating_as_written", "disclaimer",
               "notes_start", "notes_end")  # fmt: skip


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def check_list(name: str, found: list[str], expected: Any) -> list[str]:
    errors = []
    if isinstance(expected, list):
        if sorted(found) != sorted(expected):
            errors.append(f"{name}: expected {sorted(expected)}, found {sorted(found)}")
        return errors
    known: set[str] = set(expected.get("allowed", []))
    for item in expected.get("required", []):
        options = _as_list(item)
        known.update(options)
        if not any(o in found for o in options):
            errors.append(f"{name}: missing {options}")
    for value in found:
        if value not in known:
            errors.append(f"{name}: false positive {value!r}")
    return errors


def check_text(name: str, found: str | None, expected: Any) -> list[str]:
    if not isinstance(expected, dict):
        return [] if found == expected else [f"{name}: expected {expected!r}, found {found!r}"]
    if found is None:
        return [f"{name}: missing"]
    errors = []
    for part in _as_list(expected.get("contains", [])):
        if part not in found:
            errors.append(f"{name}: does not contain {part!r}")
    if "starts_with" in expected and not found.startswith(expected["starts_with"]):
        errors.append(f"{name}: does not start with {expected['starts_with']!r}: {found[:80]!r}")
    if "ends_with" in expected and not found.endswith(expected["ends_with"]):
        errors.append(f"{name}: does not end with {expected['ends_with']!r}: {found[-80:]!r}")
    for part in expected.get("excludes", []):
        if part in found:
            errors.append(f"{name}: holds {part!r}")
    return errors


def check_chapters(chapters: list[dict[str, Any]], expected: dict[str, Any]) -> list[str]:
    errors = []
    blocks = [b for c in chapters for b in c["blocks"]]
    if "count" in expected and len(chapters) != expected["count"]:
        errors.append(f"chapters: expected {expected['count']}, found {len(chapters)}")
    if "label" in expected and (not chapters or chapters[0]["label"] != expected["label"]):
        errors.append(f"chapters.label: expected {expected['label']!r}")
    for key in ("labels", "titles"):
        if key in expected:
            found = [c[key[:-1]] for c in chapters]
            if found != expected[key]:
                errors.append(f"chapters.{key}: expected {expected[key]}, found {found}")
    if "notes" in expected:
        for i, (chapter, notes) in enumerate(zip(chapters, expected["notes"], strict=False)):
            for key, want in notes.items():
                errors += check_text(f"chapters[{i}].{key}", chapter[key], want)
    if "first_block" in expected:
        want = expected["first_block"]
        got = blocks[0] if blocks else {}
        if got.get("kind") != want["kind"] or got.get("text") != want["text"]:
            errors.append(f"chapters.first_block: expected {want}, found {got}")
    if "last_block_text_contains" in expected:
        last = blocks[-1]["text"] if blocks else ""
        if expected["last_block_text_contains"] not in last:
            errors.append(f"chapters.last_block: {last!r}")
    if "lyric_lines" in expected:
        lyrics = sum(1 for b in blocks if b["kind"] == "lyric")
        if lyrics != expected["lyric_lines"]:
            errors.append(
                f"chapters.lyric_lines: expected {expected['lyric_lines']}, found {lyrics}"
            )
    if "flashback_paragraphs" in expected:
        want = expected["flashback_paragraphs"]
        flash = [b["text"] for b in blocks if b["kind"] == "flashback"]
        if len(flash) != want["count"]:
            errors.append(f"chapters.flashback: expected {want['count']}, found {len(flash)}")
        if (
            flash
            and "first_starts_with" in want
            and not flash[0].startswith(want["first_starts_with"])
        ):
            errors.append(f"chapters.flashback first: {flash[0][:60]!r}")
        if flash and "last_text" in want and flash[-1] != want["last_text"]:
            errors.append(f"chapters.flashback last: {flash[-1]!r}")
    for kind, count in expected.get("kinds", {}).items():
        found = sum(1 for b in blocks if b["kind"] == kind)
        if found != count:
            errors.append(f"chapters.kinds.{kind}: expected {count}, found {found}")
    for want in expected.get("tense", []):
        match = [b for b in blocks if b["text"].startswith(want["starts_with"])]
        if not match:
            errors.append(f"chapters.tense: no block starts with {want['starts_with']!r}")
        elif match[0]["tense"] != want["tense"]:
            errors.append(
                f"chapters.tense: {want['starts_with']!r} is {match[0]['tense']}, not {want['tense']}"
            )
    html = "\n".join(c["html"] for c in chapters)
    for bad in expected.get("html_has_no", []):
        if bad in html:
            errors.append(f"chapters.html holds {bad!r}")
    for good in expected.get("html_has", []):
        if good not in html:
            errors.append(f"chapters.html lacks {good!r}")
    return errors


def check_expected(work: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Every way the parsed work differs from what a careful reader expects."""
    errors: list[str] = []
    for name in LIST_FIELDS:
        if name in expected:
            errors += check_list(name, work[name], expected[name])
    for name in TEXT_FIELDS:
        if name in expected:
            errors += check_text(name, work[name], expected[name])
    if "song_credits" in expected:
        found = sorted((s["title"], s["artist"]) for s in work["song_credits"])
        want = sorted((s["title"], s.get("artist")) for s in expected["song_credits"])
        if found != want:
            errors.append(f"song_credits: expected {want}, found {found}")
    if "chapters" in expected:
        errors += check_chapters(work["chapters"], expected["chapters"])
    for name, value in work.items():
        if name in (
            "evidence",
            "confidence",
            "chapters",
            "language",
            "source_format",
            "words",
            "chapters_expected",
            "site_meta",
            "unmatched",
            "defaults",
            "candidates",
        ):
            continue
        default = value in (None, [], "Not Rated") or name in work.get("defaults", [])
        if not default and name not in work["evidence"] and name != "title":
            errors.append(f"evidence: {name} has a value but no evidence")
    return errors
