"""The TrueType fonts the PDF download is set in. PDF's built-in fonts know only Latin-1, so the
PDF needs a Unicode font on disk: DejaVu Serif for the text (Debian: fonts-dejavu-core for the
upright faces, fonts-dejavu-extra for the italics), and fallbacks for the characters it lacks:
DejaVu Sans (Greek, Hebrew, Arabic letters, symbols), WenQuanYi Micro Hei (fonts-wqy-microhei:
Chinese, Japanese and Korean) or else Droid Sans Fallback (fonts-droid-fallback: Chinese and
Japanese). Without DejaVu Serif there is no PDF, and the reader is told so."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

DEFAULT_FONT_DIRS = [
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/wqy",
    "/usr/share/fonts/truetype/droid",
    "/usr/share/fonts-droid-fallback/truetype",
    "/usr/share/fonts/TTF",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/wenquanyi/wqy-microhei",
    "/usr/share/fonts/google-droid-sans-fonts",
    "/usr/local/share/fonts",
    "/Library/Fonts",
]

BODY_FILES = {
    "": "DejaVuSerif.ttf",
    "B": "DejaVuSerif-Bold.ttf",
    "I": "DejaVuSerif-Italic.ttf",
    "BI": "DejaVuSerif-BoldItalic.ttf",
}
# Tried in this order for a character the text font lacks; the first CJK font found is used.
FALLBACK_FILES = ["DejaVuSans.ttf"]
CJK_FILES = ["wqy-microhei.ttc", "DroidSansFallbackFull.ttf", "DroidSansFallback.ttf"]

INSTALL_HINT = (
    "PDF downloads need the DejaVu Serif font: on Debian or Ubuntu install the packages "
    "fonts-dejavu-core and fonts-dejavu-extra (and fonts-wqy-microhei for Chinese, Japanese "
    "and Korean), or set PDF_FONT_DIRS to a folder that holds DejaVuSerif.ttf."
)


class FontsMissing(Exception):
    pass


@dataclass(frozen=True)
class FontSet:
    body: dict[str, Path]  # style ("", "B", "I", "BI") -> file; missing styles use the upright
    fallbacks: list[Path]  # fonts for the characters the body font has no glyph for


def font_dirs() -> list[Path]:
    return [Path(d) for d in getattr(settings, "PDF_FONT_DIRS", None) or DEFAULT_FONT_DIRS]


def _find(name: str) -> Path | None:
    for folder in font_dirs():
        candidate = folder / name
        if candidate.is_file():
            return candidate
    return None


def find_fonts() -> FontSet:
    """The fonts on this machine, or FontsMissing with what to install."""
    regular = _find(BODY_FILES[""])
    if regular is None:
        raise FontsMissing(INSTALL_HINT)
    body = {style: _find(name) or regular for style, name in BODY_FILES.items()}
    fallbacks = [p for p in map(_find, FALLBACK_FILES) if p]
    cjk = next((p for p in map(_find, CJK_FILES) if p), None)
    return FontSet(body=body, fallbacks=fallbacks + ([cjk] if cjk else []))
