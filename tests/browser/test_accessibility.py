"""The key pages in a real browser: one h1, named form controls, no sideways scrolling on a
320 px phone, a working skip link, visible focus, errors tied to their fields, and text colours
with a contrast of at least 4.5:1 in the light and the dark theme."""

import pytest

from ficarchive.feedback.services.comments import post_comment
from ficarchive.moderation.services import file_report
from ficarchive.works.chapters import add_chapter
from tests.conftest import PASSWORD, make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PHONE = {"viewport": {"width": 320, "height": 700}, "is_mobile": True, "has_touch": True}

# WCAG's contrast ratio of an element's text colour against the first opaque background behind
# it (the page's own background when every ancestor is transparent).
CONTRAST_JS = """
(selector) => {
  const channels = (colour) => colour.match(/[\\d.]+/g).map(Number);
  const luminance = (rgb) => {
    const [r, g, b] = rgb.slice(0, 3).map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const background = (el) => {
    for (; el; el = el.parentElement) {
      const c = channels(getComputedStyle(el).backgroundColor);
      if (c.length === 3 || c[3] > 0.5) return c;
    }
    return [255, 255, 255];
  };
  return [...document.querySelectorAll(selector)]
    .filter((el) => el.getClientRects().length && el.textContent.trim())
    .map((el) => {
      const a = luminance(channels(getComputedStyle(el).color));
      const b = luminance(background(el));
      return {
        text: el.textContent.trim().slice(0, 40),
        ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
      };
    });
}
"""

UNNAMED_CONTROLS_JS = """
() => [...document.querySelectorAll("input:not([type=hidden]), select, textarea")]
  .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute("aria-label")
                  && !el.getAttribute("aria-labelledby"))
  .map((el) => el.name || el.id || el.outerHTML.slice(0, 60))
"""

CONTRAST_SELECTORS = {
    "body text": "main p, main li, main dd",
    "links": "main a, .site-header a, .site-footer a",
    "muted text": ".help, .muted-note, .datetime, dl.stats, .count, .evidence, .site-footer",
}


@pytest.fixture
def archive(make_work):
    """A small archive with something on every key page: a two-chapter work with a deep
    comment thread, a report, an unwrangled tag and an unread inbox."""
    author = make_user("author")
    admin = make_user("admin", is_staff=True, is_superuser=True)
    work = make_work(
        author,
        "The Harbour Lights",
        summary="<p>Boats, fog and a lighthouse keeper who counts them home.</p>",
        notes="<p>For everyone who waits on a quay.</p>",
        freeforms=["Lighthouses", "Slow Burn"],
        chapters_expected=2,
    )
    add_chapter(work, body="<p>The second night the fog came in early.</p>", title="Fog")
    parent = None
    for depth in range(8):
        who = admin if depth % 2 else author
        body = f"Reply {depth}, with a long word: Lighthousekeeperingly{'o' * 30}."
        parent = post_comment(work, body=body, user=who, parent=parent)
    file_report("work", work, reason="other", details="Checking the queue.", reporter=admin)
    return {"work": work, "admin": admin, "author": author}


def key_pages(archive) -> list[str]:
    work = archive["work"]
    first, second = work.chapters.order_by("position")[:2]
    return [
        "/",
        f"/works/{work.pk}",
        f"/works/{work.pk}/chapters/{second.pk}",
        f"/works/{work.pk}?view_full_work=true",
        f"/works/{work.pk}/navigate",
        "/works/new",
        "/works/import",
        "/works",
        "/search?q=harbour",
        "/tags/Lighthouses",
        "/inbox",
        "/dashboard",
        "/history",
        "/preferences",
        "/tags/wrangle",
        "/moderation",
        f"/users/{archive['author'].username}",
    ]


