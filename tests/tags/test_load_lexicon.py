from django.core.management import call_command

from ficarchive.tags import wrangling
from ficarchive.tags.lexicon_bridge import archive_lexicon, forget_archive_lexicon
from ficarchive.tags.models import Tag, TagType
from ficarchive.text.lexicon import load_lexicon


def load(capsys) -> str:
    call_command("load_lexicon")
    return capsys.readouterr().out


def test_loading_the_lexicon_makes_canonical_tags_synonyms_and_parents(db, capsys):
    out = load(capsys)
    assert "created" in out and "canonical fandom tags" in out
    fandom = Tag.objects.named(TagType.FANDOM, "Naruto").get()
    sasuke = Tag.objects.named(TagType.CHARACTER, "Uchiha Sasuke").get()
    ship = Tag.objects.named(TagType.RELATIONSHIP, "Uchiha Sasuke/Uzumaki Naruto").get()
    assert fandom.canonical and sasuke.canonical and ship.canonical
    assert fandom in sasuke.parents.all()
    assert {"Naruto", "Uchiha Sasuke", "Uzumaki Naruto"} <= {p.name for p in ship.parents.all()}
    assert Tag.objects.named(TagType.RELATIONSHIP, "SasuNaru").get().synonym_of == ship
    assert Tag.objects.named(TagType.CHARACTER, "Sasuke").get().synonym_of == sasuke
    assert Tag.objects.named(TagType.FREEFORM, "Fluff").get().canonical


def test_loading_the_lexicon_twice_changes_nothing(db, capsys):
    load(capsys)
    before = list(Tag.objects.values_list("pk", "name", "canonical", "synonym_of_id"))
    out = load(capsys)
    assert "nothing new" in out
    assert list(Tag.objects.values_list("pk", "name", "canonical", "synonym_of_id")) == before


def test_works_tagged_before_the_lexicon_came_are_found_after_it(post, db, capsys, titles_under):
    post("Early", relationships=["SasuNaru"], fandoms=["Naruto Shippuden"])
    out = load(capsys)
    assert "refreshed the filter tags of 1 works" in out
    ship = Tag.objects.named(TagType.RELATIONSHIP, "Uchiha Sasuke/Uzumaki Naruto").get()
    assert titles_under(ship) == {"Early"}
    assert titles_under(Tag.objects.named(TagType.FANDOM, "Naruto").get()) == {"Early"}


def test_a_wranglers_choice_is_kept_when_the_lexicon_is_loaded_again(db, capsys, wrangler):
    load(capsys)
    own = Tag.objects.create(type=TagType.CHARACTER, name="Sasuke the Avenger", canonical=True)
    alias = Tag.objects.named(TagType.CHARACTER, "Sasuke").get()
    wrangling.remove_synonym(alias, wrangler)
    wrangling.make_synonym(alias, own, wrangler)
    load(capsys)
    assert Tag.objects.named(TagType.CHARACTER, "Sasuke").get().synonym_of == own


def test_the_archive_lexicon_knows_what_wranglers_added(naruto, wrangler):
    shisui = Tag.objects.create(type=TagType.CHARACTER, name="Uchiha Shisui", canonical=True)
    wrangling.add_parent(shisui, naruto["fandom"], wrangler)
    Tag.objects.create(type=TagType.CHARACTER, name="Shisui", synonym_of=shisui)
    forget_archive_lexicon()
    lexicon = archive_lexicon()
    char = lexicon.character_by_name[("Naruto", "Uchiha Shisui")]
    assert "Shisui" in char.aliases
    assert ("Naruto", "Uchiha Shisui") not in load_lexicon().character_by_name
