"""The skins pages in a real Chromium, as a phone (390 px) and a desktop (1280 px) in the light
and the dark theme: nothing scrolls the page sideways, axe finds no serious violation, and a
refused skin's reasons are shown beside the field. Screenshots go to $SKINS_SCREENSHOTS
(default: pytest's tmp_path) for a person to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ficarchive.skins.services import apply_skin, save_skin
from tests.conftest import PASSWORD
from tests.skins.conftest import TEXTING_BODY, TEXTING_CSS

from .test_axe import AXE, RUN_AXE, SERIOUS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"phone": (390, 844), "desktop": (1280, 900)}
REFUSED = TEXTING_CSS + "\n.text { position: fixed }\n@import url(https://example.org/x.css);"


@pytest.fixture
def shots(tmp_path) -> Path:
    folder = Path(os.environ.get("SKINS_SCREENSHOTS", tmp_path))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def skins(author, make_work):
    skin = save_skin(author, kind="work", title="Phone", css=TEXTING_CSS)
    work = make_work(author, "Read receipts", body=TEXTING_BODY)
    apply_skin(work, skin)
    save_skin(author, kind="site", title="Quiet", css="body { font-size: 110% }")
    return skin, work


def login(page, user):
    page.goto("/login")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_skins_pages_fit_both_sizes_and_pass_axe(
    browser, live_server, author, skins, scheme, shots
):
    skin, work = skins
    pages = {
        "list": "/skins",
        "new": "/skins/new/work",
        "edit": f"/skins/{skin.pk}/edit",
        "delete": f"/skins/{skin.pk}/delete",
        "preferences": "/preferences",
        "work": f"/works/{work.pk}",
        "work-plain": f"/works/{work.pk}?style=disable",  # Hide Creator's Style
    }
    found = {}
    for size, (width, height) in SIZES.items():
        context = browser.new_context(
            base_url=live_server.url, color_scheme=scheme, bypass_csp=True,
            viewport={"width": width, "height": height},
        )  # fmt: skip
        page = context.new_page()
        try:
            login(page, author)
            for name, url in pages.items():
                page.goto(url)
                assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, size)
                shot = shots / f"skins-{name}-{size}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
                if name == "work":  # the skin's colours are its author's, not the archive's
                    continue
                page.add_script_tag(path=str(AXE))
                found[(name, size)] = [v for v in page.evaluate(RUN_AXE) if v["impact"] in SERIOUS]
            page.goto("/skins/new/work")  # a refused skin: the reasons, by the field
            page.fill("#id_title", "Too much")
            page.fill("#id_css", REFUSED)
            page.get_by_role("button", name="Save skin").click()
            assert "position: fixed would cover the page" in page.locator(".error").inner_text()
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(path=str(shots / f"skins-refused-{size}-{scheme}.png"), full_page=True)
            page.add_script_tag(path=str(AXE))
            found[("refused", size)] = [v for v in page.evaluate(RUN_AXE) if v["impact"] in SERIOUS]
        finally:
            context.close()
    bad = {key: v for key, v in found.items() if v}
    assert not bad, bad
