"""The operator's settings take effect at once, on every page, without a restart; the guest
page cache drops what it kept; read-only mode refuses every change and lets reads go on."""

from __future__ import annotations

from ficarchive.accounts.models import User
from ficarchive.core import site_settings
from ficarchive.feedback.models import Comment, Kudos


def test_a_new_site_name_shows_on_the_next_page_guests_get_even_a_kept_one(guest, configure):
    first = guest.get("/")
    assert first["X-Page-Cache"] == "miss"
    assert guest.get("/")["X-Page-Cache"] == "hit"
    configure(site_name="Lantern Library")
    again = guest.get("/")
    assert again["X-Page-Cache"] == "miss"
    assert "<title>Home | Lantern Library</title>" in again.content.decode()


def test_a_change_of_settings_drops_kept_work_pages_too(guest, configure, author, make_work):
    work = make_work(author, "The Keeper's Lamp")
    guest.get(work.get_absolute_url())
    assert guest.get(work.get_absolute_url())["X-Page-Cache"] == "hit"
    configure(banner_text="The archive moves to a new server on Sunday.")
    page = guest.get(work.get_absolute_url())
    assert page["X-Page-Cache"] == "miss"
    assert "The archive moves to a new server on Sunday." in page.content.decode()


def test_saving_raises_the_version_and_every_read_sees_the_row_saved(configure):
    before = site_settings.current().version
    configure(invitation_batch_size=25)
    assert site_settings.current().version == before + 1
    assert site_settings.current().invitation_batch_size == 25


def test_the_admin_saves_the_settings_through_the_same_path(client_for, admin_user, guest):
    admin = client_for(admin_user)
    assert admin.get("/admin/core/sitesettings/").status_code == 302
    response = admin.post(
        "/admin/core/sitesettings/add/",
        {"site_name": "Quill House", "banner_text": "", "invitation_batch_size": "10",
         "guest_comments": "on", "read_only_message": ""},
    )  # fmt: skip
    assert response.status_code == 302
    assert site_settings.current().site_name == "Quill House"
    assert "Quill House" in guest.get("/").content.decode()


def test_a_batch_size_out_of_range_is_refused_in_the_admin_and_nothing_changes(
    client_for, admin_user
):
    admin = client_for(admin_user)
    response = admin.post(
        "/admin/core/sitesettings/add/",
        {"site_name": "Quill House", "invitation_batch_size": "0", "guest_comments": "on"},
    )
    assert response.status_code == 200
    assert "greater than or equal to 1" in response.content.decode()
    assert site_settings.current().site_name == ""


def test_read_only_mode_refuses_a_kudos_and_a_comment_with_a_clear_page(
    configure, client_for, reader, author, make_work
):
    work = make_work(author)
    configure(read_only=True, read_only_message="Back at noon: we are moving servers.")
    client = client_for(reader)
    kudos = client.post(f"/works/{work.pk}/kudos")
    assert kudos.status_code == 503
    assert "Back at noon: we are moving servers." in kudos.content.decode()
    comment = client.post(f"/works/{work.pk}/comments", {"body": "Lovely."})
    assert comment.status_code == 503
    assert not Kudos.objects.exists() and not Comment.objects.exists()
    assert client.get(work.get_absolute_url()).status_code == 200


def test_read_only_mode_refuses_sign_up_and_api_writes_but_not_signing_in(configure, guest, reader):
    configure(read_only=True)
    signup = guest.post(
        "/signup",
        {"username": "newcomer", "email": "new@example.org",
         "password1": "a long and unusual passphrase", "password2": "a long and unusual passphrase"},
    )  # fmt: skip
    assert signup.status_code == 503
    assert "read-only mode" in signup.content.decode()
    assert not User.objects.filter(username="newcomer").exists()
    api = guest.post("/api/v1/works", {}, content_type="application/json")
    assert api.status_code == 503 and "read-only" in api.json()["detail"]
    login = guest.post("/login", {"username": "reader", "password": "correct horse battery staple"})
    assert login.status_code == 302


def test_read_only_mode_leaves_the_admin_open_to_end_it(configure, client_for, admin_user):
    configure(read_only=True)
    admin = client_for(admin_user)
    response = admin.post(
        "/admin/core/sitesettings/1/change/",
        {"site_name": "", "invitation_batch_size": "10", "guest_comments": "on"},
    )
    assert response.status_code == 302
    assert site_settings.current().read_only is False


def test_guest_comments_off_refuses_a_guests_comment_on_any_work(
    configure, guest, author, make_work
):
    work = make_work(author)
    configure(guest_comments=False)
    page = guest.get(work.get_absolute_url()).content.decode()
    assert 'name="guest_name"' not in page
    response = guest.post(
        f"/works/{work.pk}/comments", {"body": "Hello!", "guest_name": "Passer-by"}, follow=True
    )
    assert response.status_code == 403
    assert not Comment.objects.exists()
