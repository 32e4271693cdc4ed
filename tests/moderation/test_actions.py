"""Each action: its effect as readers notice it, its log line, and the reports it closes."""

import pytest
from django.test import Client
from django.urls import reverse

from ficarchive.feedback.models import Comment
from ficarchive.moderation.models import ModerationAction, Report, Suspension
from ficarchive.moderation.services import file_report
from ficarchive.works.models import Work
from ficarchive.works.services import post_work, set_hidden_by_admin
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _report(target_type, target, reporter):
    return file_report(target_type, target, reason="spam", reporter=reporter)


def _logged(action, target_type, target_id):
    return ModerationAction.objects.get(action=action, target_type=target_type, target_id=target_id)


def test_dismissing_closes_the_reports_and_changes_nothing_else(
    act, client_for, admin_user, reader, work
):
    report = _report("work", work, reader)
    response = act(client_for(admin_user), "work", work.pk, "dismiss", "Tagged fine.")
    assert response.status_code == 302
    report.refresh_from_db()
    entry = _logged("dismiss", "work", work.pk)
    assert report.closed_by == entry and report.closed_at is not None
    assert entry.moderator == admin_user and entry.note == "Tagged fine."
    assert entry.target_label == "The Salt Orchard"
    work.refresh_from_db()
    assert not work.hidden_by_admin


def test_hiding_a_work_takes_it_from_readers_and_leaves_it_to_its_creator(
    act, client, client_for, admin_user, reader, author, work
):
    _report("work", work, reader)
    assert "The Salt Orchard" in client.get("/works").content.decode()
    act(client_for(admin_user), "work", work.pk, "hide_work", "Plagiarised from a novel.")
    work.refresh_from_db()
    assert work.hidden_by_admin
    assert _logged("hide_work", "work", work.pk).note == "Plagiarised from a novel."
    assert not Report.objects.filter(closed_at=None).exists()
    for viewer in (client, client_for(reader)):
        assert "The Salt Orchard" not in viewer.get("/works").content.decode()
        assert viewer.get(work.get_absolute_url()).status_code == 404
    own = client_for(author).get(work.get_absolute_url())
    assert own.status_code == 200
    assert (
        "An archive moderator has hidden this work: Plagiarised from a novel."
        in own.content.decode()
    )
    assert client_for(admin_user).get(work.get_absolute_url()).status_code == 200


def test_readers_never_see_the_moderators_note(act, client_for, admin_user, reader, work):
    act(client_for(admin_user), "work", work.pk, "hide_work", "Private reasons.")
    page = client_for(admin_user).get(work.get_absolute_url()).content.decode()
    assert "Private reasons." not in page


def test_unhiding_shows_the_work_again(act, client, client_for, admin_user, work):
    staff = client_for(admin_user)
    act(staff, "work", work.pk, "hide_work", "Looks like spam.")
    act(staff, "work", work.pk, "unhide_work", "On a second look, it is fine.")
    work.refresh_from_db()
    assert not work.hidden_by_admin
    assert client.get(work.get_absolute_url()).status_code == 200
    assert _logged("unhide_work", "work", work.pk).note == "On a second look, it is fine."


def test_deleting_a_comment_takes_it_off_the_work(
    act, client, client_for, admin_user, reader, work, comment
):
    _report("comment", comment, reader)
    assert "spam dot example" in client.get(work.get_absolute_url()).content.decode()
    act(client_for(admin_user), "comment", comment.pk, "delete_comment", "Advertising.")
    assert not Comment.objects.filter(pk=comment.pk).exists()
    assert "spam dot example" not in client.get(work.get_absolute_url()).content.decode()
    work.refresh_from_db()
    assert work.comments_count == 0
    entry = _logged("delete_comment", "comment", comment.pk)
    assert "spam dot example" in entry.target_label
    assert Report.objects.get().closed_by == entry


