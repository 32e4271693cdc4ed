"""The account's own pages (settings, security, sessions, export, deletion, tokens) and the
archive's pages (news, support, invitation queue, terms, FAQ) in Chromium: no serious or
critical axe violation in the light and the dark theme, and nothing wider than a phone."""

from __future__ import annotations

import pytest

from ficarchive.api.services import create_token
from ficarchive.core import site_settings
from ficarchive.site_pages import invitations, news
from ficarchive.site_pages.models import NewsPost, Page
from tests.conftest import PASSWORD

from .test_axe import AXE, violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PAGES = [
    "/account", "/account/username", "/account/email", "/account/security",
    "/account/sessions", "/account/export", "/account/delete", "/api/tokens", "/invitations",
    "/news", "/support", "/invitations/queue", "/terms", "/faq", "/content-policy",
]  # fmt: skip


@pytest.fixture
def site(author, reader, admin_user, make_work):
    make_work(author, "Keeper of Tides")
    post = news.save_post(
        NewsPost(title="Archive news", author=admin_user, body="<p>Hello, readers.</p>"),
        ["Updates"],
    )
    first = news.post_comment(post, user=reader, body="Great news")
    news.post_comment(post, user=author, body="Agreed", parent=first)
    Page.objects.create(
        kind="terms", slug="terms", title="Terms of Service", body="<p>Be kind.</p>"
    )
    Page.objects.create(kind="faq", slug="posting", title="Posting works", body="<p>How.</p>")
    row = site_settings.current()
    row.invitation_queue = True
    site_settings.save(row)
    entry, _ = invitations.join_queue("someone@example.org")
    invitations.grant(author, 1)
    create_token(author, "e-reader")
    return PAGES + [post.get_absolute_url(), entry.get_absolute_url()]


def signed_in(browser, live_server, user, **context):
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, **context)
    context.set_default_timeout(60_000)
    page = context.new_page()
    page.goto("/login")
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    page.goto("/account")
    page.get_by_label("I have read and accept").check()  # the terms were made after sign-up
    page.get_by_role("button", name="Accept and go on").click()
    page.wait_for_url("**/account")
    return context, page


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is not installed (npm ci)")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_account_and_archive_pages_pass_axe(browser, live_server, author, site, scheme):
    context, page = signed_in(browser, live_server, author, color_scheme=scheme)
    try:
        page.goto("/account/security")
        page.get_by_role("button", name="Set up an authenticator app").click()
        page.wait_for_url("**/account/security/totp")
        found = {url: violations(page, url) for url in [*site, "/account/security/totp"]}
        bad = {url: v for url, v in found.items() if v}
        assert not bad, "\n".join(f"{url}: {v}" for url, v in bad.items())
    finally:
        context.close()


def test_no_account_or_archive_page_is_wider_than_a_phone(browser, live_server, author, site):
    context, page = signed_in(browser, live_server, author, viewport={"width": 390, "height": 800})
    try:
        wide = {}
        for url in site:
            page.goto(url)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 390:
                wide[url] = width
        assert not wide
        page.goto("/account/delete")
        orphan = page.get_by_role("group", name="Keeper of Tides").get_by_label("Orphan it")
        box, label = orphan.bounding_box(), page.get_by_text("Orphan it").bounding_box()
        assert abs(box["y"] - label["y"]) < box["height"]  # the radio beside its label
    finally:
        context.close()
