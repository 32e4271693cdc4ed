"""Co-creators by consent: naming someone on a work only invites them; they join the byline,
their pages and the editors when they accept, and declining leaves nothing behind."""

import re

import pytest

from ficarchive.accounts.models import Block, Pseud
from ficarchive.feedback.models import Notification
from ficarchive.works import invitations
from ficarchive.works.models import CreatorInvitation, Creatorship, Work

from .conftest import work_form
from .test_editing import edit_form

pytestmark = pytest.mark.django_db


def post_naming(client, user, names, **overrides):
    data = work_form(pseuds=[user.default_pseud.pk], co_creators=names, **overrides)
    client.post("/works/new", data)
    return Work.objects.latest("pk")


def byline(page: str) -> list[str]:
    """The names in the work page's byline."""
    line = page.split('<h3 class="byline heading">', 1)[1].split("</h3>", 1)[0]
    return re.findall(r">([^<]+)</a>", line)


def test_a_stranger_cannot_put_your_name_on_their_work(author, reader, client_for, client):
    work = post_naming(client_for(reader), reader, "author", rating="Explicit",
                       title="Not Yours")  # fmt: skip
    page = client.get(f"/works/{work.pk}?view_adult=true").content.decode()
    assert byline(page) == ["reader"]
    assert not Creatorship.objects.filter(work=work, pseud__user=author).exists()
    author_client = client_for(author)
    for url in ("/users/author", "/users/author/pseuds/author", "/users/author/works"):
        assert "Not Yours" not in client.get(url).content.decode(), url
    dashboard = author_client.get("/dashboard").content.decode()
    works_part = dashboard.split('id="works-heading"', 1)[1]
    assert "Not Yours" not in works_part
    assert "Invitations (1)" in dashboard
    assert author_client.get(f"/works/{work.pk}/edit").status_code == 403
    assert not work.is_creator(author)


def test_the_invitee_is_asked_in_their_inbox(author, coauthor, client_for):
    work = post_naming(client_for(author), author, "coauthor")
    item = Notification.objects.get(user=coauthor)
    assert item.kind == "invitation" and item.work == work
    inbox = client_for(coauthor).get("/inbox").content.decode()
    assert f'href="/works/{work.pk}/invitation"' in inbox
    assert not Notification.objects.filter(user=author).exists()


def test_accepting_makes_the_invitee_a_creator_and_editor(author, coauthor, client_for, client):
    work = post_naming(client_for(author), author, "coauthor")
    coauthor_client = client_for(coauthor)
    assert "Be a co-creator" in coauthor_client.get(f"/works/{work.pk}/invitation").content.decode()
    response = coauthor_client.post(f"/works/{work.pk}/invitation", {"action": "accept"})
    assert response.status_code == 302 and response["Location"] == f"/works/{work.pk}"
    page = client.get(f"/works/{work.pk}").content.decode()
    assert byline(page) == ["author", "coauthor"]
    assert [c.pseud.user.username for c in work.creatorships.all()] == ["author", "coauthor"]
    assert coauthor_client.get(f"/works/{work.pk}/edit").status_code == 200
    assert "lamplighter&#x27;s daughter" in client.get("/users/coauthor").content.decode()
    assert not CreatorInvitation.objects.exists()
    assert not Notification.objects.filter(user=coauthor).exists()


def test_a_declined_invitation_leaves_no_trace(author, coauthor, client_for, client):
    work = post_naming(client_for(author), author, "coauthor")
    response = client_for(coauthor).post(f"/works/{work.pk}/invitation", {"action": "decline"})
    assert response.status_code == 302
    assert not CreatorInvitation.objects.exists()
    assert not Notification.objects.filter(user=coauthor).exists()
    assert [c.pseud.user_id for c in work.creatorships.all()] == [author.pk]
    assert byline(client.get(f"/works/{work.pk}").content.decode()) == ["author"]
    edit_page = client_for(author).get(f"/works/{work.pk}/edit").content.decode()
    assert "waiting for an answer" not in edit_page
    assert client_for(coauthor).get(f"/works/{work.pk}/invitation").status_code == 404


