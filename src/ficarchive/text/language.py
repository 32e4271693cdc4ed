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
    "ukrainian": "uk", "українська": "uk", "arabic": "ar", "العربية": "ar", "hebrew": "he",
    "עברית": "he", "greek": "el", "ελληνικά": "el", "thai": "th", "ไทย": "th", "hindi": "hi",
    "persian": "fa", "farsi": "fa", "czech": "cs", "čeština": "cs", "finnish": "fi",
    "suomi": "fi", "hungarian": "hu", "magyar": "hu", "romanian": "ro", "română": "ro",
    "catalan": "ca", "català": "ca", "norwegian": "no", "norsk": "no", "danish": "da",
    "dansk": "da", "malay": "ms", "bahasa melayu": "ms", "español (latinoamérica)": "es",
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


# Scripts that each belong to one language the detector does not know (or, for Arabic's,
# one language far more often than the others that use it).
_SCRIPTS = (
    ("ar", re.compile("[\u0600-\u06ff\u0750-\u077f]")),
    ("he", re.compile("[\u0590-\u05ff]")),
    ("el", re.compile("[\u0370-\u03ff\u1f00-\u1fff]")),
    ("th", re.compile("[\u0e00-\u0e7f]")),
    ("hi", re.compile("[\u0900-\u097f]")),
    ("bn", re.compile("[\u0980-\u09ff]")),
    ("ta", re.compile("[\u0b80-\u0bff]")),
    ("ka", re.compile("[\u10a0-\u10ff]")),
    ("hy", re.compile("[\u0530-\u058f]")),
)
_PERSIAN = re.compile("[پچژگ]")
_URDU = re.compile("[ٹڈڑںے]")
_LETTER = re.compile(r"[^\W\d_]")
_UKRAINIAN = re.compile("[їєґі]")
_RUSSIAN_ONLY = re.compile("[ыэъё]")


def _by_script(text: str) -> str | None:
    """The language a script tells by itself: most letters Arabic, Hebrew, Greek, Thai ..."""
    letters = len(_LETTER.findall(text))
    for code, pattern in _SCRIPTS:
        n = len(pattern.findall(text))
        if letters and n * 2 > letters:
            if code == "ar" and len(_URDU.findall(text)) * 50 > n:
                return "ur"
            if code == "ar" and len(_PERSIAN.findall(text)) * 50 > n:
                return "fa"
            return code
    return None


def detect_language(text: str, sample: int = SAMPLE_CHARS) -> tuple[str, float]:
    """(code, confidence) of the text's language; English, unsure, for too little text."""
    text = text[:sample]
    by_script = _by_script(text)
    if by_script:
        return by_script, 0.9
    if len(_WORDS.findall(text)) < 8:
        return "en", 0.3
    values = _detector().compute_language_confidence_values(text)
    if not values:
        return "en", 0.3
    best = values[0]
    code = best.language.iso_code_639_1.name.lower()
    if code == "ru" and len(_UKRAINIAN.findall(text)) > 2 * len(_RUSSIAN_ONLY.findall(text)):
        code = "uk"  # the detector knows Russian only; Ukrainian writes і, ї, є, never ы, э
    return code, round(min(1.0, best.value), 2)
