"""What every page asks of its signed-in reader (accounts.reader_parts: wrangler rights, the
site skin, unread notices) is read with their preferences in one query, and shows at once on
a kept page when it changes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ficarchive.feedback.services.comments import post_comment
from ficarchive.skins.models import Skin
from ficarchive.skins.services import save_skin, use_site_skin
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def readers(client_for):
    users = [make_user(n) for n in ("lanternwatcher", "quaysidepoet")]
    return [(u, client_for(u)) for u in users]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), response.get("X-Page-Cache")


def test_a_reader_made_a_wrangler_sees_the_wrangle_link_on_the_kept_page_at_once(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    (_, first), (second, second_client) = readers
    get(first, url)
    text, state = get(second_client, url)
    assert state == "reader-hit" and 'href="/tags/wrangle"' not in text
    second.groups.add(Group.objects.get_or_create(name="wranglers")[0])
    text, state = get(second_client, url)
    assert state == "reader-hit" and 'href="/tags/wrangle"' in text
    assert 'href="/tags/wrangle"' not in get(first, url)[0]
    second.groups.clear()
    assert 'href="/tags/wrangle"' not in get(second_client, url)[0]


def test_a_reader_who_puts_on_a_site_skin_sees_it_on_the_kept_page_at_once(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    (_, first), (second, second_client) = readers
    get(first, url)
    skin = save_skin(second, kind=Skin.SITE, title="Night", css="body { color: #eee; }")
    assert "data-site-skin" not in get(second_client, url)[0]
    use_site_skin(second, skin)
    text, state = get(second_client, url)
    assert state == "reader-hit" and f'data-site-skin="{skin.pk}"' in text
    assert skin.stylesheet_url in text
    assert "data-site-skin" not in get(first, url)[0]  # the other reader's page has none
    skin = Skin.objects.get(pk=skin.pk)  # as the skin's edit page reads it
    skin = save_skin(second, kind=Skin.SITE, title="Night", css="body { color: #ddd; }", skin=skin)
    assert skin.stylesheet_url in get(second_client, url)[0]  # the new CSS's address
    use_site_skin(second, None)
    assert "data-site-skin" not in get(second_client, url)[0]


def test_a_reply_shows_in_the_readers_inbox_count_on_the_kept_page(shelf, readers, author):
    work, other = shelf
    url = reverse("work", args=[work.pk])
    (_, first_client), (second, second_client) = readers
    asked = post_comment(other, user=second, pseud=second.default_pseud, body="Which apples?")
    get(first_client, url)
    text, state = get(second_client, url)
    assert state == "reader-hit" and "unread in your inbox" not in text
    post_comment(other, user=author, pseud=author.default_pseud, body="The red ones.",
                 parent=asked)  # fmt: skip
    text, state = get(second_client, url)
    assert state == "reader-hit" and '1<span class="visually-hidden"> unread in your inbox' in text
    assert "unread in your inbox" not in get(first_client, url)[0]


def test_what_every_page_asks_of_a_reader_is_read_with_their_preferences_in_one_query(
    shelf, readers
):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    (_, first), (_, second_client) = readers
    get(first, url)
    get(second_client, url)
    with CaptureQueriesContext(connection) as done:
        get(second_client, url)
    asked = [q["sql"] for q in done.captured_queries]
    with_preferences = [sql for sql in asked if '"accounts_preference"' in sql]
    assert len(with_preferences) == 1
    others = " ".join(sql for sql in asked if sql not in with_preferences)
    for table in ("auth_group", "skins_skin", "feedback_notification"):
        assert table in with_preferences[0] and table not in others


def test_a_renamed_reader_sees_their_new_name_and_links_in_the_menu_at_once(shelf, readers):
    work, _ = shelf
    url = reverse("work", args=[work.pk])
    (_, first), (second, second_client) = readers
    get(first, url)
    text, _ = get(second_client, url)
    assert f'href="/users/{second.username}"' in text
    renamed = second_client.post(
        "/account/username", {"username": "harbourwatch", "password": PASSWORD}
    )
    assert renamed.status_code == 302
    text, _ = get(second_client, url)
    assert '<span class="menu-name">harbourwatch</span>' in text
    assert 'href="/users/harbourwatch"' in text and "quaysidepoet" not in text
