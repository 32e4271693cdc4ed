"""Whatever text a user gives, every page, feed and file that shows it still answers: the
Atom feed, the OPDS catalog, EPUB, HTML, TXT and PDF downloads, the JSON API and the HTML pages
(issue 12, finding 1). Two roads: text typed into the forms, which the character rule cleans
on the way in, and text already in the database (written before the rule or by another road),
which every serializer cleans on the way out."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import quote

import pytest
from django.core.cache import cache
from django.db import connection, transaction
from django.urls import reverse
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from lxml import etree

from ficarchive.accounts.models import Pseud, User
from ficarchive.feedback.models import Bookmark, BookmarkTag, Comment
from ficarchive.feedback.services import save_bookmark
from ficarchive.feedback.services.comments import post_comment
from ficarchive.tags.models import Tag, name_key
from ficarchive.text.characters import clean_text
from ficarchive.works.models import Chapter, Work
from ficarchive.works.services import post_work
from tests.works.conftest import work_form

pytestmark = pytest.mark.django_db

FEW = settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # shrinking a page-level case is slow
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
# What a browser can send: any character but lone surrogates (a page's form is UTF-8).
typed = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)
STORED_FIELDS = (
    "title", "summary", "notes", "end_notes", "fandom", "relationship", "character", "freeform",
    "chapter_title", "chapter_body", "chapter_notes", "pseud", "pseud_description", "bio",
    "comment", "bookmark_notes", "bookmark_tag",
)  # fmt: skip


def stored_text():
    """What a database can hold: PostgreSQL refuses NUL, neither holds lone surrogates."""
    banned = "\x00" if connection.vendor == "postgresql" else ""
    alphabet = st.characters(exclude_categories=("Cs",), exclude_characters=banned)
    return st.text(alphabet, min_size=1, max_size=30)


# A pseud's name as every road to one allows it (accounts.forms.NAME_RULE): it is in addresses.
pseud_names = st.from_regex(r"\A\w[\w .\-]{0,30}\Z", fullmatch=True).map(str.strip)


def tag_name(text: str) -> str:
    """A tag name as the tags app stores every one: spaces collapsed (tags.services)."""
    return " ".join(text.split()) or "x"


def _parses_as_xml(data: bytes) -> None:
    etree.fromstring(data)


def assert_every_serializer_answers(client, work: Work, fandom: Tag, user: User) -> None:
    cache.clear()  # the download builds' rate limit counts every example otherwise
    pages = [
        work.get_absolute_url(),
        reverse("profile", kwargs={"username": user.username}),
        reverse("user_bookmarks", kwargs={"username": user.username}),
        reverse("tag_works", kwargs={"name": fandom.name}),
        reverse("works_index"),
        "/",
    ]
    for url in pages:
        assert client.get(url).status_code == 200, url
    for url in (reverse("tag_feed", kwargs={"name": fandom.name}), reverse("opds_recent")):
        response = client.get(url)
        assert response.status_code == 200, url
        _parses_as_xml(response.content)
    for ext in ("epub", "html", "txt", "pdf"):
        url = reverse("download", kwargs={"work_id": work.pk, "filename": "x", "ext": ext})
        response = client.get(url)
        assert response.status_code == 200, url
        data = b"".join(response.streaming_content)
        if ext == "epub":
            with zipfile.ZipFile(io.BytesIO(data)) as book:
                for name in book.namelist():
                    if name.endswith((".xhtml", ".opf", ".ncx")):
                        _parses_as_xml(book.read(name))
        if ext in ("html", "txt"):
            data.decode("utf-8")
    for url in (
        f"/api/v1/works/{work.pk}",
        "/api/v1/works",
        f"/api/v1/tags/{quote(fandom.name, safe='')}",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        response.json()


@pytest.fixture
def readers_client(client_for, reader):
    return client_for(reader)


@FEW
@given(data=st.data())
def test_any_stored_text_leaves_every_serializer_working(author, reader, readers_client, data):
    text = {name: data.draw(stored_text(), label=name) for name in STORED_FIELDS}
    text["pseud"] = data.draw(pseud_names, label="pseud name")
    with transaction.atomic():
        work = post_work(
            pseuds=[author.default_pseud], title="Placeholder", rating="General Audiences",
            fandoms=["Placeholder Fandom"], relationships=["A/B"], characters=["A"],
            freeforms=["Placeholder"], body="<p>Placeholder.</p>", chapter_title="One",
        )  # fmt: skip
        Work.objects.filter(pk=work.pk).update(
            title=text["title"], summary=text["summary"], notes=text["notes"],
            end_notes=text["end_notes"],
        )  # fmt: skip
        Chapter.objects.filter(work=work).update(
            title=text["chapter_title"], body=text["chapter_body"], notes=text["chapter_notes"]
        )
        for kind in ("fandom", "relationship", "character", "freeform"):
            name = tag_name(text[kind])
            work.tags.filter(type=kind).update(name=name, name_key=name_key(name))
        Pseud.objects.filter(pk=author.default_pseud.pk).update(
            name=text["pseud"], description=text["pseud_description"]
        )
        User.objects.filter(pk=author.pk).update(bio=text["bio"])
        comment = post_comment(work, body="<p>Placeholder.</p>", user=reader)
        Comment.objects.filter(pk=comment.pk).update(body=text["comment"])
        save_bookmark(reader, work=work, notes="", tags=["placeholder"])
        Bookmark.objects.filter(user=reader).update(notes=text["bookmark_notes"])
        BookmarkTag.objects.filter(bookmark__user=reader).update(
            name=tag_name(text["bookmark_tag"])
        )
        work.refresh_from_db()
        fandom = work.tags.get(type="fandom")
        assert_every_serializer_answers(readers_client, work, fandom, author)
        transaction.set_rollback(True)


@FEW
@given(data=st.data())
def test_any_typed_text_is_stored_clean_and_served(author, client_for, reader, data):
    fields = {
        name: data.draw(typed, label=name)
        for name in ("title", "summary", "notes", "end_notes", "fandoms", "relationships",
                     "characters", "freeforms", "chapter-title", "chapter-body", "comment",
                     "bookmark", "bio", "pseud_description")
    }  # fmt: skip
    authors, readers = client_for(author), client_for(reader)
    with transaction.atomic():
        form = work_form(pseuds=[author.default_pseud.pk],
                         **{k: v for k, v in fields.items() if "-" in k or k in work_form()})  # fmt: skip
        response = authors.post(reverse("new_work"), form)
        assert response.status_code in (200, 302)
        readers.post(reverse("edit_profile"), {"bio": fields["bio"]})
        work = Work.objects.filter(posted=True).first()
        if work is None:  # refused with a message (an empty title after cleaning, say)
            assert "errorlist" in response.content.decode() or "error" in response.content.decode()
            transaction.set_rollback(True)
            return
        comment_url = reverse("post_comment", kwargs={"work_id": work.pk})
        assert readers.post(comment_url, {"body": fields["comment"]}).status_code < 500
        bookmark_url = reverse("bookmark_work", kwargs={"work_id": work.pk})
        assert readers.post(bookmark_url, {"notes": fields["bookmark"]}).status_code < 500
        for value in _stored_texts(work, reader):
            assert clean_text(value) == value, repr(value)
        fandom = work.tags.filter(type="fandom").first()
        assert_every_serializer_answers(readers, work, fandom, reader)
        transaction.set_rollback(True)


def _stored_texts(work: Work, reader: User) -> list[str]:
    chapter = work.chapters.get()
    values = [work.title, work.summary, work.notes, work.end_notes, chapter.title, chapter.body]
    values += [t.name for t in work.tags.all()]
    values += list(Comment.objects.values_list("body", flat=True))
    values += list(Bookmark.objects.values_list("notes", flat=True))
    values.append(User.objects.get(pk=reader.pk).bio)
    return values
