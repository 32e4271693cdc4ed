"""Every rule about who may see what, and what a reader asked not to see, on every surface that
lists or shows works, comments, bookmarks or users: pages reached by following links from the
home page, and the addresses no page links to (feeds, OPDS, the API, downloads, search).

One archive holds a work in each state — a draft, one hidden by a moderator, a restricted one,
one in an unrevealed collection, an anonymous one, one of a suspended account, a deleted one,
one waiting in a moderated collection — and one work carrying a tag the reader muted and one by
a creator they muted. Pages are first read while every work is still open (so that kept pages
and kept fragments exist), then the works change state, then each role walks every surface.
A marker word in each work's title, summary and own tag shows on a page exactly when the work
(or its tag) does; the anonymous work's creator has no other work, so their name anywhere but
their own pages gives them away."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter, deque
from urllib.parse import quote, unquote, urlsplit

import pytest
from django.core import mail
from django.test import Client

from ficarchive.accounts.models import Mute
from ficarchive.collections.items import add_work
from ficarchive.collections.services import create_collection
from ficarchive.discovery.models import MutedTag
from ficarchive.feedback.services import post_comment, save_bookmark, subscribe
from ficarchive.feedback.services.history import flush_readings, record_reading
from ficarchive.moderation.services import take_action
from ficarchive.tags.models import Tag
from ficarchive.works.chapters import add_chapter
from ficarchive.works.gifts import set_gifts
from ficarchive.works.models import Work
from ficarchive.works.related import add_source, answer_link
from ficarchive.works.series import place_in_series
from ficarchive.works.services import delete_work, post_work
from tests.conftest import make_user
from tests.discovery.helpers import make_canonical

pytestmark = pytest.mark.django_db

# marker -> what it stands for. Each is in its work's title, summary and one freeform tag.
DRAFT, HIDDEN, RESTRICTED = "Draftmarker", "Hiddenmarker", "Restrictedmarker"
UNREVEALED, SUSPENDED, DELETED = "Unrevealedmarker", "Suspendedmarker", "Deletedmarker"
MUTED_TAG, MUTED_CREATOR, PENDING = "Mutedmarker", "Loudmarker", "Pendingmarker"
ANONYMOUS, OPEN, UNPOSTED = "Anonmarker", "Openmarker", "Unpostedmarker"
SECRET_PEN = "secretpen"  # the anonymous work's only creator

ROLES = ["guest", "reader", "author", "admin"]
NEVER = {DRAFT: {"author"}, HIDDEN: {"author", "admin"}, RESTRICTED: {"reader", "author", "admin"},
         UNREVEALED: {"admin"}, SUSPENDED: {"admin"}, DELETED: set(),
         SECRET_PEN: {"admin"}, UNPOSTED: {"author"}}  # fmt: skip
MUTED = {MUTED_TAG, MUTED_CREATOR}  # the reader's blocklist

LINK = re.compile(r'(?:href|src)="(/[^"#]*)"')
SKIPPED = ("/logout", "/static/", "/admin", "/media/", "/favicon", "/skins/", "/banner/")
NOT_READ = (".pdf", ".css", ".js", ".svg", ".png")
# Pages that act (behind a question or POST-only, but never walked into on a GET).
ACTING = ("/delete", "/orphan", "/leave", "/unmute", "/unblock", "/block", "/revoke",
          "/sign-out", "/clear", "/reveal", "/refuse", "/post", "/signup", "/login")  # fmt: skip


def forbidden_for(role: str) -> set[str]:
    words = {marker for marker, allowed in NEVER.items() if role not in allowed}
    return words | (MUTED if role == "reader" else set())


def _post(user, marker: str, **fields) -> Work:
    fields.setdefault("fandoms", ["Original Work"])
    fields.setdefault("rating", "General Audiences")
    freeforms = [*fields.pop("freeforms", []), f"{marker} Trope"]
    return post_work(
        pseuds=[user.default_pseud], title=f"{marker} Tide", freeforms=freeforms,
        summary=f"<p>A {marker} summary.</p>", body=f"<p>The {marker} body.</p>", **fields,
    )  # fmt: skip


class Scene:
    def __init__(self, author, coauthor, reader, admin):
        self.author, self.reader, self.admin = author, reader, admin
        self.secretpen, self.loudpen = make_user(SECRET_PEN), make_user("loudpen")
        self.gonepen, keeper = make_user("gonepen"), make_user("keeper")
        self.open = _post(author, OPEN, freeforms=["Fluff"])
        self.draft = _post(author, DRAFT, draft=True)
        self.unposted = add_chapter(self.open, title=f"{UNPOSTED} Tide",
                                    body=f"<p>The {UNPOSTED} body.</p>", draft=True)  # fmt: skip
        self.hidden = _post(author, HIDDEN)
        self.restricted = _post(author, RESTRICTED, restricted=True)
        self.unrevealed = _post(coauthor, UNREVEALED)
        self.anonymous = _post(self.secretpen, ANONYMOUS)
        self.suspended = _post(self.gonepen, SUSPENDED)
        self.deleted = _post(coauthor, DELETED)
        self.muted_tag = _post(coauthor, MUTED_TAG, freeforms=["Angst"])
        self.muted_creator = _post(self.loudpen, MUTED_CREATOR)
        self.pending = _post(coauthor, PENDING)
        for child, by in ((self.muted_creator, self.loudpen), (self.muted_tag, coauthor),
                          (self.hidden, author), (self.restricted, author)):  # fmt: skip
            link = add_source(child, by, url=f"/works/{self.open.pk}")
            answer_link(link, author, True)
        make_canonical("Angst", "Fluff")
        series = place_in_series(self.open, author, new_title="Tidal Series", announce=False)
        for work in (self.draft, self.hidden, self.restricted):
            place_in_series(work, author, series=series, announce=False)
        self.series = series
        listed = [self.open, self.hidden, self.restricted, self.unrevealed, self.anonymous,
                  self.suspended, self.deleted, self.muted_tag, self.muted_creator, self.pending]  # fmt: skip
        for work in listed:  # bookmarked by the reader and by someone else; commented on
            for user in (reader, keeper):
                save_bookmark(user, work=work, notes="<p>noted</p>", tags=["sea"])
            post_comment(work, body=f"<p>On {work.title[:-5]} a comment.</p>", user=keeper)
            record_reading(reader, work.pk, work.chapters.first().pk)
        flush_readings()
        subscribe(reader, creator=coauthor)
        for work in (self.deleted, self.hidden, self.unrevealed, self.suspended):
            subscribe(reader, work=work)
        question = post_comment(self.anonymous, body="<p>Is there more?</p>", user=reader)
        post_comment(self.anonymous, body="<p>Thank you all.</p>", user=self.secretpen,
                     parent=question)  # fmt: skip
        self.keeper = keeper
        set_gifts(self.muted_tag, [keeper.default_pseud], coauthor)
        set_gifts(self.hidden, [keeper.default_pseud], author)
        set_gifts(self.muted_creator, [reader.default_pseud], self.loudpen)
        self.gatefest = create_collection(keeper, name="gatefest", title="Gate Fest",
                                          moderated=True)  # fmt: skip
        self.hushfest = create_collection(keeper, name="hushfest", title="Hush Fest")
        self.maskfest = create_collection(keeper, name="maskfest", title="Mask Fest")
        self.openfest = create_collection(keeper, name="openfest", title="Open Fest")
        for work in (self.open, self.hidden, self.restricted, self.muted_tag, self.suspended):
            add_work(self.openfest, work, work.creatorships.get().pseud.user)

    def change_states(self):
        """After the pages were read once: the works take their states."""
        take_action(self.admin, "hide_work", "work", self.hidden.pk, "Spam.")
        take_action(self.admin, "suspend_user", "user", self.gonepen.pk, "Spam account.")
        from ficarchive.collections.services import update_collection

        update_collection(self.hushfest, self.keeper, unrevealed=True)
        update_collection(self.maskfest, self.keeper, anonymous=True)
        add_work(self.hushfest, self.unrevealed, self.unrevealed.creatorships.get().pseud.user)
        mail.outbox.clear()
        add_work(self.maskfest, self.anonymous, self.secretpen)
        question = self.anonymous.comments.get(user=self.reader)
        post_comment(self.anonymous, body="<p>Soon.</p>", user=self.secretpen, parent=question)
        add_work(self.gatefest, self.pending, self.pending.creatorships.get().pseud.user)
        add_work(self.gatefest, self.open, self.author)
        self.deleted_id = self.deleted.pk
        delete_work(self.deleted)
        MutedTag.objects.create(user=self.reader, tag=Tag.objects.get(name="Angst"))
        Mute.objects.create(muter=self.reader, muted=self.loudpen)
        Mute.objects.create(muter=self.reader, muted=self.secretpen)  # must hide nothing
        from ficarchive.pagecache.readers import forget_reader

        forget_reader(self.reader.pk)


def unlinked_addresses(scene: Scene) -> list[str]:
    """The addresses no page links to, or not for every role: feeds, OPDS, the API, search,
    downloads, each work's pages, each person's pages."""
    works = [scene.open, scene.draft, scene.hidden, scene.restricted, scene.unrevealed,
             scene.anonymous, scene.suspended, scene.muted_tag, scene.muted_creator,
             scene.pending]  # fmt: skip
    fandom = Tag.objects.get(name="Original Work")
    urls = [
        "/", "/works", "/works?sort=title", "/works?sort=kudos", "/search?q=Tide",
        "/works/search?q=summary", f"/search?q={SECRET_PEN}", "/search?q=gonepen",
        "/tags", "/tags/Original%20Work", "/tags/Original%20Work/works",
        "/tags/Original%20Work/feed.atom", "/tags/Fluff/feed.atom", "/collections",
        "/news/feed", "/opds", "/opds/recent", "/opds/kudos", "/opds/fandoms",
        f"/opds/fandoms/{fandom.pk}", "/opds/collections", "/opds/search?q=Tide",
        f"/opds/search?q={SECRET_PEN}", "/api/v1/works", "/api/v1/works?sort=title",
        "/api/v1/search?q=Tide", f"/api/v1/search?q={SECRET_PEN}", "/api/v1/collections",
        f"/users/{scene.reader.username}/bookmarks", "/inbox", "/history", "/subscriptions",
        "/dashboard", "/stats/archive", "/moderation",
    ]  # fmt: skip
    for marker in [DRAFT, HIDDEN, RESTRICTED, UNREVEALED, SUSPENDED, DELETED, ANONYMOUS, OPEN]:
        name = quote(f"{marker} Trope")
        urls += [f"/tags/{name}", f"/tags/{name}/works", f"/tags/{name}/feed.atom",
                 f"/api/v1/tags/{name}", f"/tags/autocomplete?type=freeform&q={marker[:5]}",
                 f"/api/v1/tags?type=freeform&q={marker[:5]}"]  # fmt: skip
    for name in ("gatefest", "hushfest", "maskfest", "openfest"):
        urls += [f"/collections/{name}", f"/collections/{name}/works",
                 f"/collections/{name}/works.atom", f"/collections/{name}/bookmarks",
                 f"/collections/{name}/participants", f"/opds/collections/{name}",
                 f"/api/v1/collections/{name}", f"/api/v1/collections/{name}/works"]  # fmt: skip
    for user in ("author", "coauthor", SECRET_PEN, "gonepen", "loudpen", "keeper", "reader"):
        urls += [f"/users/{user}", f"/users/{user}/works", f"/users/{user}/pseuds/{user}",
                 f"/users/{user}/pseuds/{user}/works", f"/users/{user}/bookmarks",
                 f"/users/{user}/gifts", f"/users/{user}/stats"]  # fmt: skip
    for work in [*works, Work(pk=scene.deleted_id)]:
        urls += [f"/works/{work.pk}", f"/works/{work.pk}?view_full_work=true",
                 f"/works/{work.pk}/navigate", f"/api/v1/works/{work.pk}",
                 f"/works/{work.pk}/related_works", f"/series/{scene.series.pk}"]  # fmt: skip
        for ext in ("epub", "html", "txt"):
            urls += [f"/downloads/{work.pk}/work.{ext}", f"/opds/downloads/{work.pk}/work.{ext}"]
    unposted = f"/works/{scene.open.pk}/chapters/{scene.unposted.pk}"
    return [*urls, unposted, f"/api/v1{unposted}"]


def text_of(response) -> str:
    """What a response shows: its text, or the text of every file in an EPUB."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if content[:2] == b"PK":
        with zipfile.ZipFile(io.BytesIO(content)) as book:
            return "\n".join(book.read(n).decode("utf-8", "replace") for n in book.namelist())
    return content.decode("utf-8", "replace")


