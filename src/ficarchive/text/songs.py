"""Song credits of a songfic: a Song or Music field, or the author crediting the lyrics in the
notes ("the song is 'X' by Y", "lyrics from X - Y", "Y's 'X'", "belong to Y ('X')"). One credit
per song, title and artist without trailing chatter."""

from __future__ import annotations

import re

from .fields import Field
from .model import Evidence, SongCredit

Region = tuple[str, int]
_Q = "\"“”'‘’"
_TITLE = r"[\"“'‘](?P<title>[^\"“”\n]{1,80}?)[\"”'’]"
_ARTIST = r"(?P<artist>[A-Z0-9][^\n.,!?;:()\"“”]{0,59})"
_SONG_WORD = r"(?i:\b(?:song|songs|lyrics?|songfic|music|soundtrack|inspired\s+by)\b)"
_PATTERNS = (
    # the song is "Title" by Artist / lyrics: "Title" - Artist
    re.compile(
        _SONG_WORD + r"[^\"“\n]{0,60}?" + _TITLE + r"\s*,?\s*"
        r"(?:(?i:by|from|performed\s+by|sung\s+by|belongs?\s+to|of)\s+|[-–—]\s*)" + _ARTIST
    ),
    # "Title" by Artist ... song
    re.compile(
        _TITLE + r"\s*,?\s*(?i:by|from|performed\s+by)\s+" + _ARTIST + r"[^\n]{0,80}?" + _SONG_WORD
    ),
    # lyrics are from Title - Artist (no quotes)
    re.compile(
        _SONG_WORD + r"\s+(?i:(?:are|is|come|comes|were|was)\s+)?(?i:from|taken\s+from)\s+"
        r"(?:(?i:the\s+song\s+))?(?P<title>[A-Z][^\n\"“”.,!?;:()]{0,60}?)\s+[-–—]\s+" + _ARTIST
    ),
    # the song is Title by Artist (no quotes)
    re.compile(
        _SONG_WORD + r"\s+(?i:used\s+)?(?:(?i:is|was|to|based\s+on|from)\s+|:\s*)"
        r"(?P<title>[A-Z][^\n\"“”.,!?;:()]{0,60}?)\s+(?i:by)\s+" + _ARTIST
    ),
    # Artist's "Title" / belong to Artist ("Title")
    re.compile(
        _SONG_WORD
        + r"[^\n\"“]{0,40}?\b"
        + _ARTIST.replace("{0,59}", "{0,40}?")
        + r"['’]s\s+"
        + _TITLE
    ),
    re.compile(
        _SONG_WORD
        + r"[^\n\"“]{0,40}?(?i:belongs?\s+to|by|from)\s+"
        + _ARTIST.replace("{0,59}", "{0,40}?")
        + r"\s*\(\s*"
        + _TITLE
        + r"\s*\)"
    ),
)
_FIELD_FORMS = (
    re.compile(r"^" + _ARTIST.replace("{0,59}", "{0,40}?") + r"['’]s\s+" + _TITLE + r"\W*$"),
    re.compile(
        r"^[\"“]?(?P<title>[^\"”\n]{1,80}?)[\"”]?\s*(?:\s(?i:by)\s|[-–—]|,|\()\s*"
        r"(?P<artist>[^\n.!?;(),\"“”]{1,60})(?:\)|,.*)?\W*(?:[(\[][^)\]\n]*[)\]]\W*)?$"
    ),
)
_ARTIST_STOP = re.compile(
    r"\s+(?:and\s+(?:I|you|it|is)|which|who|that|is|are|was|because|for|but|so|not|if|"
    r"belongs?|on|in|off|(?i:lol|haha\w*|xd))\b.*$|\s+(?:[-–—~]|<3|[:;]-?[()DPp]).*$"
)


def _clean_artist(artist: str | None) -> str | None:
    if not artist:
        return None
    artist = _ARTIST_STOP.sub("", artist.strip()).strip(" -–—:,'\"*")
    return artist or None


def _key(title: str) -> str:
    return re.sub(r"\W+", " ", title).strip().casefold()


def find_songs(
    regions: list[Region], fields: dict[str, list[Field]]
) -> list[tuple[SongCredit, Evidence]]:
    found: list[tuple[SongCredit, Evidence]] = []

    def add(title: str, artist: str | None, span: Evidence) -> None:
        title = title.strip(" " + _Q + "*")
        key = _key(title)
        if not key or len(title) > 80:
            return
        for i, (credit, _) in enumerate(found):
            old = _key(credit.title)
            if old == key or old.startswith(key + " ") or key.startswith(old + " "):
                # the same song: keep the shorter title (the longer has chatter) and an artist
                shorter = title if len(key) < len(old) else credit.title
                found[i] = (SongCredit(title=shorter, artist=credit.artist or artist), span)
                return
        found.append((SongCredit(title=title, artist=artist), span))

    for f in fields.get("song", []):
        for part in re.finditer(r"[^;]+", f.value):  # "Song(s): A by B; C by D"
            value = part.group(0).strip()
            at = f.start + part.start() + part.group(0).find(value)
            span = Evidence(at, at + len(value), value)
            for form in _FIELD_FORMS:
                m = form.match(value)
                if m:
                    add(m.group("title"), _clean_artist(m.group("artist")), span)
                    break
            else:
                add(re.sub(r"\s*[(\[][^)\]]*[)\]]\W*$", "", value), None, span)
    for text, offset in regions:
        for pattern in _PATTERNS:
            for m in pattern.finditer(text):
                span = Evidence(offset + m.start(), offset + m.end(), m.group(0))
                add(m.group("title"), _clean_artist(m.group("artist")), span)
    return found
