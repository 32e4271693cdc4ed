"""The stats pages in a real Chromium: under the site's strict Content-Security-Policy the charts
draw (no CSP complaint), take the theme's colours in light and dark, fit a phone (390 px) and a
desktop (1280 px), pass axe, and sorting works without JavaScript. Screenshots of each go to
$STATS_SCREENSHOTS (default: pytest's tmp_path) for a person to look at."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from ficarchive.feedback.services import leave_kudos
from ficarchive.feedback.services.comments import post_comment
from ficarchive.feedback.services.history import flush_readings
from ficarchive.feedback.services.hits import flush_hits
from ficarchive.stats.fold import add_figures, fold
from ficarchive.works.chapters import add_chapter
from ficarchive.works.models import Work
from tests.conftest import PASSWORD

from .test_axe import AXE, RUN_AXE, SERIOUS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("STATS_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def history(author, reader, make_work, settings):
    """Two works with a few weeks of figures, today's reads, kudos and a comment folded in."""
    settings.STATS_FOLD_LAG_SECONDS = 0
    saga = make_work(author, "The Long Road", fandoms=["Naruto"])
    for n in range(2, 6):
        add_chapter(saga, body=f"<p>Day {n} on the road.</p>")
    sketch = make_work(author, "A Small Sketch", fandoms=["Bleach"])
    today = timezone.localdate()
    add_figures(
        {
            (work.pk, today - timedelta(days=d)): {"hits": (d * 7 + k) % 23 + 1, "kudos": d % 3}
            for d in range(1, 60)
            for k, work in enumerate((saga, sketch))
        }
    )
    chapters = list(saga.chapters.order_by("position"))
    for n in range(6):
        guest = Client(HTTP_USER_AGENT=f"reader {n}")
        for chapter in chapters[: 6 - n]:
            guest.get(chapter.get_absolute_url())
    leave_kudos(saga, user=reader)
    post_comment(saga, body="More, please.", user=reader)
    flush_hits()
    flush_readings()
    fold()
    # a long-read work's totals: eight digits must fit their boxes
    Work.objects.filter(pk=saga.pk).update(hits_count=11_873_264, word_count=22_564_342)
    return saga


def login(page, user):
    page.goto("/login")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def test_stats_pages_in_both_themes_and_sizes(browser, live_server, history, author, shots):
    year = timezone.localdate().year
    urls = {  # name: (address, what its first chart is drawn with)
        "account": (f"/users/{author.username}/stats", ".bar rect"),  # 52 weeks: bars
        "work": (f"/users/{author.username}/stats/works/{history.pk}", ".bar rect"),
        "year-per-day": (  # 365 days: a filled line
            f"/users/{author.username}/stats?year={year}&period=day",
            ".line-graph .reactive",
        ),
    }
    colours = {}
    for scheme in ("light", "dark"):
        for size, (width, height) in SIZES.items():
            context = browser.new_context(
                base_url=live_server.url, color_scheme=scheme,
                viewport={"width": width, "height": height},
            )  # fmt: skip
            page = context.new_page()
            refused = []
            page.on(
                "console",
                lambda m, refused=refused: (
                    "Content Security Policy" in m.text and refused.append(m.text)
                ),
            )
            try:
                login(page, author)
                for name, (url, drawn) in urls.items():
                    page.goto(url)
                    shown = page.locator(".stats-chart svg:visible").first
                    # the phone gets the narrow drawing, whose text stays readable
                    assert shown.get_attribute("class").endswith(
                        "narrow" if size == "phone" else "wide"
                    )
                    assert shown.locator(drawn).count() >= 1
                    if drawn == ".bar rect":
                        assert shown.locator(drawn).count() > 10
                    box = shown.bounding_box()
                    assert box["width"] <= width and box["height"] > 150
                    # the page itself never scrolls sideways (wide tables scroll in their box)
                    assert page.evaluate("document.documentElement.scrollWidth") <= width
                    spilled = page.eval_on_selector_all(
                        ".stats-totals dd",
                        "dds => dds.filter(d => d.scrollWidth > d.clientWidth)"
                        ".map(d => d.textContent)",
                    )
                    assert spilled == [], (name, size, spilled)
                    colours[(scheme, name)] = shown.locator(drawn).first.evaluate(
                        "mark => getComputedStyle(mark).fill"
                    )
                    page.screenshot(
                        path=str(shots / f"stats-{name}-{size}-{scheme}.png"), full_page=True
                    )
                assert not refused, refused
            finally:
                context.close()
    # the bars take the theme's accent: different in light and dark, never pygal's own red
    for name in urls:
        assert colours[("light", name)] == "rgb(139, 30, 45)"
        assert colours[("dark", name)] == "rgb(240, 138, 150)"


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_stats_pages_pass_axe(browser, live_server, history, author, admin_user, scheme, shots):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    try:
        found = {}
        login(page, author)
        for url in (
            f"/users/{author.username}/stats",
            f"/users/{author.username}/stats?period=day&figure=kudos",
            f"/users/{author.username}/stats/works/{history.pk}",
        ):
            page.goto(url)
            page.click(".chart-data summary")  # the table of the chart's figures, opened
            page.add_script_tag(path=str(AXE))
            found[url] = [v for v in page.evaluate(RUN_AXE) if v["impact"] in SERIOUS]
        context.clear_cookies()
        login(page, admin_user)
        page.goto("/stats/archive")
        assert page.locator(".stats-chart svg:visible").count() == 5
        page.screenshot(path=str(shots / f"stats-archive-{scheme}.png"), full_page=True)
        page.add_script_tag(path=str(AXE))
        found["/stats/archive"] = [v for v in page.evaluate(RUN_AXE) if v["impact"] in SERIOUS]
        page.set_viewport_size({"width": 390, "height": 844})  # and on a phone
        page.goto("/stats/archive")
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert "chart-narrow" in page.locator(".stats-chart svg:visible").first.get_attribute(
            "class"
        )
        page.screenshot(path=str(shots / f"stats-archive-phone-{scheme}.png"), full_page=True)
        bad = {url: v for url, v in found.items() if v}
        assert not bad, bad
    finally:
        context.close()


def test_sorting_and_charting_work_without_javascript(browser, live_server, history, author):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        login(page, author)
        page.goto(f"/users/{author.username}/stats")
        first = page.locator(".stats-table tbody th").first
        assert "The Long Road" in first.inner_text()  # most hits first
        page.click(".stats-table thead a:text('Work')")
        assert "A Small Sketch" in page.locator(".stats-table tbody th").first.inner_text()
        page.click(".chart-choices a:text('Kudos')")
        page.click(".chart-choices a:text('Per day')")
        assert "Kudos per day" in page.locator(".stats-chart figcaption").inner_text()
        assert "A Small Sketch" in page.locator(".stats-table tbody th").first.inner_text()
        with page.expect_download() as download:
            page.click("text=Download these figures (CSV)")
        lines = Path(download.value.path()).read_text().splitlines()
        assert lines[0] == "day,kudos" and len(lines) == 91
    finally:
        context.close()
