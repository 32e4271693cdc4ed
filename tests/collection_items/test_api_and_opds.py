"""Collections over the API and in the OPDS catalog, under the same visibility rule."""

import pytest

from ficarchive.collections.items import add_work

pytestmark = pytest.mark.django_db


def test_the_api_lists_a_collection_and_its_works(make_collection, author, make_work, client):
    fest = make_collection("fest", "Fest", anonymous=True)
    add_work(fest, make_work(author, "Fest Story"), author)
    make_work(author, "Plain Story")
    listed = client.get("/api/v1/collections").json()
    assert [c["name"] for c in listed["results"]] == ["fest"]
    one = client.get("/api/v1/collections/fest").json()
    assert one["maintainers"] == ["maintainer"] and one["anonymous"] is True
    works = client.get("/api/v1/collections/fest/works").json()
    assert [w["title"] for w in works["results"]] == ["Fest Story"]
    assert works["results"][0]["creators"] == []
    assert client.get("/api/v1/collections/nowhere").status_code == 404
    kept = client.get("/api/v1/works", {"exclude_collection": "fest"}).json()
    assert [w["title"] for w in kept["results"]] == ["Plain Story"]


def test_an_unrevealed_collections_works_stay_out_of_the_api_and_opds(
    make_collection, author, make_work, client
):
    fest = make_collection("fest", "Fest", unrevealed=True)
    add_work(fest, make_work(author, "Hidden Story"), author)
    assert client.get("/api/v1/collections/fest/works").json()["results"] == []
    assert "Hidden Story" not in client.get("/opds/collections/fest").content.decode()
    assert "Fest" in client.get("/opds/collections").content.decode()


def test_opds_has_a_collections_feed(make_collection, author, make_work, client):
    fest = make_collection("fest", "Fest")
    add_work(fest, make_work(author, "Open Story"), author)
    assert "/opds/collections" in client.get("/opds").content.decode()
    assert "Open Story" in client.get("/opds/collections/fest").content.decode()
