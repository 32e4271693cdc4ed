from ficarchive.tags.models import Tag, TagType


def test_autocomplete_suggests_canonical_tags_and_what_synonyms_stand_for(client, naruto):
    Tag.objects.create(
        type=TagType.RELATIONSHIP, name="Uchiha Sasuke/Uzumaki Naruto", canonical=True
    )
    Tag.objects.create(
        type=TagType.RELATIONSHIP, name="SasuNaru",
        synonym_of=Tag.objects.get(name="Uchiha Sasuke/Uzumaki Naruto"),
    )  # fmt: skip
    data = client.get("/tags/autocomplete", {"type": "relationship", "q": "sasun"}).json()
    assert data["results"] == [
        {"name": "SasuNaru", "type": "relationship", "canonical": "Uchiha Sasuke/Uzumaki Naruto"}
    ]


def test_autocomplete_matches_the_start_of_any_word_prefix_matches_first(client, naruto):
    names = [r["name"] for r in client.get(
        "/tags/autocomplete", {"type": "character", "q": "naru"}).json()["results"]]  # fmt: skip
    assert names == ["Naruto", "Uzumaki Naruto"]


def test_autocomplete_leaves_out_unwrangled_tags_and_other_types(client, naruto):
    Tag.objects.create(type=TagType.CHARACTER, name="Sasuke's Cat")
    results = client.get("/tags/autocomplete", {"type": "character", "q": "sas"}).json()
    assert [r["name"] for r in results["results"]] == ["Sasuke", "Uchiha Sasuke"]


def test_autocomplete_returns_at_most_ten(client, db):
    for n in range(15):
        Tag.objects.create(type=TagType.FREEFORM, name=f"Fluff {n}", canonical=True)
    results = client.get("/tags/autocomplete", {"type": "freeform", "q": "flu"}).json()
    assert len(results["results"]) == 10


def test_autocomplete_refuses_an_unknown_type(client, db):
    assert client.get("/tags/autocomplete", {"type": "nope", "q": "x"}).status_code == 400


def test_autocomplete_with_nothing_typed_suggests_nothing(client, naruto):
    assert client.get("/tags/autocomplete", {"type": "fandom", "q": " "}).json() == {"results": []}
