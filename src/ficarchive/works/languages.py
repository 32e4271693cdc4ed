"""The languages a work can be written in: (code, name as its speakers write it)."""

LANGUAGES = [
    ("en", "English"), ("ar", "العربية"), ("bg", "Български"), ("ca", "Català"),
    ("cs", "Čeština"), ("da", "Dansk"), ("de", "Deutsch"), ("el", "Ελληνικά"),
    ("es", "Español"), ("fa", "فارسی"), ("fi", "Suomi"), ("fr", "Français"),
    ("he", "עברית"), ("hi", "हिन्दी"), ("hu", "Magyar"), ("id", "Bahasa Indonesia"),
    ("it", "Italiano"), ("ja", "日本語"), ("ko", "한국어"), ("nl", "Nederlands"),
    ("no", "Norsk"), ("pl", "Polski"), ("pt-BR", "Português brasileiro"),
    ("pt-PT", "Português europeu"), ("ro", "Română"), ("ru", "Русский"), ("sv", "Svenska"),
    ("th", "ไทย"), ("tl", "Filipino"), ("tr", "Türkçe"), ("uk", "Українська"),
    ("vi", "Tiếng Việt"), ("zh", "中文"),
]  # fmt: skip
LANGUAGE_NAMES = dict(LANGUAGES)


def language_name(code: str) -> str:
    return LANGUAGE_NAMES.get(code, code)


# Languages written right to left: their works' files set that direction (and e-readers turn
# their pages the other way).
RIGHT_TO_LEFT = {"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"}


def text_direction(code: str) -> str:
    """ "rtl" or "ltr" for a language code (its first part: "ar-EG" is Arabic)."""
    return "rtl" if code.split("-")[0].lower() in RIGHT_TO_LEFT else "ltr"
