"""Work skins: writing one, applying it to a work, readers seeing it or turning it off."""

from __future__ import annotations

import pytest

from ficarchive.skins.models import Skin, WorkSkin
from ficarchive.skins.services import apply_skin, save_skin

from .conftest import TEXTING_CSS, work_form

pytestmark = pytest.mark.django_db


def page_of(client, work, query="") -> str:
    return client.get(f"/works/{work.pk}{query}").content.decode()


def test_an_author_writes_a_skin_on_the_skins_page(author, client_for):
    client = client_for(author)
    response = client.post("/skins/new/work", {"title": "Phone", "css": TEXTING_CSS})
    assert response.status_code == 302
    skin = Skin.objects.get(owner=author)
    assert skin.kind == Skin.WORK and skin.css == TEXTING_CSS
    assert "#workskin .text.me {" in skin.compiled
    assert "Phone" in client.get("/skins").content.decode()


def test_a_skin_with_forbidden_parts_is_refused_with_the_reasons_and_nothing_is_saved(
    author, client_for
):
    css = ".a { color: red }\n.b { position: fixed }\n@import url(https://x.example/a.css);"
    page = client_for(author).post("/skins/new/work", {"title": "Bad", "css": css})
    html = page.content.decode()
    assert page.status_code == 200
    assert "Nothing was saved" in html
    assert "Line 2: “position: fixed” was dropped: position: fixed would cover the page." in html
    assert "@import loads another stylesheet" in html
    assert not Skin.objects.exists()


def test_a_bad_edit_leaves_the_skin_as_it_was(author, client_for, texting_skin):
    client_for(author).post(
        f"/skins/{texting_skin.pk}/edit", {"title": "Phone", "css": ".x { behavior: url(a) }"}
    )
    texting_skin.refresh_from_db()
    assert texting_skin.css == TEXTING_CSS


def test_nobody_else_edits_or_deletes_a_skin(reader, client_for, texting_skin):
    client = client_for(reader)
    assert client.get(f"/skins/{texting_skin.pk}/edit").status_code == 404
    assert client.post(f"/skins/{texting_skin.pk}/delete").status_code == 404
    assert Skin.objects.filter(pk=texting_skin.pk).exists()


def test_an_author_posts_a_work_in_their_skin_and_readers_get_its_stylesheet(
    author, client_for, client, texting_skin
):
    response = client_for(author).post("/works/new", work_form(
        pseuds=[author.default_pseud.pk], work_skin=texting_skin.pk))  # fmt: skip
    assert response.status_code == 302
    work = WorkSkin.objects.get(skin=texting_skin).work
    html = page_of(client, work)
    assert f'<link rel="stylesheet" href="{texting_skin.stylesheet_url}"' in html
    assert '<p class="text me">on my way</p>' in html  # classes survive the HTML sanitizer
    assert "<style" not in html  # never inline: the CSP allows no inline style
    sheet = client.get(texting_skin.stylesheet_url)
    assert sheet["Content-Type"] == "text/css; charset=utf-8"
    assert sheet["Cache-Control"] == "public, max-age=31536000, immutable"
    assert b"#workskin .text.me {" in sheet.content


def test_the_stylesheet_answers_a_revalidation_and_an_old_digest_is_not_kept(client, texting_skin):
    etag = client.get(texting_skin.stylesheet_url)["ETag"]
    assert (
        client.get(texting_skin.stylesheet_url, headers={"if-none-match": etag}).status_code == 304
    )
    old = client.get(f"/skins/{texting_skin.pk}/0000000000000000.css")
    assert old["Cache-Control"] == "public, no-cache"
    assert old.content.decode() == texting_skin.compiled


def test_an_author_cannot_apply_someone_elses_skin(author, reader, client_for):
    theirs = save_skin(reader, kind="work", title="Theirs", css="p { color: red }")
    page = client_for(author).post(
        "/works/new", work_form(pseuds=[author.default_pseud.pk], work_skin=theirs.pk)
    )
    assert page.status_code == 200 and "Select a valid choice" in page.content.decode()
    assert not WorkSkin.objects.exists()


