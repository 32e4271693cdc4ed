"""News posts by admins: on the front page, their own pages by tag, comments (signed-in
readers, guests while the operator allows them), and an Atom feed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from ficarchive.site_pages import news
from ficarchive.site_pages.models import NewsComment, NewsPost

ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def post(admin_user):
    return news.save_post(
        NewsPost(title="Tag wrangling volunteers wanted", author=admin_user,
                 body="<p>We need <strong>wranglers</strong>.</p><script>alert(1)</script>"),
        ["Volunteers", "Tags"],
    )  # fmt: skip


def test_a_news_post_shows_on_the_front_page_at_once_even_for_kept_pages(guest, admin_user):
    assert guest.get("/")["X-Page-Cache"] == "miss"
    assert guest.get("/")["X-Page-Cache"] == "hit"
    news.save_post(NewsPost(title="Welcome to the archive", body="<p>Hello.</p>"), [])
    home = guest.get("/").content.decode()
    assert "Welcome to the archive" in home


def test_a_post_page_shows_its_sanitized_body_and_tags(guest, post):
    page = guest.get(post.get_absolute_url()).content.decode()
    assert "<strong>wranglers</strong>" in page
    assert "alert(1)" not in page
    assert "?tag=Volunteers" in page


def test_the_news_list_by_tag_shows_only_posts_with_that_tag(guest, post):
    news.save_post(NewsPost(title="Server move", body="<p>Sunday.</p>"), ["Maintenance"])
    tagged = guest.get("/news?tag=volunteers").content.decode()
    assert "Tag wrangling volunteers wanted" in tagged and "Server move" not in tagged
    assert guest.get("/news?tag=Nothing").status_code == 404


def test_a_draft_or_future_post_is_hidden_from_readers_and_shown_to_admins(
    guest, client_for, admin_user
):
    draft = news.save_post(NewsPost(title="Not yet", body="<p>Soon.</p>", posted=False))
    later = news.save_post(
        NewsPost(title="Tomorrow", body="<p>.</p>", published_at=timezone.now() + timezone.timedelta(days=1))
    )  # fmt: skip
    for hidden in (draft, later):
        assert guest.get(hidden.get_absolute_url()).status_code == 404
    assert "Not yet" not in guest.get("/news").content.decode()
    assert client_for(admin_user).get(draft.get_absolute_url()).status_code == 200


def test_the_feed_lists_posts_as_atom_with_their_tags(guest, post):
    response = guest.get("/news/feed")
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Tag wrangling volunteers wanted"]
    categories = {c.get("term") for c in entries[0].findall(f"{ATOM}category")}
    assert categories == {"Volunteers", "Tags"}
    assert entries[0].find(f"{ATOM}link").get("href").endswith(post.get_absolute_url())


def test_a_reader_comments_and_replies_and_the_thread_shows_in_order(client_for, reader, post):
    client = client_for(reader)
    first = client.post(f"/news/{post.pk}/comments", {"body": "I can help on weekends."})
    assert first.status_code == 302
    top = NewsComment.objects.get()
    client.post(f"/news/{post.pk}/comments", {"body": "Me too!", "parent": str(top.pk)})
    page = client.get(post.get_absolute_url()).content.decode()
    assert page.index("I can help on weekends.") < page.index("Me too!")
    assert NewsComment.objects.get(body__contains="Me too").parent == top


def test_a_guest_comments_with_a_name_and_not_when_guest_comments_are_off(guest, post, configure):
    guest.post(f"/news/{post.pk}/comments", {"body": "Count me in.", "guest_name": "Wren"})
    assert NewsComment.objects.get().author_name == "Wren"
    configure(guest_comments=False)
    page = guest.get(post.get_absolute_url()).content.decode()
    assert "Log in</a> to comment" in page
    refused = guest.post(f"/news/{post.pk}/comments", {"body": "Again.", "guest_name": "Wren"})
    assert refused.status_code == 403
    assert NewsComment.objects.count() == 1


def test_an_empty_comment_is_refused_with_a_message_and_nothing_saved(client_for, reader, post):
    response = client_for(reader).post(
        f"/news/{post.pk}/comments", {"body": "<p> </p>"}, follow=True
    )
    assert "Your comment is empty" in response.content.decode()
    assert not NewsComment.objects.exists()


def test_closed_comments_take_no_more(client_for, reader, post):
    post.comments_closed = True
    news.save_post(post)
    response = client_for(reader).post(f"/news/{post.pk}/comments", {"body": "Late."})
    assert response.status_code == 403
    assert not NewsComment.objects.exists()


def test_only_the_writer_or_staff_delete_a_comment(client_for, reader, author, admin_user, post):
    client_for(reader).post(f"/news/{post.pk}/comments", {"body": "Mine."})
    comment = NewsComment.objects.get()
    assert client_for(author).post(f"/news/comments/{comment.pk}/delete").status_code == 403
    assert NewsComment.objects.exists()
    client_for(admin_user).post(f"/news/comments/{comment.pk}/delete")
    assert not NewsComment.objects.exists()


def test_the_admin_writes_a_post_with_tags_and_it_is_on_the_front_page(
    client_for, admin_user, guest
):
    admin = client_for(admin_user)
    response = admin.post(
        "/admin/site_pages/newspost/add/",
        {"title": "New FAQ", "body": "<p>Read it.</p>", "tag_names": "Help, help, FAQ",
         "posted": "on", "published_at_0": "2020-01-01", "published_at_1": "10:00:00"},
    )  # fmt: skip
    assert response.status_code == 302
    post = NewsPost.objects.get()
    assert post.author == admin_user
    assert sorted(t.name for t in post.tags.all()) == ["FAQ", "Help"]
    assert "New FAQ" in guest.get("/").content.decode()
