"""Bytes to text: size limit, encoding detection, mojibake repair, newline normalisation."""

from __future__ import annotations

import re

from .errors import ImportRefused

MAX_RAW_BYTES = 20 * 1024 * 1024

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Typical traces of UTF-8 read as Latin-1/cp1252: only then is ftfy worth its time.
_MOJIBAKE_HINT = re.compile(
    "[ÃÂâÐÑ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u2018-\u203a\u20ac\u2122]"
)
# Control characters, and the invisible ones that only break words and names apart when
# copied (zero-width space, word joiner, a byte-order mark inside the text, soft hyphen).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\u200b\u2060\ufeff\u180e\u00ad]")
# A zero-width joiner or non-joiner joins nothing beside a space, a line's end or punctuation.
_STRAY_JOINER = re.compile(
    r"[\u200c\u200d]+(?=[\s.,!?;:\"'”’)]|$)|(?:(?<=\s)|^)[\u200c\u200d]+", re.M
)
_NEWLINES = re.compile(r"\r\n?|\u2028|\u2029|\x0c")


def check_size(data: bytes | str, limit: int = MAX_RAW_BYTES) -> None:
    """Refuse input larger than the limit."""
    if len(data) > limit:
        raise ImportRefused(f"the file is larger than {limit // (1024 * 1024)} MB")


def looks_binary(data: bytes) -> bool:
    """True for bytes that are not text in any common encoding (NULs, many control bytes)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32 or b == 127)
    return controls > len(sample) * 0.02


def decode_bytes(data: bytes) -> str:
    """Decode raw bytes of a text document to a clean str, or raise ImportRefused."""
    check_size(data)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return clean_text(data[len(bom) :].decode(encoding))
            except UnicodeDecodeError as exc:
                raise ImportRefused(f"the file claims {encoding} but is not") from exc
    if looks_binary(data):
        raise ImportRefused("the file is binary, not a text document")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = _detect_and_decode(data)
    return clean_text(text)


def _detect_and_decode(data: bytes) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise ImportRefused("the file's encoding could not be recognised")
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        raise ImportRefused("the file's encoding could not be recognised") from exc
    if _CONTROL.search(text[:4096]) and len(_CONTROL.findall(text[:4096])) > 20:
        raise ImportRefused("the file is binary, not a text document")
    return text


def clean_text(text: str) -> str:
    """Normalise newlines, repair mojibake when there are signs of it, drop control and
    invisible characters."""
    check_size(text)
    text = _NEWLINES.sub("\n", text)
    if _MOJIBAKE_HINT.search(text):
        import ftfy

        text = ftfy.fix_text(
            text,
            unescape_html=False,
            normalization=None,
            uncurl_quotes=False,
            fix_line_breaks=False,
        )
    if "\x00" in text:
        raise ImportRefused("the file is binary, not a text document")
    return _STRAY_JOINER.sub("", _CONTROL.sub("", text))
