"""Stats only to a work's creators and staff; readers are never named in them."""

import pytest
from django.test import Client

from ficarchive.feedback.services import leave_kudos
from ficarchive.feedback.services.comments import post_comment
from tests.conftest import make_user

pytestmark = pytest.mark.django_db


def addresses(username, work):
    base = f"/users/{username}/stats"
    return [
        base, f"{base}/chart.csv", f"{base}/works/{work.pk}",
        f"{base}/works/{work.pk}/chart.csv", f"{base}/works/{work.pk}/chapters.csv",
    ]  # fmt: skip


def test_a_reader_never_sees_another_authors_stats(saga, author, reader, client_for):
    client = client_for(reader)
    for url in addresses(author.username, saga):
        response = client.get(url)
        assert response.status_code == 403, url
        assert "The Long Road" not in response.content.decode()
    # nor through their own address: the work is not theirs
    for url in addresses(reader.username, saga)[2:]:
        assert client.get(url).status_code == 404, url


def test_an_author_never_sees_another_authors_stats(saga, sketch, author, coauthor, client_for):
    """The co-author of the saga has stats of their own, but none of the author's: not their
    page (403), nor the author's own work through their address (404)."""
    client = client_for(coauthor)
    assert client.get(f"/users/{coauthor.username}/stats").status_code == 200
    for url in addresses(author.username, sketch):
        assert client.get(url).status_code == 403, url
    for url in addresses(coauthor.username, sketch)[2:]:
        assert client.get(url).status_code == 404, url
    mine = client.get(f"/users/{coauthor.username}/stats").content.decode()
    assert "The Long Road" in mine and "A Small Sketch" not in mine


def test_guests_are_sent_to_log_in(saga, author):
    response = Client().get(f"/users/{author.username}/stats")
    assert response.status_code == 302 and "/login" in response["Location"]


def test_staff_see_an_authors_stats(saga, author, admin_user, client_for):
    for url in addresses(author.username, saga):
        assert client_for(admin_user).get(url).status_code == 200, url


def test_readers_are_not_named(saga, author, client_for, run_periodic_jobs):
    fan = make_user("quietfox")
    fan_client = client_for(fan)
    fan_client.get(f"/works/{saga.pk}")
    leave_kudos(saga, user=fan)
    post_comment(saga, body="So good.", user=fan)
    run_periodic_jobs()
    for url in addresses(author.username, saga):
        body = client_for(author).get(url).content.decode()
        assert "quietfox" not in body and "So good" not in body, url


def test_the_archive_page_is_for_staff(author, admin_user, client_for):
    assert client_for(author).get("/stats/archive").status_code == 403
    assert client_for(admin_user).get("/stats/archive").status_code == 200