def shown_strings(marker: str) -> list[str]:
    """What of a marked work a page would show: its title, summary, body or own tag."""
    if marker == SECRET_PEN:
        return [SECRET_PEN]
    return [f"{marker} {part}" for part in ("Tide", "summary", "body", "Trope")]


def leaks_on(path: str, text: str, marker: str) -> bool:
    """Whether the page shows the marked thing, beyond what its own address asked for (a tag
    page or a search echoes the name it was asked)."""
    asked = unquote(path)
    return any(s in text for s in shown_strings(marker) if s not in asked)


def own_page(path: str, scene: Scene, marker: str) -> bool:
    """Where a marker may show to the reader who muted it, or a creator's name to anyone:
    the muted work's own pages, the anonymous creator's own pages, the blocklist."""
    if path.startswith("/tags/wrangle"):
        return True  # a wrangler's tools list every tag as typed, drafts' too (docs/tags.md)
    if marker == SECRET_PEN:
        return path.startswith(f"/users/{SECRET_PEN}") or path.startswith(
            ("/preferences/blocklist", "/blocked")
        )
    if marker in MUTED:
        work = scene.muted_tag if marker == MUTED_TAG else scene.muted_creator
        comments = tuple(f"/comments/{c.pk}" for c in work.comments.all())
        own = (f"/works/{work.pk}", f"/api/v1/works/{work.pk}", f"/downloads/{work.pk}/",
               f"/opds/downloads/{work.pk}/", "/preferences/blocklist", "/blocked",
               *comments)  # fmt: skip
        return path.startswith(own) or "show_muted=1" in path
    return False


