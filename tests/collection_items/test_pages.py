"""The collection pages as a person uses them: opening one, posting to it, the queue."""

import pytest
from django.urls import reverse

from ficarchive.collections.items import add_work
from ficarchive.collections.models import Collection, CollectionItem
from ficarchive.works.models import Work

pytestmark = pytest.mark.django_db

POST = {"pseuds": None, "rating": "Not Rated", "warnings": ["No Archive Warnings Apply"],
        "fandoms": "Original Work", "language": "en", "chapter-body": "<p>Hi</p>",
        "action": "post"}  # fmt: skip


def _post(client, user, title, collections):
    data = {**POST, "pseuds": [user.default_pseud.pk], "title": title,
            "collections": collections}  # fmt: skip
    return client.post(reverse("new_work"), data)


def test_a_collection_is_opened_from_its_page_and_a_taken_name_is_refused(maintainer, client_for):
    c = client_for(maintainer)
    response = c.post(
        reverse("new_collection"), {"name": "fest", "title": "Fest", "moderated": "on"}
    )
    assert response.status_code == 302 and response["Location"] == "/collections/fest"
    again = c.post(reverse("new_collection"), {"name": "FEST", "title": "Again"})
    assert again.status_code == 200 and "is taken" in again.content.decode()
    assert Collection.objects.count() == 1
    for page in ["collection", "collection_profile", "collection_works", "collection_bookmarks",
                 "collection_participants", "collection_feed"]:  # fmt: skip
        assert c.get(reverse(page, args=["fest"])).status_code == 200, page
    assert c.get("/collections").status_code == 200


def test_posting_to_a_moderated_collection_waits_for_the_bulk_approval(
    make_collection, author, maintainer, reader, client_for
):
    make_collection("fest", "Fest", moderated=True)
    c = client_for(author)
    assert _post(c, author, "Queued One", "fest").status_code == 302
    assert _post(c, author, "Queued Two", "fest").status_code == 302
    queue = client_for(maintainer).get(reverse("collection_queue", args=["fest"])).content.decode()
    assert "Queued One" in queue and "Queued Two" in queue
    assert client_for(reader).get(reverse("collection_queue", args=["fest"])).status_code == 403
    ids = list(CollectionItem.objects.values_list("pk", flat=True))
    client_for(maintainer).post(reverse("collection_queue", args=["fest"]),
                                {"items": ids, "action": "approve"})  # fmt: skip
    listing = client_for(reader).get(reverse("collection_works", args=["fest"])).content.decode()
    assert "Queued One" in listing and "Queued Two" in listing
    work = Work.objects.get(title="Queued One")
    assert (
        'href="/collections/fest">Fest</a>'
        in client_for(reader).get(work.get_absolute_url() + "?view_adult=true").content.decode()
    )


def test_posting_to_a_closed_or_unknown_collection_posts_nothing(
    make_collection, author, client_for
):
    make_collection("shut", "Shut", closed=True)
    for names, message in [("shut", "is closed"), ("nowhere", "no collection named")]:
        response = _post(client_for(author), author, "Refused", names)
        assert response.status_code == 200 and message in response.content.decode()
    assert not Work.objects.exists()


def test_the_collection_listing_filters_and_excludes_by_tag(
    make_collection, author, reader, make_work, client_for
):
    fest = make_collection("fest", "Fest")
    add_work(fest, make_work(author, "Sea Story", freeforms=["Sea"]), author)
    add_work(fest, make_work(author, "Land Story", freeforms=["Land"]), author)
    make_work(author, "Outside Story", freeforms=["Sea"])
    url = reverse("collection_works", args=["fest"])
    page = client_for(reader).get(url, {"exclude": "Land"}).content.decode()
    assert "Sea Story" in page and "Land Story" not in page and "Outside Story" not in page


def test_editing_a_work_takes_it_out_of_a_collection(
    make_collection, author, make_work, client_for
):
    fest = make_collection("fest", "Fest")
    work = make_work(author)
    add_work(fest, work, author)
    c = client_for(author)
    form = c.get(reverse("edit_work", args=[work.pk])).context["form"]
    assert form.initial["collections"] == "fest"
    data = {k: v for k, v in form.initial.items() if v is not None}
    data.update({"collections": "", "action": "save", "pseuds": [author.default_pseud.pk]})
    c.post(reverse("edit_work", args=[work.pk]), data)
    assert not CollectionItem.objects.exists()


def test_every_listing_includes_or_excludes_by_collection(
    make_collection, author, reader, make_work, client_for
):
    fest = make_collection("fest", "Fest")
    add_work(fest, make_work(author, "Fest Story"), author)
    make_work(author, "Plain Story")
    c = client_for(reader)
    kept = c.get("/works", {"collection": "FEST"}).content.decode()
    assert "Fest Story" in kept and "Plain Story" not in kept
    left = c.get("/tags/Original Work/works", {"exclude_collection": "fest"}).content.decode()
    assert "Plain Story" in left and "Fest Story" not in left
    unknown = c.get("/works", {"collection": "nowhere"}).content.decode()
    assert "There is no collection named “nowhere”" in unknown and "Plain Story" in unknown
