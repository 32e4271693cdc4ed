"""A reader on a phone: opens a work, goes on to the next chapter, leaves kudos and reaches the
account menu, with tap-sized controls and their own reading preferences applied."""

import pytest
from playwright.sync_api import expect

from ficarchive.accounts.services import preferences_of
from ficarchive.works.chapters import add_chapter
from tests.conftest import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
TAP = 44  # px: the smallest comfortable target for a thumb

CHAPTER_ONE = "".join(
    f"<p>Night {n}: the lamp was lit and the boats came in.</p>" for n in range(30)
)


@pytest.fixture
def shelf(make_work):
    author = make_user("author")
    reader = make_user("reader")
    work = make_work(author, "Lamplight", body=CHAPTER_ONE, chapters_expected=2)
    add_chapter(work, body="<p>On the last night the lamp stayed dark.</p>", title="Dark")
    return work, reader


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    context.close()


def log_in(page, user):
    # Not about the reading position: keep feedback.js's saves (and the beacon it sends when a
    # page closes) from reaching the server while the test database is being emptied.
    page.context.route("**/history/position", lambda route: route.abort())
    page.goto("/login")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


def height(locator) -> float:
    return locator.bounding_box()["height"]


def test_a_reader_on_a_phone_reads_on_leaves_kudos_and_opens_the_menu(phone, shelf):
    work, reader = shelf
    log_in(phone, reader)
    phone.goto(work.get_absolute_url())
    text = phone.locator("#chapters .userstuff").first
    expect(text).to_contain_text("Night 0")
    assert float(text.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")) >= 16
    assert text.bounding_box()["width"] <= 390

    next_chapter = phone.get_by_role("link", name="Next Chapter →").last
    assert height(next_chapter) >= TAP
    next_chapter.tap()
    expect(phone.locator("#chapters")).to_contain_text("the lamp stayed dark")

    kudos = phone.get_by_role("button", name="Kudos ♥")
    assert height(kudos) >= TAP
    assert phone.locator("#feedback-actions").get_attribute("aria-live") == "polite"
    kudos.tap()
    expect(phone.locator("#kudos")).to_contain_text("reader")
    expect(phone.get_by_role("button", name="Kudos left ♥")).to_be_disabled()

    comment = phone.get_by_role("button", name="Comment", exact=True)
    assert height(comment) >= TAP

    menu = phone.locator(".account-menu summary")
    assert height(menu) >= TAP and menu.bounding_box()["x"] + menu.bounding_box()["width"] <= 390
    menu.tap()
    history = phone.get_by_role("link", name="History")
    expect(history).to_be_visible()
    assert height(history) >= TAP
    history.tap()
    phone.wait_for_url("**/history")
    expect(phone.locator("h1")).to_contain_text("Reading history")


def test_a_readers_font_size_width_and_theme_follow_them_to_the_phone(phone, shelf):
    work, reader = shelf
    log_in(phone, reader)
    phone.goto(work.get_absolute_url())
    font = "parseFloat(getComputedStyle(document.querySelector('#chapters .userstuff')).fontSize)"
    normal = phone.evaluate(font)

    prefs = preferences_of(reader)
    prefs.font_size, prefs.theme, prefs.reading_width = 130, "dark", "narrow"
    prefs.save()
    phone.goto(work.get_absolute_url())
    assert phone.evaluate(font) == pytest.approx(normal * 1.3, rel=0.02)
    assert phone.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(23, 23, 26)"
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390


def test_on_a_phone_the_filters_wait_folded_above_the_works(phone, shelf):
    phone.goto("/works")
    fold = phone.locator("details.filters-fold")
    results = phone.locator("ol.work.index")
    assert fold.bounding_box()["y"] < results.bounding_box()["y"]
    sort = phone.get_by_label("Sort by")
    expect(sort).to_be_hidden()
    summary = fold.locator("> summary")
    assert height(summary) >= TAP
    summary.tap()
    expect(sort).to_be_visible()
