"""The one allow-list sanitizer for every piece of user HTML in the archive.

Fiction needs paragraphs, emphasis, centred text, rules, lists, quotes, headings, links,
images by URL and ruby; everything else (scripts, styles, event handlers, forms, frames)
is removed. Plain text is turned into paragraphs first: a blank line starts a new one.
"""

from __future__ import annotations

import html
import re

import nh3

FICTION_TAGS = frozenset(
    {
        "p", "br", "hr", "div", "span",
        "em", "i", "strong", "b", "u", "s", "strike", "del", "ins", "small", "big",
        "sub", "sup", "cite", "q", "abbr", "dfn", "code", "pre", "kbd", "tt",
        "blockquote", "center",
        "ul", "ol", "li", "dl", "dt", "dd",
        "h1", "h2", "h3", "h4", "h5", "h6",
        "a", "img",
        "ruby", "rt", "rp",
        "table", "thead", "tbody", "tr", "th", "td", "caption",
        "details", "summary",
    }
)  # fmt: skip

FICTION_ATTRIBUTES = {
    "*": {"title", "dir", "lang", "class"},  # class: for the work's skin (skins/) to style
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height"},
    "abbr": {"title"},
    "ol": {"start", "type"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
}

ALIGN_VALUES = {"p": {"align": {"center", "left", "right", "justify"}},
                "div": {"align": {"center", "left", "right", "justify"}}}  # fmt: skip

# Comment and bio HTML is plainer: no headings, images or tables.
COMMENT_TAGS = frozenset(
    {"p", "br", "em", "i", "strong", "b", "u", "s", "strike", "del", "blockquote",
     "a", "ul", "ol", "li", "code", "sub", "sup", "small", "cite", "q", "abbr"}
)  # fmt: skip

_HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*[^<>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n")


def looks_like_html(text: str) -> bool:
    """True when the text carries markup rather than being plain prose."""
    return bool(_HTML_TAG.search(text))


def paragraphs_from_plain_text(text: str) -> str:
    """Plain text to HTML: blank lines separate paragraphs, single newlines become <br>."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    parts = []
    for block in _BLANK_LINES.split(text):
        block = block.strip()
        if block:
            lines = [html.escape(line.strip(), quote=False) for line in block.split("\n")]
            parts.append("<p>" + "<br>\n".join(lines) + "</p>")
    return "\n".join(parts)


_DROPPED_WITH_CONTENT = {"script", "style", "template", "iframe", "object", "noscript"}
_URL_SCHEMES = {"http", "https", "mailto"}


def _clean(text: str, **allowed) -> str:
    """nh3 with the archive's common rules; plain text becomes paragraphs first."""
    if not text or not text.strip():
        return ""
    if not looks_like_html(text):
        text = paragraphs_from_plain_text(text)
    return nh3.clean(
        text,
        clean_content_tags=set(_DROPPED_WITH_CONTENT),
        url_schemes=set(_URL_SCHEMES),
        **allowed,
    ).strip()


def sanitize_fiction_html(text: str) -> str:
    """Clean a chapter body, summary or notes."""
    return _clean(
        text,
        tags=set(FICTION_TAGS),
        attributes={k: set(v) for k, v in FICTION_ATTRIBUTES.items()},
        tag_attribute_values={
            k: {a: set(vals) for a, vals in v.items()} for k, v in ALIGN_VALUES.items()
        },
        link_rel="noopener noreferrer nofollow",
    )


def sanitize_comment_html(text: str) -> str:
    """Clean a comment or profile bio: a plainer allow-list than fiction."""
    return _clean(
        text,
        tags=set(COMMENT_TAGS),
        attributes={"a": {"href"}, "abbr": {"title"}},
        link_rel="noopener noreferrer nofollow ugc",
    )


_BLOCK_BOUNDARY = re.compile(
    r"<\s*/?\s*(?:p|div|br|hr|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|pre|tr|td|th|table|center)\b[^>]*>",
    re.IGNORECASE,
)


_PRE = re.compile(r"(<pre\b.*?</pre\s*>)", re.IGNORECASE | re.DOTALL)
_WHITESPACE = re.compile(r"\s+")
_LINE_EDGES = re.compile(r"[ \t]*\n[ \t]*")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")


def _fold_source_whitespace(fragment: str) -> str:
    """Line breaks in HTML source are spaces (outside <pre>): only markup makes new lines."""
    parts = _PRE.split(fragment)
    return "".join(p if i % 2 else _WHITESPACE.sub(" ", p) for i, p in enumerate(parts))


def html_to_plain_text(fragment: str) -> str:
    """The words of an HTML fragment, tags removed, entities decoded, blocks on their own lines
    (a blank line between paragraphs, one line break for <br>)."""
    folded = _fold_source_whitespace(fragment or "")
    spaced = _BLOCK_BOUNDARY.sub(lambda m: "\n" + m.group(0), folded)
    stripped = nh3.clean(spaced, tags=set(), clean_content_tags={"script", "style"})
    text = _LINE_EDGES.sub("\n", html.unescape(stripped))
    return _MANY_BLANK_LINES.sub("\n\n", text).strip()