def test_a_reader_turns_the_skin_off_on_a_work_and_back_on(author, client, make_work, texting_skin):
    work = make_work(author)
    apply_skin(work, texting_skin)
    html = page_of(client, work)
    assert "Hide Creator&#x27;s Style" in html and "?style=disable" in html
    hidden = page_of(client, work, "?style=disable")
    assert texting_skin.stylesheet_url not in hidden
    assert "Show Creator&#x27;s Style" in hidden and "?style=creator" in hidden


def test_a_reader_hides_every_skin_in_preferences(
    author, reader, client_for, make_work, texting_skin
):
    work = make_work(author)
    apply_skin(work, texting_skin)
    client = client_for(reader)
    form = client.get("/preferences").content.decode()
    assert 'id="id_hide_work_skins" aria-describedby' in form  # not checked at first
    assert client.post("/skins/hide", {"hide_work_skins": "on"}).url == "/preferences"
    assert 'id="id_hide_work_skins" checked' in client.get("/preferences").content.decode()
    html = page_of(client, work)
    assert texting_skin.stylesheet_url not in html
    assert "Show Creator&#x27;s Style" in html
    assert texting_skin.stylesheet_url in page_of(client, work, "?style=creator")


def test_a_work_without_a_skin_offers_no_toggle(author, client, make_work):
    assert "Creator&#x27;s Style" not in page_of(client, make_work(author))


def test_the_guest_page_cache_keeps_the_styled_and_plain_pages_apart(
    author, client, make_work, texting_skin
):
    work = make_work(author)
    apply_skin(work, texting_skin)
    assert texting_skin.stylesheet_url in page_of(client, work)
    assert texting_skin.stylesheet_url not in page_of(client, work, "?style=disable")
    again = client.get(f"/works/{work.pk}")
    assert again["X-Page-Cache"] == "hit"
    assert texting_skin.stylesheet_url in again.content.decode()


def test_editing_a_skin_reaches_the_guests_kept_pages(author, client, make_work, texting_skin):
    work = make_work(author)
    apply_skin(work, texting_skin)
    page_of(client, work)
    old_url = texting_skin.stylesheet_url
    skin = save_skin(author, kind="work", title="Phone", css=".text { color: green }",
                     skin=texting_skin)  # fmt: skip
    html = page_of(client, work)
    assert skin.stylesheet_url != old_url and skin.stylesheet_url in html


def test_taking_the_skin_off_in_the_edit_form(author, client_for, client, make_work, texting_skin):
    work = make_work(author)
    apply_skin(work, texting_skin)
    edit = client_for(author)
    assert (
        f'<option value="{texting_skin.pk}" selected>'
        in edit.get(f"/works/{work.pk}/edit").content.decode()
    )
    data = work_form(
        pseuds=[author.default_pseud.pk], title=work.title, action="save", work_skin=""
    )
    del data["chapter-body"]
    assert edit.post(f"/works/{work.pk}/edit", data).status_code == 302
    assert not WorkSkin.objects.filter(work=work).exists()
    assert texting_skin.stylesheet_url not in page_of(client, work)


def test_deleting_a_skin_takes_it_off_its_works(
    author, client_for, client, make_work, texting_skin
):
    work = make_work(author)
    apply_skin(work, texting_skin)
    page_of(client, work)
    client_for(author).post(f"/skins/{texting_skin.pk}/delete")
    assert not Skin.objects.exists()
    assert "Creator&#x27;s Style" not in page_of(client, work)


def test_a_leavers_skins_go_and_their_orphaned_work_loses_its_look(
    author, client, client_for, make_work, texting_skin
):
    from ficarchive.works.closing import close_account

    work = make_work(author, "Texts at Midnight")
    apply_skin(work, texting_skin)
    assert texting_skin.stylesheet_url in page_of(client, work)
    page_of(client, work)  # kept for guests now
    close_account(author, delete_ids=set(), keep_comments=True)
    assert not Skin.objects.exists() and not WorkSkin.objects.exists()
    page = page_of(client, work)
    assert "Texts at Midnight" in page and texting_skin.stylesheet_url not in page
    assert client.get(texting_skin.stylesheet_url).status_code == 404
