import pytest

from ficarchive.tags.models import Tag, TagType
from ficarchive.tags.relationships import split_relationship

CANONICAL = "Uchiha Sasuke/Uzumaki Naruto"


@pytest.mark.parametrize(
    "typed",
    [
        "Sasu/Naru",
        "Naru/Sasu",
        "Naruto x Sasuke",
        "Uzumaki Naruto/Uchiha Sasuke",
        "sasuke / naruto",
    ],
)
def test_every_spelling_of_a_pairing_finds_the_same_works(naruto, post, titles_under, typed):
    post("Spelled differently", relationships=[typed])
    relationship = Tag.objects.get(type=TagType.RELATIONSHIP, name=CANONICAL)
    assert relationship.canonical
    assert titles_under(relationship) == {"Spelled differently"}
    typed_tag = Tag.objects.named(TagType.RELATIONSHIP, typed).get()
    assert typed_tag.synonym_of == relationship


def test_two_spellings_meet_in_one_canonical_relationship_with_its_characters_as_parents(
    naruto, post, titles_under
):
    post("One", relationships=["Sasu/Naru"])
    post("Two", relationships=["Naru/Sasu"])
    relationship = Tag.objects.get(type=TagType.RELATIONSHIP, name=CANONICAL)
    assert titles_under(relationship) == {"One", "Two"}
    assert set(relationship.parents.values_list("name", flat=True)) == {
        "Naruto", "Uchiha Sasuke", "Uzumaki Naruto",
    }  # fmt: skip
    assert titles_under(naruto["sasuke"]) == {"One", "Two"}


def test_the_canonical_spelling_itself_becomes_the_canonical_tag(naruto, post):
    post("Exact", relationships=[CANONICAL])
    tag = Tag.objects.get(type=TagType.RELATIONSHIP, name=CANONICAL)
    assert tag.canonical and tag.synonym_of is None


def test_an_ampersand_makes_a_platonic_relationship(naruto, post, titles_under):
    post("Team Seven", relationships=["Naruto & Sasuke"])
    friendship = Tag.objects.get(type=TagType.RELATIONSHIP, name="Uchiha Sasuke & Uzumaki Naruto")
    assert titles_under(friendship) == {"Team Seven"}
    assert not Tag.objects.filter(name=CANONICAL).exists()


def test_a_pairing_with_an_unknown_name_waits_for_a_wrangler(naruto, post):
    post("Mystery", relationships=["Sasuke/Somebody New"])
    tag = Tag.objects.get(type=TagType.RELATIONSHIP, name="Sasuke/Somebody New")
    assert not tag.is_wrangled


def test_a_ship_name_from_the_lexicon_joins_its_pairing(naruto, post, titles_under):
    post("Portmanteau", relationships=["SasuNaru"])
    relationship = Tag.objects.get(type=TagType.RELATIONSHIP, name=CANONICAL)
    assert titles_under(relationship) == {"Portmanteau"}


def test_relationship_names_split_on_ao3_separators_and_refuse_mixtures():
    assert split_relationship("A/B") == (["A", "B"], False)
    assert split_relationship("A x B") == (["A", "B"], False)
    assert split_relationship("A & B") == (["A", "B"], True)
    assert split_relationship("A/B & C") is None
    assert split_relationship("Alex") is None
