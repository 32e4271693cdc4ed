"""Small rules of reading: scene breaks, chapter headings, pairings, ratings, lexicon."""

from __future__ import annotations

import pytest

from ficarchive.text import load_lexicon, parse_document
from ficarchive.text.source import Para
from ficarchive.text.tense import tense_of
from ficarchive.text.units import make_unit


@pytest.mark.parametrize(
    "line",
    ["***", "* * *", "~~~", "-----", "o0o", "xXx", "OoOoO", "~*~*~", "+++", "§", "#",
     "~present~", "[Scene Break]", "-x-x-x-", "Three years later", "x", "X", "o"],
)  # fmt: skip
def test_it_knows_a_scene_break(line: str) -> None:
    assert make_unit(Para(line, 0, len(line))).kind == "scene_break"


@pytest.mark.parametrize("line", ["xxx", "...", "Hello there.", "Oh.", "I", "A"])
def test_it_does_not_take_words_for_a_scene_break(line: str) -> None:
    assert make_unit(Para(line, 0, len(line))).kind != "scene_break"


@pytest.mark.parametrize(
    ("line", "label", "title"),
    [
        ("Chapter 3: The Fall", "Chapter 3", "The Fall"),
        ("Chapter Twelve - Home", "Chapter 12", "Home"),
        ("CHAPTER IV", "Chapter 4", None),
        ("Prologue", "Prologue", None),
        ("Epilogue: Ten Years On", "Epilogue", "Ten Years On"),
        ("Part 2", "Part 2", None),
        ("~Chapter 5~", "Chapter 5", None),
    ],
)
def test_it_reads_chapter_headings(line: str, label: str, title: str | None) -> None:
    unit = make_unit(Para(line, 0, len(line)))
    assert (unit.hint, unit.label, unit.title) == ("chapter", label, title)


def _notes_fic(header: str) -> dict:
    story = (
        "The rain had not stopped for three days, and the village was quiet. "
        "Everyone stayed inside and waited for the clouds to pass over the hills."
    )
    return parse_document(f"{header}\n\n{story}\n\n{story}").to_dict()


@pytest.mark.parametrize(
    ("header", "relationship"),
    [
        ("Pairing: Sasuke x Naruto", "Uchiha Sasuke/Uzumaki Naruto"),
        ("Warning: NaruSasu ahead, don't like don't read.", "Uchiha Sasuke/Uzumaki Naruto"),
        ("A little SasukexNaruto fic for you.", "Uchiha Sasuke/Uzumaki Naruto"),
        ("A Destiel fic, enjoy!", "Castiel/Dean Winchester"),
        ("My first Stucky fic!", 'James "Bucky" Barnes/Steve Rogers'),
        ("Johnlock, because why not. Enjoy!", "Sherlock Holmes/John Watson"),
        ("Pairing: Harry/Draco", "Draco Malfoy/Harry Potter"),
        ("Sterek fic. Please review!", "Derek Hale/Stiles Stilinski"),
        ("BakuDeku week, day one. Enjoy!", "Bakugou Katsuki/Midoriya Izuku"),
        ("Pairings: Naruto & Sasuke (friendship)", "Uchiha Sasuke & Uzumaki Naruto"),
    ],
)
def test_it_reads_pairing_notations(header: str, relationship: str) -> None:
    work = _notes_fic(header)
    assert work["relationships"] == [relationship]
    assert work["fandoms"]


@pytest.mark.parametrize(
    ("header", "rating", "written"),
    [
        ("Rated: K+ for mild peril. Enjoy!", "General Audiences", "K+"),
        ("Rating: PG-13", "Teen And Up Audiences", "PG-13"),
        ("Rated NC-17 for later chapters. Enjoy!", "Explicit", "NC-17"),
        ("Rated: Fiction T. Please review!", "Teen And Up Audiences", "T"),
        ("Rating: MA", "Explicit", "MA"),
        ("Warning: lemon in this chapter! Enjoy!", "Explicit", None),
        ("Please review, it makes my day!", "Not Rated", None),
    ],
)
def test_it_maps_every_rating_system(header: str, rating: str, written: str | None) -> None:
    work = _notes_fic(header)
    assert (work["rating"], work["rating_as_written"]) == (rating, written)


def test_lemon_implies_smut_and_yuri_implies_ff() -> None:
    work = _notes_fic("Warning: yuri and a lemon! Enjoy!")
    assert {"Yuri", "Lemon", "Smut"} <= set(work["freeform_tags"])
    assert work["categories"] == ["F/F"]


def test_a_negated_genre_word_is_not_a_tag() -> None:
    work = _notes_fic("Don't worry, this fic is not angst. Enjoy the fluff!")
    assert work["freeform_tags"] == ["Fluff"]


def test_tense_ignores_dialogue() -> None:
    assert tense_of('"I am here, I am fine," she said, and she walked away.') == "past"
    assert tense_of('"I was there," he says, and he turns to go.') == "present"


def test_the_lexicon_holds_ao3_names() -> None:
    lex = load_lexicon()
    assert [r.name for r in lex.ratings] == [
        "Not Rated", "General Audiences", "Teen And Up Audiences", "Mature", "Explicit",
    ]  # fmt: skip
    assert {w.name for w in lex.warnings} == {
        "Creator Chose Not To Use Archive Warnings", "Graphic Depictions Of Violence",
        "Major Character Death", "No Archive Warnings Apply", "Rape/Non-Con", "Underage Sex",
    }  # fmt: skip
    assert [c.name for c in lex.categories] == ["F/F", "F/M", "Gen", "M/M", "Multi", "Other"]
    assert len(lex.fandoms) >= 25
    names = {f.name for f in lex.fandoms}
    assert {"Naruto", "Harry Potter - J. K. Rowling", "Sherlock (TV)"} <= names
    kinds = {kind for kind, *_ in lex.iter_tags()}
    assert kinds == {"rating", "warning", "category", "fandom", "character", "relationship",
                     "freeform"}  # fmt: skip


def test_the_lexicon_can_be_extended_at_run_time() -> None:
    lex = load_lexicon().extended(
        extra_fandoms=[{"name": "Lighthouse Keepers (Web Series)", "aliases": ["LHK"]}],
        extra_characters=[
            {"name": "Orla Finch", "fandom": "Lighthouse Keepers (Web Series)",
             "aliases": ["Orla"], "gender": "f"},
            {"name": "Bea Moreno", "fandom": "Lighthouse Keepers (Web Series)",
             "aliases": ["Bea"], "gender": "f"},
        ],
        extra_ships=[{"name": "Bea Moreno/Orla Finch",
                      "fandom": "Lighthouse Keepers (Web Series)", "aliases": ["Orlea"]}],
    )  # fmt: skip
    assert load_lexicon().fandom_by_name.get("Lighthouse Keepers (Web Series)") is None
    text = "An Orlea fic for LHK week. Enjoy!\n\nOrla climbed the stairs. Bea waited at the top."
    work = parse_document(text, lexicon=lex).to_dict()
    assert work["fandoms"] == ["Lighthouse Keepers (Web Series)"]
    assert work["relationships"] == ["Bea Moreno/Orla Finch"]
    assert work["categories"] == ["F/F"]
    assert {"Orla Finch", "Bea Moreno"} <= set(work["characters"])


def test_the_importer_imports_no_django() -> None:
    import subprocess
    import sys

    code = (
        "import sys, ficarchive.text, ficarchive.text.cli, ficarchive.text.readers.epub, "
        "ficarchive.text.readers.docx, ficarchive.text.readers.md; "
        "print(any(m == 'django' or m.startswith('django.') for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