def test_the_report_page_of_a_deleted_comment_still_shows_what_it_was(
    act, client_for, admin_user, reader, comment
):
    _report("comment", comment, reader)
    staff = client_for(admin_user)
    act(staff, "comment", comment.pk, "delete_comment", "Advertising.")
    page = staff.get(reverse("moderation_target", args=["comment", comment.pk])).content.decode()
    assert "It is gone" in page and "spam dot example" in page and "Advertising." in page
    assert 'value="delete_comment"' not in page


def _login(username):
    return Client().post(reverse("login"), {"username": username, "password": PASSWORD})


def test_suspending_a_user_locks_them_out_and_hides_their_works(
    act, client, client_for, admin_user, reader, author, work
):
    _report("user", author, reader)
    signed_in = client_for(author)
    response = act(client_for(admin_user), "user", author.pk, "suspend_user", "Harassment.")
    assert response.status_code == 302
    author.refresh_from_db()
    assert not author.is_active
    assert _login("author").wsgi_request.user.is_anonymous
    assert signed_in.get("/dashboard").status_code == 302  # the old session is over
    for viewer in (client, client_for(reader)):
        assert "The Salt Orchard" not in viewer.get("/works").content.decode()
        assert viewer.get(work.get_absolute_url()).status_code == 404
    assert client_for(admin_user).get(work.get_absolute_url()).status_code == 200
    assert list(Suspension.objects.get(user=author).hidden_works.all()) == [work]
    assert _logged("suspend_user", "user", author.pk).note == "Harassment."
    assert not Report.objects.filter(closed_at=None).exists()


def test_unsuspending_restores_exactly_the_works_the_suspension_hid(
    act, client, client_for, admin_user, author
):
    shown = post_work(
        pseuds=[author.default_pseud], title="Shown Again", rating="General Audiences",
        fandoms=["Original Work"], body="<p>Text.</p>",
    )  # fmt: skip
    hidden_before = post_work(
        pseuds=[author.default_pseud], title="Hidden Before", rating="General Audiences",
        fandoms=["Original Work"], body="<p>Text.</p>",
    )  # fmt: skip
    set_hidden_by_admin(hidden_before, True)
    staff = client_for(admin_user)
    act(staff, "user", author.pk, "suspend_user", "Spam account, it seems.")
    act(staff, "user", author.pk, "unsuspend_user", "They explained; a mistake.")
    author.refresh_from_db()
    assert author.is_active
    assert not Work.objects.get(pk=shown.pk).hidden_by_admin
    assert Work.objects.get(pk=hidden_before.pk).hidden_by_admin
    assert not Suspension.objects.exists()
    assert client.get(shown.get_absolute_url()).status_code == 200
    assert _login("author").wsgi_request.user.username == "author"
    assert _logged("unsuspend_user", "user", author.pk).note == "They explained; a mistake."


def test_a_work_hidden_on_its_own_during_a_suspension_stays_hidden_after_it(
    act, client_for, admin_user, author, work
):
    staff = client_for(admin_user)
    act(staff, "user", author.pk, "suspend_user", "Spam account.")
    act(staff, "work", work.pk, "hide_work", "This one copies a novel anyway.")
    act(staff, "user", author.pk, "unsuspend_user", "Not a spam account.")
    work.refresh_from_db()
    assert work.hidden_by_admin


def test_a_co_creator_reads_only_that_a_creator_is_suspended(
    act, client_for, admin_user, author, coauthor
):
    shared = post_work(
        pseuds=[author.default_pseud, coauthor.default_pseud], title="Two Hands",
        rating="General Audiences", fandoms=["Original Work"], body="<p>Text.</p>",
    )  # fmt: skip
    act(client_for(admin_user), "user", author.pk, "suspend_user", "Threatened a reader.")
    page = client_for(coauthor).get(shared.get_absolute_url()).content.decode()
    assert "An archive moderator has hidden this work: the account of one of its creators" in page
    assert "Threatened a reader." not in page


