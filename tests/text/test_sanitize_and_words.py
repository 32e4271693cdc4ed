"""The one sanitizer and the word counter, as every app relies on them."""

import pytest

from ficarchive.text.sanitize import (
    html_to_plain_text,
    sanitize_comment_html,
    sanitize_fiction_html,
)
from ficarchive.text.words import count_words, count_words_html


@pytest.mark.parametrize(
    "hostile",
    [
        "<script>alert(1)</script>",
        '<img src="x" onerror="alert(1)">',
        '<a href="javascript:alert(1)">x</a>',
        "<iframe src='https://example.org'></iframe>",
        "<style>body{display:none}</style>",
        '<p style="position:fixed">x</p>',
        "<svg><script>alert(1)</script></svg>",
        '<form action="/steal"><input name="p"></form>',
    ],
)
def test_nothing_that_runs_or_restyles_the_page_survives(hostile):
    for clean in (sanitize_fiction_html(hostile), sanitize_comment_html(hostile)):
        lowered = clean.lower()
        for bad in ("<script", "onerror", "javascript:", "<iframe", "<style", "style=", "<form"):
            assert bad not in lowered


def test_what_fiction_needs_is_kept():
    html = (
        '<p align="center"><em>Part One</em></p><hr><p><strong>Loud</strong>, <u>under</u>, '
        "<s>struck</s></p><blockquote>quoted</blockquote><ruby>漢<rt>kan</rt></ruby>"
        '<a href="https://example.org">link</a><img src="https://example.org/a.png" alt="map">'
    )
    clean = sanitize_fiction_html(html)
    for kept in ('<p align="center"><em>Part One</em></p>', "<hr>", "<strong>Loud</strong>",
                 "<u>under</u>", "<s>struck</s>", "<blockquote>quoted</blockquote>",
                 "<ruby>漢<rt>kan</rt></ruby>", 'src="https://example.org/a.png"'):  # fmt: skip
        assert kept in clean


def test_comments_are_plainer_than_fiction():
    clean = sanitize_comment_html('<h1>Shout</h1><img src="https://example.org/a.png"><em>ok</em>')
    assert "<h1>" not in clean and "<img" not in clean and "<em>ok</em>" in clean


def test_plain_text_becomes_paragraphs_and_line_breaks():
    assert sanitize_fiction_html("One\nstill one\n\nTwo <3") == (
        "<p>One<br>\nstill one</p>\n<p>Two &lt;3</p>"
    )


def test_plain_text_of_html_keeps_paragraphs_apart_and_source_newlines_out():
    html = "<p>first line<br>\nsecond\nline</p>\n<p>next &amp; last</p>"
    assert html_to_plain_text(html) == "first line\nsecond line\n\nnext & last"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It's a well-known fact.", 4),
        ("我爱你", 3),  # scripts without spaces count per character
        ("こんにちは world", 6),
        ("", 0),
        ("— … !!", 0),
    ],
)
def test_words_are_counted_as_readers_count_them(text, words):
    assert count_words(text) == words


def test_markup_is_not_counted():
    assert count_words_html('<p class="x">one <em>two</em></p><p>three</p>') == 3
