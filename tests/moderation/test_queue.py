import pytest
from django.urls import reverse

from ficarchive.moderation.models import Report
from ficarchive.moderation.services import file_report

pytestmark = pytest.mark.django_db


def _report(target_type, target, reason="spam", reporter=None, details=""):
    return file_report(
        target_type, target, reason=reason, details=details, reporter=reporter,
        email="" if reporter else "guest@example.org",
    )  # fmt: skip


def test_guests_are_sent_to_log_in(client):
    for url in [reverse("moderation_queue"), reverse("moderation_log"),
                reverse("moderation_target", args=["work", 1])]:  # fmt: skip
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_readers_and_authors_are_refused(client_for, reader, author, work):
    for user in (reader, author):
        c = client_for(user)
        assert c.get(reverse("moderation_queue")).status_code == 403
        assert c.get(reverse("moderation_log")).status_code == 403
        assert c.get(reverse("moderation_target", args=["work", work.pk])).status_code == 403


def test_the_queue_groups_open_reports_by_target_newest_first(
    client_for, admin_user, reader, author, work, comment
):
    _report("work", work, "tagging", reader)
    _report("work", work, "plagiarism")
    _report("comment", comment, "spam", reader)
    page = client_for(admin_user).get(reverse("moderation_queue")).content.decode()
    assert page.index("on “The Salt Orchard”") < page.index(">The Salt Orchard</a>")
    work_row = page[page.index(">The Salt Orchard</a>") :].split("</tr>")[0]
    assert "Not tagged properly" in work_row and "Plagiarism" in work_row
    assert '<td class="report-count">2</td>' in work_row


def test_closed_reports_leave_the_queue(client_for, admin_user, work):
    _report("work", work)
    Report.objects.update(closed_at="2026-01-01T00:00:00Z")
    page = client_for(admin_user).get(reverse("moderation_queue")).content.decode()
    assert "No open reports" in page
    assert "The Salt Orchard" not in page


def test_the_report_page_shows_the_target_its_reports_and_the_actions(
    client_for, admin_user, reader, work
):
    _report("work", work, "tagging", reader, details="No warning for the death in chapter 1.")
    page = client_for(admin_user).get(reverse("moderation_target", args=["work", work.pk]))
    html = page.content.decode()
    assert page.status_code == 200
    assert f'href="{work.get_absolute_url()}"' in html
    assert "No warning for the death in chapter 1." in html
    assert "from reader" in html
    assert 'value="hide_work"' in html and 'value="dismiss"' in html
    assert 'value="unhide_work"' not in html


def test_a_guests_address_is_shown_to_moderators(client_for, admin_user, work):
    _report("work", work)
    page = client_for(admin_user).get(reverse("moderation_target", args=["work", work.pk]))
    assert "guest@example.org" in page.content.decode()


def test_an_unknown_kind_of_target_is_not_found(client_for, admin_user):
    assert client_for(admin_user).get("/moderation/chapter/1").status_code == 404


def test_plain_staff_can_moderate_too(client_for, work):
    from tests.conftest import make_user

    moderator = make_user("moderator", is_staff=True)
    assert client_for(moderator).get(reverse("moderation_queue")).status_code == 200


def test_a_target_that_neither_exists_nor_was_reported_is_not_found(client_for, admin_user):
    staff = client_for(admin_user)
    assert staff.get(reverse("moderation_target", args=["work", 9999])).status_code == 404
    url = reverse("moderation_act", args=["work", 9999])
    assert staff.post(url, {"action": "dismiss", "note": "x"}).status_code == 404


def test_reports_of_a_work_deleted_since_can_still_be_dismissed(client_for, admin_user, work):
    from ficarchive.moderation.models import ModerationAction
    from ficarchive.works.services import delete_work

    _report("work", work)
    work_id = work.pk
    delete_work(work)
    staff = client_for(admin_user)
    page = staff.get(reverse("moderation_target", args=["work", work_id])).content.decode()
    assert "It is gone" in page and "The Salt Orchard" in page
    assert 'value="hide_work"' not in page
    url = reverse("moderation_act", args=["work", work_id])
    assert (
        staff.post(url, {"action": "dismiss", "note": "Its author deleted it."}).status_code == 302
    )
    assert ModerationAction.objects.get().target_label == "The Salt Orchard"
    assert not Report.objects.filter(closed_at=None).exists()


def test_the_queue_lists_the_support_requests_once_under_a_plain_title(client_for, admin_user):
    from ficarchive.site_pages.support import file_request

    file_request(subject="Lost my bookmarks", message="Where?", email="g@example.org")
    page = client_for(admin_user).get(reverse("moderation_queue")).content.decode()
    title = page[page.index("<title>") : page.index("</title>")]
    assert "<h2" not in title and "Support requests" not in title
    assert page.count("Lost my bookmarks") == 1