def test_the_inviter_sees_the_invitation_waiting_in_the_form(author, coauthor, client_for):
    work = post_naming(client_for(author), author, "coauthor")
    page = client_for(author).get(f"/works/{work.pk}/edit").content.decode()
    assert "Invited, waiting for an answer: coauthor." in page
    assert 'name="co_creators" value="coauthor"' in page


def test_saving_the_form_again_keeps_asking_without_a_second_message(author, coauthor, client_for):
    work = post_naming(client_for(author), author, "coauthor")
    client_for(author).post(f"/works/{work.pk}/edit",
                            edit_form(work, author, co_creators="coauthor"))  # fmt: skip
    assert CreatorInvitation.objects.filter(work=work).count() == 1
    assert Notification.objects.filter(user=coauthor).count() == 1
    assert [c.pseud.user_id for c in work.creatorships.all()] == [author.pk]


def test_taking_the_name_out_withdraws_the_invitation(author, coauthor, client_for):
    work = post_naming(client_for(author), author, "coauthor")
    client_for(author).post(f"/works/{work.pk}/edit", edit_form(work, author, co_creators=""))
    assert not CreatorInvitation.objects.exists()
    assert not Notification.objects.filter(user=coauthor).exists()


def test_naming_someone_while_editing_only_invites_them(author, coauthor, client_for, make_work):
    work = make_work(author)
    client_for(author).post(f"/works/{work.pk}/edit",
                            edit_form(work, author, co_creators="coauthor"))  # fmt: skip
    assert [c.pseud.user_id for c in work.creatorships.all()] == [author.pk]
    assert CreatorInvitation.objects.get().pseud == coauthor.default_pseud
    assert client_for(coauthor).get(f"/works/{work.pk}/edit").status_code == 403


def test_an_accepted_co_creator_stays_when_another_creator_edits(
    author, coauthor, client_for, make_work
):
    work = make_work(author, co=coauthor)
    client_for(author).post(f"/works/{work.pk}/edit",
                            edit_form(work, author, co_creators="coauthor"))  # fmt: skip
    assert {c.pseud.user_id for c in work.creatorships.all()} == {author.pk, coauthor.pk}
    assert not CreatorInvitation.objects.exists()


def test_a_creator_cannot_take_another_creator_off_the_work(
    author, coauthor, client_for, make_work
):
    work = make_work(author, co=coauthor)
    response = client_for(coauthor).post(
        f"/works/{work.pk}/edit", edit_form(work, coauthor, co_creators="", title="Mine now")
    )
    assert response.status_code == 200
    assert "can take themselves off this work" in response.content.decode()
    work.refresh_from_db()
    assert work.title != "Mine now"
    assert {c.pseud.user_id for c in work.creatorships.all()} == {author.pk, coauthor.pk}


def test_only_the_invitee_can_open_or_answer_the_invitation(
    author, coauthor, reader, client_for, client
):
    work = post_naming(client_for(author), author, "coauthor", action="draft")
    assert client_for(reader).get(f"/works/{work.pk}/invitation").status_code == 404
    assert client_for(reader).post(f"/works/{work.pk}/invitation",
                                   {"action": "accept"}).status_code == 404  # fmt: skip
    assert client_for(author).get(f"/works/{work.pk}/invitation").status_code == 404
    assert client.get(f"/works/{work.pk}/invitation").status_code == 302  # to log in
    assert CreatorInvitation.objects.count() == 1 and work.creatorships.count() == 1


def test_an_invitee_to_a_draft_sees_it_only_on_the_invitation_page(author, coauthor, client_for):
    work = post_naming(client_for(author), author, "coauthor", action="draft", title="Unseen")
    coauthor_client = client_for(coauthor)
    assert coauthor_client.get(f"/works/{work.pk}").status_code == 404
    page = coauthor_client.get(f"/works/{work.pk}/invitation").content.decode()
    assert "Unseen" in page and "This work is a draft" in page
    coauthor_client.post(f"/works/{work.pk}/invitation", {"action": "accept"})
    assert coauthor_client.get(f"/works/{work.pk}").status_code == 200


