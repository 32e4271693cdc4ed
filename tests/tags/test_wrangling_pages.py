import pytest

from ficarchive.tags.models import Tag, TagType


@pytest.fixture
def typo(naruto, post):
    post("Typo", characters=["Uchiha Saskue"])
    return Tag.objects.get(type=TagType.CHARACTER, name="Uchiha Saskue")


def test_a_wrangler_sees_unwrangled_tags_of_a_fandom(client_for, wrangler, typo, post):
    post("Elsewhere", fandoms=["Bleach"], characters=["Ichigo"])
    page = client_for(wrangler).get("/tags/wrangle", {"fandom": "Naruto"})
    assert page.status_code == 200
    assert "Uchiha Saskue" in page.text
    assert "Ichigo" not in page.text


def test_a_wrangler_makes_a_synonym_through_the_page(client_for, wrangler, naruto, typo):
    client = client_for(wrangler)
    response = client.post(
        f"/tags/wrangle/{typo.pk}/synonym", {"synonym-name": "Uchiha Sasuke"}, follow=True
    )
    assert "is now a synonym of Uchiha Sasuke" in response.text
    typo.refresh_from_db()
    assert typo.synonym_of == naruto["sasuke"]


def test_naming_a_tag_that_does_not_exist_shows_a_clear_message(client_for, wrangler, typo):
    response = client_for(wrangler).post(
        f"/tags/wrangle/{typo.pk}/synonym", {"synonym-name": "Nobody"}
    )
    assert response.status_code == 400
    assert "There is no Character tag named" in response.text
    typo.refresh_from_db()
    assert typo.synonym_of is None


def test_a_refused_change_shows_why(client_for, wrangler, naruto):
    response = client_for(wrangler).post(
        f"/tags/wrangle/{naruto['sasuke'].pk}/uncanonical", follow=True
    )
    assert "has synonyms" in response.text
    assert Tag.objects.get(pk=naruto["sasuke"].pk).canonical


def test_a_wrangler_adds_a_parent_and_renames(client_for, wrangler, naruto, make_canonical_tag):
    anime = make_canonical_tag(TagType.FANDOM, "Anime")
    client = client_for(wrangler)
    client.post(
        f"/tags/wrangle/{naruto['fandom'].pk}/add-parent",
        {"parent-type": "fandom", "parent-name": "anime"},
    )
    assert naruto["fandom"].parents.get() == anime
    client.post(f"/tags/wrangle/{anime.pk}/rename", {"rename-name": "Anime & Manga"})
    assert Tag.objects.get(pk=anime.pk).name == "Anime & Manga"


def test_the_action_log_is_shown_to_wranglers_only(client_for, wrangler, reader, naruto, typo):
    client_for(wrangler).post(f"/tags/wrangle/{typo.pk}/synonym", {"synonym-name": "Sasuke"})
    url = typo.get_absolute_url()
    wrangler_view = client_for(wrangler).get(url)
    assert "made a synonym" in wrangler_view.text and "<td>wrangler</td>" in wrangler_view.text
    assert "made a synonym" not in client_for(reader).get(url).text


@pytest.mark.parametrize(
    "path",
    ["/tags/wrangle", "/tags/wrangle/{pk}"],
)
def test_non_wranglers_cannot_open_wrangling_pages(client, client_for, reader, author, typo, path):
    url = path.format(pk=typo.pk)
    assert client_for(reader).get(url).status_code == 403
    assert client_for(author).get(url).status_code == 403
    assert client.get(url)["Location"].startswith("/login")


@pytest.mark.parametrize(
    "action,data",
    [
        ("canonical", {}),
        ("uncanonical", {}),
        ("synonym", {"synonym-name": "Uchiha Sasuke"}),
        ("unsynonym", {}),
        ("merge", {"merge-name": "Uchiha Sasuke"}),
        ("add-parent", {"parent-type": "fandom", "parent-name": "Naruto"}),
        ("remove-parent", {"parent": "1"}),
        ("rename", {"rename-name": "Hacked"}),
    ],
)
def test_non_wranglers_cannot_wrangle(client, client_for, reader, typo, action, data):
    before = Tag.objects.values_list("pk", "name", "canonical", "synonym_of_id").order_by("pk")
    before = list(before)
    url = f"/tags/wrangle/{typo.pk}/{action}"
    assert client_for(reader).post(url, data).status_code == 403
    assert client.post(url, data).status_code == 302
    after = Tag.objects.values_list("pk", "name", "canonical", "synonym_of_id").order_by("pk")
    assert list(after) == before


def test_superusers_may_wrangle(client_for, admin_user, typo):
    client_for(admin_user).post(f"/tags/wrangle/{typo.pk}/canonical")
    typo.refresh_from_db()
    assert typo.canonical
