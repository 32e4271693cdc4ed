"""Chapter blocks to sanitized HTML: markers become emphasis, breaks become rules."""

from __future__ import annotations

import html

from .sanitize import sanitize_fiction_html
from .units import Unit


def _inline(unit: Unit, text: str | None = None) -> str:
    if unit.para.html is not None and text is None and not unit.marker:
        return unit.para.html
    return html.escape(text if text is not None else unit.text, quote=False).replace("\n", "<br>")


def render_chapter(units: list[Unit]) -> str:
    """The sanitized HTML body of a chapter's classified units."""
    out: list[str] = []
    verse: list[str] = []

    def flush() -> None:
        if verse:
            out.append("<blockquote><p>" + "<br>".join(verse) + "</p></blockquote>")
            verse.clear()

    for unit in units:
        kind = unit.kind
        if kind == "lyric":
            verse.extend(
                f"<em>{html.escape(line, quote=False)}</em>" for line in unit.text.split("\n")
            )
            continue
        flush()
        if kind == "scene_break":
            if unit.hint in ("flash_start", "flash_end") or any(c.isalpha() for c in unit.text):
                out.append(f'<p align="center"><em>{html.escape(unit.text, quote=False)}</em></p>')
            else:
                out.append("<hr>")
        elif kind == "heading":
            out.append(f"<h3>{html.escape(unit.text, quote=False)}</h3>")
        elif kind in ("flashback", "thought"):
            out.append(f"<p><em>{_inline(unit, unit.text)}</em></p>")
        elif kind == "letter":
            out.append(f"<blockquote><p>{_inline(unit)}</p></blockquote>")
        else:
            out.append(f"<p>{_inline(unit)}</p>")
    flush()
    return sanitize_fiction_html("\n".join(out))
