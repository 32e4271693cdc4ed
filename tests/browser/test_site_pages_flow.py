"""The archive speaks, in the real browser: a reader reads a news post, comments and follows
its feed; a reader gets past changed terms; a newcomer signs up through the invitation queue;
a guest dismisses the banner without JavaScript. Then axe on every new page, both themes."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from django.core import mail

from ficarchive.accounts.models import User
from ficarchive.core import site_settings
from ficarchive.site_pages import invitations, news, pages
from ficarchive.site_pages.models import NewsComment, NewsPost, Page, SupportRequest
from ficarchive.site_pages.tasks import invite_from_queue

from .test_axe import AXE, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ATOM = "{http://www.w3.org/2005/Atom}"
SHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


def configure(**values):
    row = site_settings.current()
    for name, value in values.items():
        setattr(row, name, value)
    site_settings.save(row)


@pytest.fixture
def post(admin_user):
    return news.save_post(
        NewsPost(title="Tag wranglers wanted", author=admin_user,
                 body="<p>We need <strong>wranglers</strong> for the winter fests.</p>"),
        ["Volunteers"],
    )  # fmt: skip


def test_a_guest_reads_a_news_post_from_the_front_page_comments_and_reads_the_feed(page, post):
    page.goto("/")
    news_section = page.get_by_role("region", name="News")
    news_section.get_by_role("link", name="Tag wranglers wanted").click()
    page.wait_for_url(f"**{post.get_absolute_url()}")
    assert "for the winter fests" in page.locator(".news-body").inner_text()
    page.fill("#id_body", "I can help on weekends.")
    page.fill("#id_guest_name", "Wren")
    page.get_by_role("button", name="Comment").click()
    page.wait_for_url(re.compile(r".*/news/\d+#news_comment_\d+"))
    assert "Your comment is posted." in page.locator(".messages").inner_text()
    assert "I can help on weekends." in page.locator(".news-comments").inner_text()
    assert NewsComment.objects.get().guest_name == "Wren"

    page.get_by_role("link", name="Volunteers").first.click()
    page.wait_for_url("**/news?tag=Volunteers")
    feed_link = page.get_by_role("link", name="Atom feed")
    feed = page.request.get(feed_link.get_attribute("href"))
    assert feed.headers["content-type"].startswith("application/atom+xml")
    entry = ET.fromstring(feed.body()).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "Tag wranglers wanted"
    assert "<strong>wranglers</strong>" in entry.find(f"{ATOM}summary").text
    page.goto(entry.find(f"{ATOM}link").get("href"))
    assert page.get_by_role("heading", name="Tag wranglers wanted").is_visible()


def test_a_reader_gets_past_changed_terms_and_lands_where_they_were_going(login_page, reader):
    terms = pages.save_page(
        Page(kind=Page.TERMS, slug="tos", title="Terms of Service", body="<p>Be kind.</p>")
    )
    pages.accept_terms(reader, terms.revision)
    page = login_page(reader)
    page.goto("/works")
    assert page.url.endswith("/works")
    terms.body = "<p>Be kind, and tag your works with care.</p>"
    pages.save_page(terms, ask_again=True)

    page.goto("/history")
    page.wait_for_url("**/terms/accept?next=%2Fhistory")
    assert "tag your works with care" in page.locator("main").inner_text()
    page.get_by_label("I have read and accept the new Terms of Service").check()
    page.get_by_role("button", name="Accept and go on").click()
    page.wait_for_url("**/history")
    assert "you accepted the new Terms of Service" in page.locator(".messages").inner_text()
    page.goto("/works")
    assert page.url.endswith("/works")


def test_a_newcomer_signs_up_through_the_invitation_queue(page):
    configure(invitation_queue=True, invitation_batch_size=1)
    invitations.join_queue("early@example.org")
    page.goto("/signup")
    page.get_by_role("link", name="Join the queue").click()
    page.fill("#id_email", "inkwell@example.org")
    page.get_by_role("button", name="Join the queue").click()
    page.wait_for_url("**/invitations/queue/*")
    assert "You are number 2 in the queue." in page.locator(".queue-position").inner_text()
    status_url = page.url

    invite_from_queue()  # the periodic job: a batch of one, the oldest first
    page.reload()
    assert "You are number 1 in the queue." in page.locator(".queue-position").inner_text()
    invite_from_queue()
    page.goto(status_url)
    assert "on its way to inkwell@example.org" in page.locator(".queue-position").inner_text()

    letter = next(
        m
        for m in mail.outbox
        if m.to == ["inkwell@example.org"] and m.subject.endswith("your invitation")
    )
    link = re.search(r"/signup\?invitation=\S+", letter.body).group(0)
    page.goto(link)  # the mail's link, on this test's server
    assert page.input_value("#id_invitation") != ""
    page.fill("#id_username", "inkwell")
    page.fill("#id_email", "inkwell@example.org")
    page.fill("#id_password1", "a long and unusual passphrase")
    page.fill("#id_password2", "a long and unusual passphrase")
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/users/inkwell")
    assert User.objects.get(username="inkwell").invited_by.code in link


def test_a_guest_dismisses_the_banner_without_javascript(browser, live_server):
    configure(banner_text="Fest sign-ups close on Friday.")
    context = browser.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto("/works")
        banner = page.get_by_role("complementary", name="News from the archive")
        assert "Fest sign-ups close on Friday." in banner.inner_text()
        banner.get_by_role("button", name="Dismiss this announcement").click()
        page.wait_for_url("**/works")
        assert page.get_by_text("Fest sign-ups close on Friday.").count() == 0
        page.goto("/")
        assert page.get_by_text("Fest sign-ups close on Friday.").count() == 0
    finally:
        context.close()


def new_pages(admin) -> dict[str, str]:
    post = news.save_post(
        NewsPost(title="Winter fest", author=admin, body="<p>It starts soon.</p>"), ["Fests"]
    )
    NewsComment.objects.create(post=post, guest_name="Wren", body="<p>Yay!</p>")
    pages.save_page(
        Page(kind=Page.TERMS, slug="tos", title="Terms of Service", body="<p>Be kind.</p>")
    )
    pages.save_page(
        Page(kind=Page.POLICY, slug="policy", title="Content Policy", body="<p>Tag.</p>")
    )
    pages.save_page(
        Page(kind=Page.FAQ, slug="kudos", title="What are kudos?", body="<p>Hearts.</p>")
    )
    support = SupportRequest.objects.create(
        email="wren@example.org", subject="Lost bookmarks", message="Help."
    )
    invitations.grant(admin, 2)
    entry, _ = invitations.join_queue("fan@example.org")
    return {
        "home": "/",
        "news": "/news",
        "news post": post.get_absolute_url(),
        "faq": "/faq",
        "faq page": "/faq/kudos",
        "terms": "/terms",
        "content policy": "/content-policy",
        "support": "/support",
        "support request": support.get_absolute_url(),
        "moderation queue": "/moderation",
        "queue": "/invitations/queue",
        "queue status": entry.get_absolute_url(),
        "invitations": "/invitations",
        "signup": "/signup",
    }


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_new_pages_pass_axe_and_are_photographed_at_phone_and_desk_widths(
    browser, live_server, admin_user, scheme
):
    configure(banner_text="Fest sign-ups close on Friday.", invitation_queue=True)
    urls = new_pages(admin_user)
    SHOTS.mkdir(parents=True, exist_ok=True)
    bad = {}
    for width in (390, 1280):
        context = browser.new_context(
            base_url=live_server.url, bypass_csp=True, color_scheme=scheme,
            viewport={"width": width, "height": 900},
        )  # fmt: skip
        context.set_default_timeout(15_000)
        page = context.new_page()
        try:
            page.goto("/login")
            page.fill("#id_username", admin_user.username)
            page.fill("#id_password", "correct horse battery staple")
            page.click("main button[type=submit]")
            page.wait_for_url(lambda url: "/login" not in url)
            if "/terms/accept" in page.url:  # the terms are new to the admin (first width)
                page.get_by_label("I have read and accept the new Terms of Service").check()
                page.get_by_role("button", name="Accept and go on").click()
                page.wait_for_url(lambda url: "/terms/accept" not in url)
            for name, url in urls.items():
                if name == "signup":
                    page.context.clear_cookies()
                found = violations(page, url)
                if found:
                    bad[f"{name} at {width}px"] = found
                shot = SHOTS / f"{name.replace(' ', '-')}-{width}-{scheme}.png"
                page.screenshot(path=str(shot), full_page=True)
                overflow = page.evaluate("document.documentElement.scrollWidth > innerWidth + 1")
                if overflow:
                    bad[f"{name} at {width}px"] = "wider than the screen"
        finally:
            context.close()
    assert not bad, "\n".join(f"{name}: {v}" for name, v in bad.items())
