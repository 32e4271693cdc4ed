"""A comment held for the creator's approval is read only by its writer, the work's creators
and staff: its own pages (the permalink, the reply form) don't show it to anyone else."""

import pytest
from django.urls import reverse

from ficarchive.accounts.services import create_account
from ficarchive.feedback.services import post_comment
from ficarchive.feedback.services.comments import save_feedback_settings

SECRET = "a held comment nobody else should read"


@pytest.fixture
def held(make_work, author, reader):
    work = make_work(author)
    save_feedback_settings(work, moderate_comments=True)
    return post_comment(work, body=SECRET, user=reader)


@pytest.fixture
def stranger(db):
    return create_account(username="stranger", email="s@example.org", password="x" * 20)


@pytest.mark.parametrize("name", ["reply_comment", "comment", "edit_comment", "delete_comment"])
def test_a_stranger_finds_no_page_of_a_held_comment(held, stranger, client_for, client, name):
    for someone in (client, client_for(stranger)):
        response = someone.get(reverse(name, args=[held.pk]))
        assert response.status_code in (302, 403, 404)
        assert SECRET not in response.content.decode()


def test_the_writer_and_the_creator_still_see_a_held_comment(held, reader, author, client_for):
    for person in (reader, author):
        response = client_for(person).get(reverse("comment", args=[held.pk]))
        assert response.status_code == 200
        assert SECRET in response.content.decode()
