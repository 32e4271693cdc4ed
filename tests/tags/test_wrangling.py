import pytest

from ficarchive.tags import wrangling
from ficarchive.tags.models import Tag, TagParent, TagType, WranglingAction


@pytest.fixture
def typo(naruto, post):
    post("Typo", characters=["Uchiha Saskue"])
    return Tag.objects.get(type=TagType.CHARACTER, name="Uchiha Saskue")


def test_making_a_tag_a_synonym_moves_its_works_at_once(naruto, typo, titles_under, wrangler):
    wrangling.make_synonym(typo, naruto["sasuke"], wrangler)
    assert titles_under(naruto["sasuke"]) == {"Typo"}
    assert WranglingAction.objects.filter(tag=typo, user=wrangler, kind="synonym").exists()


def test_merging_moves_the_tag_its_synonyms_and_its_works(naruto, post, titles_under, wrangler):
    post("Old name", characters=["Sakura"])
    dup = Tag.objects.get(type=TagType.CHARACTER, name="Sakura")
    wrangling.make_canonical(dup, wrangler)
    alias = Tag.objects.create(type=TagType.CHARACTER, name="Sakura-chan", synonym_of=dup)
    post("Nickname", characters=["Sakura-chan"])
    target = Tag.objects.create(type=TagType.CHARACTER, name="Haruno Sakura", canonical=True)

    wrangling.merge(dup, target, wrangler)

    dup.refresh_from_db()
    alias.refresh_from_db()
    assert dup.synonym_of == target and not dup.canonical
    assert alias.synonym_of == target
    assert titles_under(target) == {"Old name", "Nickname"}
    assert titles_under(dup) == set()


def test_merging_moves_the_children_of_a_fandom(naruto, titles_under, post, wrangler):
    post("Shippuden fic", fandoms=["Naruto Shippuden"], characters=["Sasuke"])
    dup = Tag.objects.get(type=TagType.FANDOM, name="Naruto Shippuden")
    wrangling.make_canonical(dup, wrangler)
    TagParent.objects.create(parent=dup, child=Tag.objects.create(
        type=TagType.CHARACTER, name="Pain", canonical=True))  # fmt: skip
    wrangling.merge(dup, naruto["fandom"], wrangler)
    assert titles_under(naruto["fandom"]) == {"Shippuden fic"}
    assert naruto["fandom"].children.filter(name="Pain").exists()


def test_a_rename_keeps_the_works_and_is_logged(naruto, post, titles_under, wrangler):
    post("Renamed", characters=["Sasuke"])
    wrangling.rename(naruto["sasuke"], "Uchiha  Sasuke (Naruto)", wrangler)
    tag = Tag.objects.get(pk=naruto["sasuke"].pk)
    assert tag.name == "Uchiha Sasuke (Naruto)"
    assert Tag.objects.named(TagType.CHARACTER, "uchiha sasuke (naruto)").get() == tag
    assert titles_under(tag) == {"Renamed"}
    assert tag.wrangling_actions.get().detail == "from Uchiha Sasuke"


def test_a_rename_onto_an_existing_name_is_refused(naruto, wrangler):
    with pytest.raises(wrangling.WranglingError):
        wrangling.rename(naruto["sasuke"], "uzumaki naruto", wrangler)


def test_adding_and_removing_a_parent_moves_works_in_and_out(
    naruto, post, titles_under, make_canonical_tag, wrangler
):
    post("Crossover", fandoms=["Naruto"])
    anime = make_canonical_tag(TagType.FANDOM, "Anime")
    wrangling.add_parent(naruto["fandom"], anime, wrangler)
    assert titles_under(anime) == {"Crossover"}
    wrangling.remove_parent(naruto["fandom"], anime, wrangler)
    assert titles_under(anime) == set()


def test_a_parent_loop_is_refused(naruto, wrangler):
    with pytest.raises(wrangling.WranglingError):
        wrangling.add_parent(naruto["fandom"], naruto["sasuke"], wrangler)


def test_a_canonical_tag_with_synonyms_cannot_simply_stop_being_canonical(naruto, wrangler):
    with pytest.raises(wrangling.WranglingError):
        wrangling.make_not_canonical(naruto["sasuke"], wrangler)


def test_wrangling_a_synonym_onto_a_tag_of_another_type_is_refused(naruto, typo, wrangler):
    with pytest.raises(wrangling.WranglingError):
        wrangling.make_synonym(typo, naruto["fandom"], wrangler)
    typo.refresh_from_db()
    assert typo.synonym_of is None