def walk(client: Client, starts: list[str], limit: int = 700) -> dict[str, tuple[int, str]]:
    """Every address in `starts` and every page reachable from them by links, read with GET:
    {path: (status, text)}. A path is read with at most three different query strings."""
    seen: dict[str, tuple[int, str]] = {}
    queries: Counter[str] = Counter()
    queue = deque(starts)
    while queue and len(seen) < limit:
        path = queue.popleft()
        if path in seen:
            continue
        bare = urlsplit(path).path
        if "?" in path and path not in starts:
            if queries[bare] >= 3:
                continue
            queries[bare] += 1
        response = client.get(path)
        text = text_of(response)
        seen[path] = (response.status_code, text)
        if "html" not in response.get("Content-Type", ""):
            if "xml" not in response.get("Content-Type", ""):
                continue
        for link in LINK.findall(text):
            link = link.replace("&amp;", "&")
            bare = urlsplit(link).path
            if (
                link.startswith(SKIPPED)
                or bare.endswith(NOT_READ)
                or any(a in bare for a in ACTING)
            ):
                continue
            if link not in seen:
                queue.append(link)
    return seen


@pytest.fixture
def scene(author, coauthor, reader, admin_user, client_for, monkeypatch):
    from ficarchive.exports import views as download_views

    monkeypatch.setattr(download_views, "BUILDS_PER_WINDOW", 1_000)  # every download is read
    built = Scene(author, coauthor, reader, admin_user)
    clients = {"guest": Client(), "reader": client_for(reader), "author": client_for(author),
               "admin": client_for(admin_user)}  # fmt: skip
    for role in ("guest", "reader"):  # pages and fragments kept while every work was open
        walk(clients[role], ["/", "/works", "/tags/Original%20Work/works", "/opds/recent",
                             "/users/author", "/users/coauthor/works"], limit=60)  # fmt: skip
    built.change_states()
    built.clients = clients
    return built