def log_in(page, user):
    # Not about the reading position: keep feedback.js's saves (and the beacon it sends when a
    # page closes) from reaching the server while the test database is being emptied.
    page.context.route("**/history/position", lambda route: route.abort())
    page.goto("/login")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, **PHONE)
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def import_confirm_page(page) -> str:
    page.goto("/works/import")
    page.fill(
        "#id_text",
        "Title: Salt and Rope\nFandom: Original Work\nRating: General Audiences\n\n"
        "The rope was older than the harbour, and the harbour was very old.",
    )
    page.get_by_role("button", name="Read it").click()
    page.wait_for_url("**/works/import/*")
    return page.url


def test_every_key_page_has_one_h1_landmarks_and_named_form_controls(page, archive):
    log_in(page, archive["admin"])
    for url in key_pages(archive) + [import_confirm_page(page)]:
        page.goto(url)
        assert page.locator("h1").count() == 1, url
        for landmark in ("header", "nav", "main", "footer"):
            assert page.locator(landmark).count() >= 1, (url, landmark)
        assert page.evaluate(UNNAMED_CONTROLS_JS) == [], url
        assert page.locator("img:not([alt])").count() == 0, url


def test_no_key_page_scrolls_sideways_on_a_320_px_phone(phone, archive):
    log_in(phone, archive["admin"])
    for url in key_pages(archive) + [import_confirm_page(phone)]:
        phone.goto(url)
        widths = phone.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (url, widths)


def test_the_open_account_menu_fits_a_320_px_phone(phone, archive):
    log_in(phone, archive["admin"])
    phone.goto("/works")
    phone.locator(".account-menu summary").click()
    box = phone.get_by_role("link", name="Moderation").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    assert phone.evaluate("document.documentElement.scrollWidth") <= 320


def test_the_skip_link_moves_focus_to_the_main_content(page, archive):
    page.goto(f"/works/{archive['work'].pk}")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    assert skip.evaluate("el => el === document.activeElement")
    assert skip.bounding_box()["x"] >= 0  # shown on screen while it has focus
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_keyboard_focus_is_visible(page, archive):
    page.goto("/")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    outline = page.evaluate(
        "(() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineStyle, parseFloat(s.outlineWidth)]; })()"
    )
    assert outline[0] != "none" and outline[1] >= 2


def test_field_errors_are_announced_and_tied_to_their_field(page, archive):
    log_in(page, archive["author"])
    page.goto("/works/new")
    page.get_by_role("button", name="Post", exact=True).click()
    title = page.locator("#id_title")
    assert title.get_attribute("aria-invalid") == "true"
    described = title.get_attribute("aria-describedby").split()
    error = page.locator(f"#{described[-1]}")
    assert error.get_attribute("role") == "alert"
    assert "required" in error.inner_text().lower()
    for id_ in described:  # every id it names exists on the page
        assert page.locator(f"#{id_}").count() == 1, id_


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_text_contrast_is_at_least_4_5_to_1(page, archive, theme):
    log_in(page, archive["admin"])
    work = archive["work"]
    urls = ["/", f"/works/{work.pk}?view_full_work=true", "/works", "/works/new", "/inbox"]
    for url in urls:
        page.goto(url)
        page.evaluate(f"document.documentElement.dataset.theme = '{theme}'")
        if theme == "dark":
            assert page.evaluate("getComputedStyle(document.body).backgroundColor") == (
                "rgb(23, 23, 26)"
            )
        for kind, selector in CONTRAST_SELECTORS.items():
            measured = page.evaluate(CONTRAST_JS, selector)
            assert measured, (url, kind)
            low = [r for r in measured if r["ratio"] < 4.5]
            assert low == [], (url, theme, kind, low[:3])


def test_the_account_menu_and_filters_work_without_javascript(browser, live_server, archive):
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False, **PHONE)
    page = context.new_page()
    try:
        log_in(page, archive["admin"])
        page.goto("/works")
        assert not page.get_by_role("combobox", name="Sort by").is_visible()
        page.get_by_text("Sort and filter", exact=True).first.click()
        assert page.get_by_role("combobox", name="Sort by").is_visible()
        page.locator(".account-menu summary").click()
        page.get_by_role("link", name="Inbox").click()
        page.wait_for_url("**/inbox")
        assert page.locator("h1").inner_text().startswith("Inbox")
    finally:
        context.close()