def test_an_invitation_names_the_chosen_pseud(author, coauthor, client_for):
    Pseud.objects.create(user=coauthor, name="Tidewriter")
    work = post_naming(client_for(author), author, "Tidewriter (coauthor)")
    client_for(coauthor).post(f"/works/{work.pk}/invitation", {"action": "accept"})
    assert [c.pseud.name for c in work.creatorships.all()] == ["author", "Tidewriter"]


def test_a_creator_removes_themself_from_a_shared_work(author, coauthor, client_for, make_work):
    work = make_work(author, co=coauthor)
    response = client_for(coauthor).post(f"/works/{work.pk}/leave")
    assert response.status_code == 302 and response["Location"] == "/dashboard"
    assert [c.pseud.user_id for c in work.creatorships.all()] == [author.pk]
    assert client_for(coauthor).get(f"/works/{work.pk}/edit").status_code == 403


def test_the_last_creator_cannot_leave_their_work(author, client_for, make_work):
    work = make_work(author)
    response = client_for(author).post(f"/works/{work.pk}/leave", follow=True)
    assert "only creator" in response.content.decode()
    assert work.creatorships.count() == 1


def test_only_a_creator_can_leave_a_work(author, reader, client_for, make_work):
    work = make_work(author)
    assert client_for(reader).post(f"/works/{work.pk}/leave").status_code == 403
    assert work.creatorships.count() == 1


def test_the_edit_form_offers_leaving_only_on_a_shared_work(
    author, coauthor, client_for, make_work
):
    alone, shared = make_work(author, "Alone"), make_work(author, "Shared", co=coauthor)
    assert "Remove me" not in client_for(author).get(f"/works/{alone.pk}/edit").content.decode()
    assert "Remove me" in client_for(author).get(f"/works/{shared.pk}/edit").content.decode()


def test_the_preview_names_the_invited_apart_from_the_byline(author, coauthor, client_for):
    data = work_form(pseuds=[author.default_pseud.pk], co_creators="coauthor", action="preview")
    page = client_for(author).post("/works/new", data).content.decode()
    assert '<h3 class="byline heading">author</h3>' in page
    assert "Invited, named once they accept: coauthor" in page
    assert not Work.objects.exists() and not CreatorInvitation.objects.exists()


def test_search_and_downloads_name_the_invitee_only_once_they_accept(
    author, coauthor, client_for, client, settings, tmp_path
):
    settings.DATA_DIR = tmp_path
    work = post_naming(client_for(author), author, "coauthor", title="Shared Lamps")
    download = f"/downloads/{work.pk}/Shared_Lamps.txt"

    def found_by_coauthor_name() -> bool:
        return "Shared Lamps" in client.get("/search", {"q": "coauthor"}).content.decode()

    assert not found_by_coauthor_name()
    assert b"coauthor" not in b"".join(client.get(download).streaming_content)
    client_for(coauthor).post(f"/works/{work.pk}/invitation", {"action": "accept"})
    assert found_by_coauthor_name()
    assert b"coauthor" in b"".join(client.get(download).streaming_content)


def test_someone_who_blocked_you_cannot_be_invited(author, reader, client_for):
    Block.objects.create(blocker=author, blocked=reader)
    data = work_form(pseuds=[reader.default_pseud.pk], co_creators="author")
    page = client_for(reader).post("/works/new", data).content.decode()
    assert "author doesn&#x27;t take invitations from you" in page
    assert not Work.objects.exists() and not Notification.objects.exists()


def test_invitations_are_rate_limited(author, coauthor, reader, client_for, monkeypatch):
    monkeypatch.setattr(invitations, "INVITES_PER_HOUR", 1)
    author_client = client_for(author)
    post_naming(author_client, author, "coauthor", title="First")
    page = author_client.post(
        "/works/new", work_form(pseuds=[author.default_pseud.pk], co_creators="reader")
    ).content.decode()
    assert "invited many co-creators in the last hour" in page
    assert Work.objects.count() == 1 and not Notification.objects.filter(user=reader).exists()