@pytest.mark.parametrize("role", ROLES)
def test_no_surface_shows_a_role_what_it_may_not_see(scene, role):
    pages = walk(scene.clients[role], unlinked_addresses(scene))
    assert len(pages) > 150
    leaks = sorted(
        (marker, path, status)
        for path, (status, text) in pages.items()
        for marker in forbidden_for(role)
        if leaks_on(path, text, marker) and not own_page(path, scene, marker)
    )
    assert not leaks, "\n".join(f"{m} on {p} ({s})" for m, p, s in leaks)


def test_the_pending_work_is_not_listed_by_its_moderated_collection(scene):
    for role in ROLES:
        client = scene.clients[role]
        for path in ("/collections/gatefest", "/collections/gatefest/works",
                     "/collections/gatefest/works.atom", "/opds/collections/gatefest",
                     "/api/v1/collections/gatefest/works"):  # fmt: skip
            text = text_of(client.get(path))
            assert PENDING not in text, (role, path)


def test_muting_an_anonymous_creator_hides_nothing_and_counts_nothing(scene):
    client = scene.clients["reader"]
    for path in ("/", "/works", "/tags/Original%20Work/works", "/collections/maskfest/works",
                 "/api/v1/works", "/opds/recent"):  # fmt: skip
        text = text_of(client.get(path))
        assert ANONYMOUS in text, path
    home = client.get("/").content.decode()
    assert "2 works are hidden by your blocklist" in home  # the muted tag's and creator's


