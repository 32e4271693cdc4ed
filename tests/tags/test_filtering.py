from ficarchive.tags.filtering import refresh_work_filter_tags
from ficarchive.tags.models import Tag, TagParent, TagType


def test_a_work_tagged_with_a_synonym_is_found_under_the_canonical_tag_and_its_fandom(
    naruto, post, titles_under
):
    post("Ramen", characters=["Sasuke"])
    assert titles_under(naruto["sasuke"]) == {"Ramen"}
    assert titles_under(naruto["fandom"]) == {"Ramen"}


def test_an_unwrangled_tag_finds_nothing_until_a_wrangler_links_it(naruto, post, titles_under):
    work = post("Chidori", characters=["Sasu-chan"])
    typed = Tag.objects.get(type=TagType.CHARACTER, name="Sasu-chan")
    assert titles_under(naruto["sasuke"]) == set()
    typed.synonym_of = naruto["sasuke"]
    typed.save()
    refresh_work_filter_tags([work.pk])
    assert titles_under(naruto["sasuke"]) == {"Chidori"}


def test_a_work_is_found_under_every_ancestor(naruto, post, titles_under, make_canonical_tag):
    anime = make_canonical_tag(TagType.FANDOM, "Anime & Manga")
    TagParent.objects.create(parent=anime, child=naruto["fandom"])
    post("Leaf", fandoms=["Naruto"], characters=["Uzumaki Naruto"])
    assert titles_under(anime) == {"Leaf"}
    assert titles_under(naruto["naruto"]) == {"Leaf"}


def test_removing_a_tag_from_a_work_takes_it_out_of_the_listing(naruto, post, titles_under):
    from ficarchive.works.services import set_work_tags, work_changed

    work = post("Leaf", characters=["Naruto"])
    set_work_tags(work, {TagType.CHARACTER: []})
    work_changed([work.pk])
    assert titles_under(naruto["naruto"]) == set()
    assert titles_under(naruto["fandom"]) == {"Leaf"}


def test_parent_loops_made_by_mistake_do_not_hang_filtering(naruto, post, titles_under):
    TagParent.objects.create(parent=naruto["sasuke"], child=naruto["fandom"])
    post("Loop", characters=["Sasuke"])
    assert titles_under(naruto["fandom"]) == {"Loop"}
