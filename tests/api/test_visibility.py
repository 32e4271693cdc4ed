"""Who sees what over the API: every role against every state of a work, on every endpoint
that shows works. The rule is Work.objects.visible_to, as on the pages."""

import pytest
from django.test import Client

from ficarchive.works.chapters import add_chapter
from ficarchive.works.services import set_hidden_by_admin

pytestmark = pytest.mark.django_db

ROLES = ["guest", "reader_session", "reader_token", "author_token", "coauthor_session",
         "admin_token"]  # fmt: skip
STATES = ["posted", "draft", "restricted", "hidden_by_admin", "draft_chapter"]
ENDPOINTS = ["listing", "search", "work", "chapter"]
TITLE = "Secret Harbour"
BODY = "quietmarker"
DRAFT_CHAPTER = "Lantern Unlit"
CREATORS = {"author_token", "coauthor_session"}
SIGNED_IN = set(ROLES) - {"guest"}


def who_sees(state: str, endpoint: str) -> set[str]:
    if state == "draft_chapter":
        return CREATORS if endpoint in {"work", "chapter"} else set()
    return {
        "posted": set(ROLES),
        "draft": CREATORS,
        "restricted": SIGNED_IN,
        "hidden_by_admin": CREATORS | {"admin_token"},
    }[state]


@pytest.fixture
def scene(author, coauthor, reader, admin_user, make_work, client_for, token_client):
    def build(state):
        work = make_work(
            author, TITLE, co=coauthor, body=f"<p>The {BODY} tide.</p>", draft=state == "draft",
            restricted=state == "restricted", chapters_expected=None,
        )  # fmt: skip
        if state == "hidden_by_admin":
            set_hidden_by_admin(work, True)
        chapter = work.chapters.get()
        if state == "draft_chapter":
            chapter = add_chapter(
                work, title=DRAFT_CHAPTER, body=f"<p>{DRAFT_CHAPTER}</p>", draft=True
            )
        clients = {
            "guest": Client(), "reader_session": client_for(reader),
            "reader_token": token_client(reader), "author_token": token_client(author),
            "coauthor_session": client_for(coauthor), "admin_token": token_client(admin_user),
        }  # fmt: skip
        urls = {
            "listing": "/api/v1/works",
            "search": "/api/v1/search?q=harbour",
            "work": f"/api/v1/works/{work.pk}",
            "chapter": f"/api/v1/works/{work.pk}/chapters/{chapter.pk}",
        }
        return clients, urls

    return build


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("state", STATES)
def test_each_role_sees_exactly_what_the_rule_allows(scene, state, endpoint):
    clients, urls = scene(state)
    marker = DRAFT_CHAPTER if state == "draft_chapter" else TITLE
    if endpoint == "chapter" and state != "draft_chapter":
        marker = BODY
    for role in ROLES:
        response = clients[role].get(urls[endpoint])
        text = response.content.decode()
        if role in who_sees(state, endpoint):
            assert response.status_code == 200, (role, response.status_code)
            assert marker in text, role
        else:
            assert marker not in text, f"{role} sees the {state} work through {endpoint}"
            if endpoint in {"listing", "search"} or state == "draft_chapter":
                assert response.status_code in {200, 404}, role
            else:
                assert response.status_code == 404, role
                assert "error" in response.json()


def test_a_creator_sees_a_draft_chapter_in_the_chapter_list_and_readers_do_not(
    author, reader, make_work, token_client
):
    work = make_work(author, TITLE)
    add_chapter(work, title=DRAFT_CHAPTER, body="<p>Not yet.</p>", draft=True)
    url = f"/api/v1/works/{work.pk}"
    mine = token_client(author).get(url).json()["chapters"]
    theirs = token_client(reader).get(url).json()["chapters"]
    assert [c["title"] for c in mine] == ["", DRAFT_CHAPTER]
    assert [c["posted"] for c in mine] == [True, False]
    assert [c["title"] for c in theirs] == [""]


def test_a_guest_asking_for_a_restricted_work_gets_404_without_its_title(author, make_work, client):
    work = make_work(author, TITLE, restricted=True)
    response = client.get(f"/api/v1/works/{work.pk}")
    assert response.status_code == 404
    assert TITLE not in response.content.decode()
