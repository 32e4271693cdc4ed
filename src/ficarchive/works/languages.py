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
