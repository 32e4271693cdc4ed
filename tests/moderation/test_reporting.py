import pytest
from django.urls import reverse

from ficarchive.moderation.models import Report
from ficarchive.moderation.views import REPORTS_PER_HOUR
from ficarchive.works.services import publish_work, set_hidden_by_admin

pytestmark = pytest.mark.django_db


def test_a_reader_reports_a_work_and_is_thanked(work, reader, client_for):
    c = client_for(reader)
    response = c.post(
        reverse("report_work", args=[work.pk]),
        {"reason": "tagging", "details": "Major character death, no warning."},
        follow=True,
    )
    assert "Thank you for your report" in response.content.decode()
    report = Report.objects.get()
    assert (report.target_type, report.target_id, report.reason) == ("work", work.pk, "tagging")
    assert report.reporter == reader
    assert report.details == "Major character death, no warning."
    assert report.target_label == "The Salt Orchard"


def test_a_guest_reports_a_comment_with_an_email_address(client, comment):
    response = client.post(
        reverse("report_comment", args=[comment.pk]),
        {"reason": "spam", "email": "guest@example.org"},
    )
    assert response.status_code == 302
    report = Report.objects.get()
    assert report.target_type == "comment" and report.reporter is None
    assert report.reporter_email == "guest@example.org"


def test_a_guest_without_an_email_address_is_asked_for_one(client, work):
    response = client.post(reverse("report_work", args=[work.pk]), {"reason": "spam"})
    assert response.status_code == 400
    assert "This field is required" in response.content.decode()
    assert not Report.objects.exists()


def test_other_needs_a_few_words(client_for, reader, work):
    response = client_for(reader).post(reverse("report_work", args=[work.pk]), {"reason": "other"})
    assert response.status_code == 400
    assert "Please say what is wrong." in response.content.decode()
    assert not Report.objects.exists()


def test_an_unknown_reason_is_refused(client_for, reader, work):
    response = client_for(reader).post(reverse("report_work", args=[work.pk]), {"reason": "boring"})
    assert response.status_code == 400
    assert not Report.objects.exists()


def test_a_profile_can_be_reported(client_for, reader, author):
    response = client_for(reader).post(
        reverse("report_user", args=[author.username]),
        {"reason": "harassment", "details": "Sends threats in replies."},
    )
    assert response.status_code == 302
    assert Report.objects.get().target_id == author.pk


def test_the_report_form_names_what_is_reported(client, work):
    page = client.get(reverse("report_work", args=[work.pk])).content.decode()
    assert "Report The Salt Orchard" in page
    assert "Plagiarism" in page and "Illegal content" in page


def test_the_work_page_and_each_comment_link_to_the_report_form(client, work, comment):
    page = client.get(work.get_absolute_url()).content.decode()
    assert reverse("report_work", args=[work.pk]) in page
    assert reverse("report_comment", args=[comment.pk]) in page


def test_reports_are_rate_limited(client_for, reader, work):
    c = client_for(reader)
    url = reverse("report_work", args=[work.pk])
    for _ in range(REPORTS_PER_HOUR):
        assert c.post(url, {"reason": "spam"}).status_code == 302
    response = c.post(url, {"reason": "spam"})
    assert response.status_code == 429
    assert "many reports in a short time" in response.content.decode()
    assert Report.objects.count() == REPORTS_PER_HOUR


def test_a_draft_cannot_be_reported_by_someone_who_cannot_see_it(client_for, reader, work):
    work.posted = False
    work.save(update_fields=["posted"])
    response = client_for(reader).post(reverse("report_work", args=[work.pk]), {"reason": "spam"})
    assert response.status_code == 404
    publish_work(work)
    assert not Report.objects.exists()


def test_a_restricted_work_cannot_be_reported_by_a_guest(client, work):
    work.restricted = True
    work.save(update_fields=["restricted"])
    url = reverse("report_work", args=[work.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"reason": "spam", "email": "g@example.org"}).status_code == 404
    assert not Report.objects.exists()


def test_a_hidden_work_cannot_be_reported_by_readers(client_for, reader, work):
    set_hidden_by_admin(work, True)
    response = client_for(reader).post(reverse("report_work", args=[work.pk]), {"reason": "spam"})
    assert response.status_code == 404
    assert not Report.objects.exists()


def test_a_comment_on_a_hidden_work_cannot_be_reported(client_for, reader, work, comment):
    set_hidden_by_admin(work, True)
    url = reverse("report_comment", args=[comment.pk])
    assert client_for(reader).post(url, {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()


def test_a_suspended_profile_cannot_be_reported(client_for, reader, author):
    author.is_active = False
    author.save(update_fields=["is_active"])
    url = reverse("report_user", args=[author.username])
    assert client_for(reader).post(url, {"reason": "spam"}).status_code == 404
    assert not Report.objects.exists()
