"""Counting words the way a reader would, in any script.

Runs of letters and digits in scripts that separate words with spaces count as one word each;
in scripts written without spaces (Chinese, Japanese, Thai, ...) every character counts as a
word, which is how word counts for such texts are usually given.
"""

from __future__ import annotations

import re

from .sanitize import html_to_plain_text

# Han, Hiragana, Katakana, Hangul syllables are counted per character; Thai, Lao, Khmer and
# Myanmar too, since they have no spaces between words either.
_NO_SPACE_SCRIPTS = (
    "\u0e00-\u0eff"  # Thai, Lao
    "\u1000-\u109f"  # Myanmar
    "\u1780-\u17ff"  # Khmer
    "\u3040-\u30ff"  # Hiragana, Katakana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # Han
    "\uac00-\ud7af"  # Hangul syllables
    "\U00020000-\U0002fa1f"  # Han extensions
)
_WORD = re.compile(
    rf"[{_NO_SPACE_SCRIPTS}]|(?:(?![{_NO_SPACE_SCRIPTS}])[\w])+(?:['’\-](?:(?![{_NO_SPACE_SCRIPTS}])[\w])+)*"
)


def count_words(text: str) -> int:
    """The number of words in plain text."""
    return sum(1 for _ in _WORD.finditer(text or ""))


def count_words_html(fragment: str) -> int:
    """The number of words in an HTML fragment, markup not counted."""
    return count_words(html_to_plain_text(fragment))
