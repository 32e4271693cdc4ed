"""Who sees what: every role against every state of a work on every page that shows works.
The one rule is Work.objects.visible_to; this matrix proves that no page leaks past it."""

import re

import pytest
from django.test import Client

from ficarchive.collections.items import add_work
from ficarchive.collections.services import create_collection
from ficarchive.works.chapters import add_chapter
from ficarchive.works.series import place_in_series
from ficarchive.works.services import set_hidden_by_admin
from tests.conftest import make_user

pytestmark = pytest.mark.django_db

ROLES = ["guest", "reader", "author", "coauthor", "admin"]
STATES = ["posted", "draft", "restricted", "hidden_by_admin", "draft_chapter", "anonymous",
          "unrevealed"]  # fmt: skip
PAGES = ["work", "chapter", "full_work", "navigate", "front_page", "profile", "dashboard",
         "series"]  # fmt: skip
TITLE = "Secret Harbour"
BODY = "quietmarker"
DRAFT_CHAPTER = "Lantern Unlit"
CREATORS = {"author", "coauthor"}


def who_sees(state: str, page: str) -> set[str]:
    if page == "dashboard":
        return CREATORS if state != "draft_chapter" else set()
    if state == "draft_chapter":
        return CREATORS if page in {"chapter", "full_work", "navigate"} else set()
    if state == "anonymous":  # the work is for everyone; its creator's page doesn't show it
        return CREATORS | {"admin"} if page == "profile" else set(ROLES)
    return {
        "posted": set(ROLES),
        "draft": CREATORS,
        "restricted": set(ROLES) - {"guest"},
        "hidden_by_admin": CREATORS | {"admin"},
        "unrevealed": CREATORS | {"admin"},
    }[state]


@pytest.fixture
def scene(author, coauthor, reader, admin_user, make_work, client_for):
    def build(state):
        work = make_work(
            author, TITLE, co=coauthor, body=f"<p>The {BODY} tide.</p>",
            draft=state == "draft", restricted=state == "restricted", chapters_expected=None,
        )  # fmt: skip
        if state == "hidden_by_admin":
            set_hidden_by_admin(work, True)
        if state in {"anonymous", "unrevealed"}:
            collection = create_collection(make_user("maintainer"), name="fest", title="Fest",
                                           **{state: True})  # fmt: skip
            add_work(collection, work, author)
        chapter = work.chapters.get()
        if state == "draft_chapter":
            chapter = add_chapter(work, title=DRAFT_CHAPTER, body=f"<p>{DRAFT_CHAPTER}</p>",
                                  draft=True)  # fmt: skip
        series = place_in_series(work, author, new_title="Harbour Tales")
        clients = {"guest": Client(), "reader": client_for(reader), "author": client_for(author),
                   "coauthor": client_for(coauthor), "admin": client_for(admin_user)}  # fmt: skip
        urls = {
            "work": f"/works/{work.pk}", "chapter": f"/works/{work.pk}/chapters/{chapter.pk}",
            "full_work": f"/works/{work.pk}?view_full_work=true",
            "navigate": f"/works/{work.pk}/navigate", "front_page": "/",
            "profile": "/users/author", "dashboard": "/dashboard",
            "series": f"/series/{series.pk}",
        }  # fmt: skip
        return clients, urls

    return build


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("state", STATES)
def test_each_role_sees_exactly_what_the_rule_allows(scene, state, page):
    clients, urls = scene(state)
    marker = DRAFT_CHAPTER if state == "draft_chapter" else TITLE
    for role in ROLES:
        response = clients[role].get(urls[page])
        text = response.content.decode()
        if role in who_sees(state, page):
            assert response.status_code == 200, (role, response.status_code)
            assert marker in text, role
        else:
            assert marker not in text, f"{role} sees the {state} work on the {page} page"
            if page == "dashboard" and role == "guest":
                assert response.status_code == 302
            if page in {"work", "chapter", "full_work", "navigate"} and state != "draft_chapter":
                assert response.status_code in {403, 404}, role
                assert BODY not in text
        if state == "anonymous" and page not in {"profile", "dashboard"}:
            named = re.search(r'href="/users/author[/"]', text) is not None
            assert named == (role in CREATORS | {"admin"}), f"{role} sees who wrote it on {page}"


def test_a_guest_is_told_to_log_in_for_a_restricted_work(author, make_work, client):
    work = make_work(author, restricted=True)
    response = client.get(f"/works/{work.pk}")
    assert response.status_code == 403
    assert "only for signed-in readers" in response.content.decode()
    assert work.title not in response.content.decode()


def test_a_draft_is_simply_not_found_for_others(author, reader, make_work, client_for):
    work = make_work(author, draft=True)
    response = client_for(reader).get(f"/works/{work.pk}")
    assert response.status_code == 404


def test_a_reader_cannot_open_the_edit_pages_of_someone_elses_work(
    author, reader, make_work, client_for
):
    work = make_work(author)
    chapter = work.chapters.get()
    c = client_for(reader)
    for url in (f"/works/{work.pk}/edit", f"/works/{work.pk}/delete",
                f"/works/{work.pk}/chapters/new", f"/works/{work.pk}/chapters/manage",
                f"/works/{work.pk}/chapters/{chapter.pk}/edit"):  # fmt: skip
        assert c.get(url).status_code == 403, url
    assert c.post(f"/works/{work.pk}/delete").status_code == 403
    assert work.__class__.objects.filter(pk=work.pk).exists()


def test_the_edit_pages_of_a_draft_are_not_found_for_others(author, reader, make_work, client_for):
    work = make_work(author, draft=True)
    assert client_for(reader).get(f"/works/{work.pk}/edit").status_code == 404