def test_staff_accounts_cannot_be_suspended_here(act, client_for, admin_user):
    from tests.conftest import make_user

    other = make_user("othermod", is_staff=True)
    response = act(client_for(admin_user), "user", other.pk, "suspend_user", "Rogue moderator.")
    assert response.status_code == 400
    assert "apply to this report any more" in response.content.decode()
    other.refresh_from_db()
    assert other.is_active
    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize(
    "target_type,action",
    [("work", "hide_work"), ("comment", "delete_comment"), ("user", "suspend_user"),
     ("work", "dismiss")],
)  # fmt: skip
def test_readers_and_creators_cannot_act_and_nothing_changes(
    act, client, client_for, reader, author, work, comment, target_type, action
):
    report = _report(target_type, {"work": work, "comment": comment, "user": author}[target_type],
                     reader)  # fmt: skip
    target_id = report.target_id
    for c in (client_for(reader), client_for(author)):
        assert act(c, target_type, target_id, action).status_code == 403
    assert act(client, target_type, target_id, action).status_code == 302  # to log in
    work.refresh_from_db()
    author.refresh_from_db()
    assert not work.hidden_by_admin and author.is_active
    assert Comment.objects.filter(pk=comment.pk).exists()
    assert not ModerationAction.objects.exists()
    assert Report.objects.get().closed_at is None


@pytest.mark.parametrize("note", ["", "   "])
def test_an_action_without_a_note_changes_nothing_and_says_why(
    act, client_for, admin_user, reader, work, note
):
    _report("work", work, reader)
    response = act(client_for(admin_user), "work", work.pk, "hide_work", note)
    assert response.status_code == 400
    assert "Please write a short note saying why" in response.content.decode()
    work.refresh_from_db()
    assert not work.hidden_by_admin
    assert not ModerationAction.objects.exists()
    assert Report.objects.get().closed_at is None


def test_an_action_that_does_not_fit_the_target_is_refused(act, client_for, admin_user, work):
    response = act(client_for(admin_user), "work", work.pk, "unhide_work", "Show it.")
    assert response.status_code == 400
    assert "apply to this report any more" in response.content.decode()
    assert not ModerationAction.objects.exists()


def test_a_get_cannot_act(client_for, admin_user, work):
    url = reverse("moderation_act", args=["work", work.pk])
    assert client_for(admin_user).get(url).status_code == 405


def test_the_log_lists_every_action_newest_first(act, client_for, admin_user, work, comment):
    staff = client_for(admin_user)
    act(staff, "comment", comment.pk, "delete_comment", "First: advertising.")
    act(staff, "work", work.pk, "hide_work", "Second: copied.")
    page = staff.get(reverse("moderation_log")).content.decode()
    assert page.index("Second: copied.") < page.index("First: advertising.")
    assert "Hid the work" in page and "Deleted the comment" in page


def test_log_rows_cannot_be_changed_or_deleted(act, client_for, admin_user, work):
    act(client_for(admin_user), "work", work.pk, "dismiss", "Fine.")
    entry = ModerationAction.objects.get()
    entry.note = "Rewritten."
    with pytest.raises(ValueError):
        entry.save()
    with pytest.raises(ValueError):
        entry.delete()
    assert ModerationAction.objects.get().note == "Fine."


def test_the_django_admin_shows_the_log_read_only(act, client_for, admin_user, work):
    staff = client_for(admin_user)
    act(staff, "work", work.pk, "dismiss", "Nothing wrong here.")
    entry = ModerationAction.objects.get()
    assert (
        "Nothing wrong here." in staff.get("/admin/moderation/moderationaction/").content.decode()
    )
    page = staff.get(f"/admin/moderation/moderationaction/{entry.pk}/change/")
    assert page.status_code == 200 and 'name="note"' not in page.content.decode()
    assert staff.get("/admin/moderation/moderationaction/add/").status_code == 403
    deleting = staff.post(f"/admin/moderation/moderationaction/{entry.pk}/delete/", {"post": "yes"})
    assert deleting.status_code == 403
    assert ModerationAction.objects.filter(pk=entry.pk).exists()
