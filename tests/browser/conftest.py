"""Real-browser tests: Debian's Chromium driven by Playwright, against pytest-django's live
server. Skipped where Chromium is missing, except under CI=true, where that is a failure."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail(f"Chromium is required in CI and is not at {CHROMIUM}")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    in_flight: set = set()
    context.on("request", lambda request: in_flight.add(request))
    context.on("requestfinished", lambda request: in_flight.discard(request))
    context.on("requestfailed", lambda request: in_flight.discard(request))
    page = context.new_page()
    yield page
    settle(page, in_flight)
    context.close()


def settle(page, in_flight: set, seconds: float = 5.0) -> None:
    """Leave the page (its unload beacons go now) and wait until the server has answered every
    request, so that nothing writes to the database while the test run empties it."""
    try:
        page.goto("about:blank")
        for _ in range(int(seconds / 0.05)):
            if not in_flight:
                return
            page.wait_for_timeout(50)
    except Exception:  # a page that crashed or closed has nothing left to send
        return


@pytest.fixture
def login_page(page):
    """Log a user in through the real form."""

    def login(user, password="correct horse battery staple"):
        page.goto("/login")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        return page

    return login
