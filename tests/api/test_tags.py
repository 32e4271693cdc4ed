"""Tags over the API: one tag as its page shows it, and the autocomplete look-up."""

import pytest

from ficarchive.tags.filtering import refresh_work_filter_tags
from ficarchive.tags.models import Tag, TagParent, TagType
from ficarchive.works.models import Work

pytestmark = pytest.mark.django_db


@pytest.fixture
def wrangled(author, make_work):
    make_work(author, "One", fandoms=["Naruto"], relationships=["SasuNaru"])
    make_work(author, "Two", fandoms=["Naruto"], relationships=["Sasuke/Naruto"])
    ship = Tag.objects.get(type=TagType.RELATIONSHIP, name="Sasuke/Naruto")
    naruto = Tag.objects.get(type=TagType.FANDOM, name="Naruto")
    Tag.objects.filter(pk__in=[ship.pk, naruto.pk]).update(canonical=True)
    Tag.objects.filter(name="SasuNaru").update(synonym_of=ship)
    TagParent.objects.create(parent=naruto, child=ship)
    refresh_work_filter_tags(list(Work.objects.values_list("pk", flat=True)))
    return ship


def test_a_tag_shows_its_synonyms_parents_children_and_count(wrangled, client):
    body = client.get("/api/v1/tags/Sasuke*s*Naruto").json()
    assert (body["name"], body["type"], body["canonical"]) == (
        "Sasuke/Naruto",
        "relationship",
        True,
    )
    assert body["synonyms"] == [{"name": "SasuNaru", "type": "relationship"}]
    assert body["parents"] == [{"name": "Naruto", "type": "fandom"}]
    assert body["count"] == 2
    fandom = client.get("/api/v1/tags/Naruto").json()
    assert fandom["children"] == [{"name": "Sasuke/Naruto", "type": "relationship", "count": 2}]


def test_a_synonym_names_its_canonical_tag_and_has_no_count_of_its_own(wrangled, client):
    body = client.get("/api/v1/tags/SasuNaru").json()
    assert body["synonym_of"] == {"name": "Sasuke/Naruto", "type": "relationship"}
    assert body["count"] is None
    assert body["works_url"].endswith("/works")


def test_an_unknown_tag_is_404_in_json(client):
    response = client.get("/api/v1/tags/Nothing Like It")
    assert response.status_code == 404
    assert response.json() == {"error": "There is no tag of that name."}


def test_suggestions_are_the_autocomplete_look_up(wrangled, client):
    body = client.get("/api/v1/tags?q=sasun&type=relationship").json()
    assert body == client.get("/tags/autocomplete?q=sasun&type=relationship").json()
    assert body["results"] == [
        {"name": "SasuNaru", "type": "relationship", "canonical": "Sasuke/Naruto"}
    ]
    any_type = client.get("/api/v1/tags?q=naru").json()["results"]
    assert {"name": "Naruto", "type": "fandom", "canonical": None} in any_type


def test_an_unknown_tag_type_is_a_400_that_lists_the_types(client):
    response = client.get("/api/v1/tags?q=x&type=colour")
    assert response.status_code == 400
    assert "freeform" in response.json()["error"]