@pytest.mark.parametrize("role", ["guest", "reader", "author"])
def test_searching_for_the_anonymous_creator_finds_nothing(scene, role):
    client = scene.clients[role]
    for path in (f"/search?q={SECRET_PEN}", f"/works?q={SECRET_PEN}",
                 f"/opds/search?q={SECRET_PEN}", f"/api/v1/search?q={SECRET_PEN}"):  # fmt: skip
        assert ANONYMOUS not in text_of(client.get(path)), path


def test_mail_and_inbox_never_name_the_anonymous_creator(scene):
    mailed = [m for m in mail.outbox if scene.reader.email in m.to]
    assert mailed  # the anonymous creator's reply reached the reader
    for message in mailed:
        bodies = [
            message.subject,
            message.body,
            *(a[0] for a in getattr(message, "alternatives", [])),
        ]
        assert not any(SECRET_PEN in body for body in bodies)
    inbox = scene.clients["reader"].get("/inbox").content.decode()
    assert "Anonymous Creator" in inbox and SECRET_PEN not in inbox


def test_a_collections_counts_are_what_its_pages_list(scene):
    """The open collection holds the open, hidden, restricted, muted and suspended works."""
    expected = {"guest": 2, "reader": 2, "author": 4, "admin": 5}
    for role, n in expected.items():
        client = scene.clients[role]
        index = client.get("/collections").content.decode()
        entry = re.search(r'href="/collections/openfest">Open Fest</a></h2><p>(\d+) work', index)
        assert entry and int(entry[1]) == n, role
        front = client.get("/collections/openfest").content.decode()
        assert f"Recent works ({n})" in front, role
