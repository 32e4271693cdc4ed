"""A small stopword-based guess of a text's language (ISO 639-1); English by default."""

from __future__ import annotations

import re
from collections import Counter

_STOPWORDS = {
    "en": "the and to of a in he she was it his her that with is for you on had but not",
    "es": "el la de que y en los se del las por un una con no su para es lo como pero",
    "fr": "le la les de des et est un une que qui dans pas pour sur il elle ne au avec",
    "de": "der die das und ist nicht ein eine zu den mit sich auf dem er sie ich es auch",
    "it": "il di che la e un una per non sono con gli del le si lo ma mi della anche",
    "pt": "o a de que e do da em um uma para com não os as se na no mas ele ela",
    "nl": "de het een en van ik te dat is niet op zijn met voor hij ze maar wat er",
    "id": "yang dan di itu dengan untuk tidak ini dari dalam akan ke pada juga aku dia",
    "pl": "i w nie na się z że do to jest jak ale co tak go po mnie jego już",
    "ru": "и в не на что он я с как а то она это по но его так все",
}
_INDEX: dict[str, list[str]] = {}
for _lang, _words in _STOPWORDS.items():
    for _w in _words.split():
        _INDEX.setdefault(_w, []).append(_lang)
_WORD = re.compile(r"[^\W\d_]+")


def detect_language(text: str, sample: int = 20000) -> tuple[str, float]:
    """(code, confidence) from the first characters of the text."""
    counts: Counter[str] = Counter()
    total = 0
    for m in _WORD.finditer(text[:sample]):
        total += 1
        for lang in _INDEX.get(m.group(0).lower(), ()):
            counts[lang] += 1
    if not counts or total < 20:
        return "en", 0.3
    (best, n), *rest = counts.most_common(2) + [("", 0)]
    second = rest[0][1]
    if n < total * 0.08:
        return "en", 0.3
    confidence = min(1.0, 0.5 + (n - second) / max(n, 1) / 2)
    return best, round(confidence, 2)
