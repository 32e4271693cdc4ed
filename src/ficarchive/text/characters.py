"""The one rule for the characters of user text, wherever it comes from.

Text an author, reader or document gives is cleaned on its way in (`clean_text`): line endings
become "\\n", the characters XML 1.0 cannot carry are dropped (C0 controls but tab and newline,
U+FFFE, U+FFFF, lone surrogates), so are DEL and the C1 controls (invisible, and never meant in
prose), and the rest is put in Unicode NFC, so that the same words are stored the same way.

Whatever is already stored passes through `xml_safe` on its way out, in every serializer (feeds,
OPDS, downloads), so that a row written before the rule, or by another road, cannot make a file
or a feed fail for its readers.
"""

from __future__ import annotations

import re
import unicodedata

# Everything but tab, newline, carriage return and the characters XML 1.0 allows outside the
# control ranges. DEL and C1 (U+007F-U+009F) are allowed by XML 1.0 but discouraged; they are
# dropped too.
_NOT_TEXT = re.compile("[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
# Line breaks in their many spellings (CR LF, CR, vertical tab, form feed, NEL, the Unicode
# line and paragraph separators).
_LINE_BREAKS = re.compile("\r\n?|[\x0b\x0c\x85\u2028\u2029]")


def xml_safe(value: object) -> str:
    """`value` as text every serializer can carry: the characters the rule forbids dropped."""
    text = value if isinstance(value, str) else str(value)
    return _NOT_TEXT.sub("", text)


def clean_text(text: str) -> str:
    """Text as it is stored: line endings as "\\n", forbidden characters dropped, NFC."""
    if text.isascii() and text.isprintable():
        return text
    text = _LINE_BREAKS.sub("\n", text)
    return unicodedata.normalize("NFC", _NOT_TEXT.sub("", text))


def clean_data(value):
    """`clean_text` through a JSON-like value (dicts, lists and strings; keys too)."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_data(k): clean_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_data(v) for v in value]
    return value
