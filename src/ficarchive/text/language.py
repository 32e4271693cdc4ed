"""The language of a work (ISO 639-1), detected by lingua-language-detector over the languages
fics are commonly written in; a Language field or FanFiction.net's language word wins."""

from __future__ import annotations

import re
from functools import lru_cache

# Languages the detector chooses among: those fan archives see most. Each one more costs memory
# (low-accuracy mode: ~28 MB for these 17, loaded on first use, ~0.6 s on a busy machine).
# Malay is left out on purpose: it takes Indonesian fics, which are far more common.
LANGUAGES = (
    "ENGLISH SPANISH FRENCH GERMAN PORTUGUESE ITALIAN INDONESIAN POLISH DUTCH RUSSIAN "
    "CHINESE JAPANESE KOREAN VIETNAMESE TAGALOG TURKISH SWEDISH"
).split()
SAMPLE_CHARS = 3000
# Language names as authors write them in a Language field (or FFN's stats line).
NAMES = {
    "english": "en", "inglés": "en", "anglais": "en", "englisch": "en", "inglês": "en",
    "inglese": "en", "inggris": "en", "angielski": "en",
    "spanish": "es", "español": "es", "espanol": "es", "castellano": "es", "espagnol": "es",
    "spanisch": "es", "espanhol": "es", "spagnolo": "es", "spanyol": "es", "hiszpański": "es",
    "french": "fr", "français": "fr", "francais": "fr", "francés": "fr", "französisch": "fr",
    "francês": "fr", "francese": "fr", "prancis": "fr", "francuski": "fr",
    "german": "de", "deutsch": "de", "alemán": "de", "allemand": "de", "alemão": "de",
    "tedesco": "de", "jerman": "de", "niemiecki": "de",
    "portuguese": "pt", "português": "pt", "portugues": "pt", "portugués": "pt",
    "portugais": "pt", "portugiesisch": "pt", "portoghese": "pt", "portugis": "pt",
    "portugalski": "pt",
    "italian": "it", "italiano": "it", "italien": "it", "italienisch": "it", "italia": "it",
    "włoski": "it",
    "indonesian": "id", "bahasa indonesia": "id", "indonesia": "id", "indonésien": "id",
    "indonesio": "id",
    "polish": "pl", "polski": "pl", "polaco": "pl", "polonais": "pl", "polnisch": "pl",
    "polacco": "pl",
    "dutch": "nl", "nederlands": "nl", "russian": "ru", "русский": "ru", "japanese": "ja",
    "日本語": "ja", "chinese": "zh", "中文": "zh", "korean": "ko", "한국어": "ko",
    "vietnamese": "vi", "tiếng việt": "vi", "tagalog": "tl", "filipino": "tl",
    "turkish": "tr", "türkçe": "tr", "swedish": "sv", "svenska": "sv",
}  # fmt: skip
_WORDS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=1)
def _detector():
    from lingua import Language, LanguageDetectorBuilder

    langs = [getattr(Language, name) for name in LANGUAGES if hasattr(Language, name)]
    return LanguageDetectorBuilder.from_languages(*langs).with_low_accuracy_mode().build()


def language_named(value: str) -> str | None:
    """The code of a language name as written ("Español" -> "es")."""
    return NAMES.get(" ".join(value.lower().split()).strip(" .,;:!*"))


def detect_language(text: str, sample: int = SAMPLE_CHARS) -> tuple[str, float]:
    """(code, confidence) of the text's language; English, unsure, for too little text."""
    text = text[:sample]
    if len(_WORDS.findall(text)) < 8:
        return "en", 0.3
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return "en", 0.3
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    return code, round(min(1.0, best.value), 2)
