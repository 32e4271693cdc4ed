from django.urls import resolve

from ficarchive.tags.converters import escape_tag_name
from ficarchive.tags.models import Tag, TagType


def test_tag_urls_use_ao3s_escapes():
    tag = Tag(type=TagType.RELATIONSHIP, name="Dr. Who & Rose/Jack? #1")
    assert escape_tag_name(tag.name) == "Dr*d* Who *a* Rose*s*Jack*q* *h*1"
    assert tag.get_absolute_url() == "/tags/Dr*d*%20Who%20*a*%20Rose*s*Jack*q*%20*h*1"


def test_a_tag_page_opens_by_ao3_url_and_by_plain_name(client, naruto, post):
    post("Pairing", relationships=["Uchiha Sasuke/Uzumaki Naruto"])
    tag = Tag.objects.get(type=TagType.RELATIONSHIP)
    for url in (tag.get_absolute_url(), "/tags/Uchiha Sasuke/Uzumaki Naruto"):
        page = client.get(url)
        assert page.status_code == 200
        assert '<h1 class="heading">Uchiha Sasuke/Uzumaki Naruto</h1>' in page.text


def test_the_works_listing_of_a_tag_is_left_to_its_own_page(naruto):
    match = resolve("/tags/Uchiha Sasuke*s*Uzumaki Naruto/works")
    assert match.url_name != "tag"


def test_a_tag_page_shows_synonyms_parents_children_and_count(client, naruto, post):
    post("One", characters=["Sasuke"])
    post("Two", characters=["Uchiha Sasuke"])
    post("Draft", characters=["Sasuke"], draft=True)
    page = client.get(naruto["sasuke"].get_absolute_url()).text
    assert "<strong>2</strong> works" in page
    assert ">Sasuke</a>" in page  # a synonym
    assert ">Naruto</a>" in page  # the parent
    assert naruto["sasuke"].get_works_url() in page
    fandom_page = client.get("/tags/Naruto?type=fandom").text
    assert ">Uchiha Sasuke</a> (2)" in fandom_page


def test_a_synonyms_page_says_which_canonical_tag_it_belongs_to(client, naruto):
    page = client.get("/tags/Sasuke").text
    assert "belongs to the Character tag" in page
    assert naruto["sasuke"].get_absolute_url() in page


def test_a_name_shared_by_a_fandom_and_a_character_shows_the_fandom_and_links_the_other(
    client, naruto
):
    page = client.get("/tags/Naruto").text
    assert "Fandom tag, canonical" in page
    assert "/tags/Naruto?type=character" in page
    assert "belongs to the Character tag" in client.get("/tags/Naruto?type=character").text


def test_an_unknown_tag_is_not_found(client, db):
    assert client.get("/tags/Nothing Here").status_code == 404


def test_the_tag_index_lists_canonical_fandoms_with_counts(client, naruto, post):
    post("Counted", fandoms=["Naruto"])
    page = client.get("/tags").text
    assert ">Naruto</a> (1)" in page
