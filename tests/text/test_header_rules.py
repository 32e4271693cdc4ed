"""Rules of reading a fic's header that the corpus holds in bulk, one behaviour at a time: what
the lexicon lacks is kept, what looks like a pairing and is not is left, every rating system."""

from __future__ import annotations

import pytest

from ficarchive.text import parse_document

STORY = (
    "\n\nMarek pushed the door open with his shoulder and set the crate down on the bench. "
    "Ilse looked up from the map, frowned at the crate, and went back to the map.\n\n"
    '"You could help," Marek said. Ilse did not help, and Marek laughed at her anyway.\n'
)


def read(header: str) -> dict:
    return parse_document(header + STORY).to_dict()


def test_a_pairing_and_fandom_the_lexicon_lacks_are_kept_as_written_and_marked() -> None:
    work = read("Fandom: The Saltmarsh Chronicles\nPairing: Marek/Ilse\nRating: T")
    assert work["fandoms"] == ["The Saltmarsh Chronicles"]
    assert work["relationships"] == ["Ilse/Marek"]
    assert work["unmatched"]["fandoms"] == ["The Saltmarsh Chronicles"]
    assert work["unmatched"]["relationships"] == ["Ilse/Marek"]


def test_a_pairing_in_the_notes_counts_when_the_story_uses_both_names() -> None:
    assert read("A/N: Marek/Ilse, finally!")["relationships"] == ["Ilse/Marek"]
    assert read("a/n: marek x ilse, finally!")["relationships"] == ["Ilse/Marek"]
    assert read("a/n: salt x honey, finally!")["relationships"] == []
    assert read("A/N: thanks to Tomas/Vera for the beta!")["relationships"] == []


@pytest.mark.parametrize(
    "notes",
    [
        "Genre: Humor/Drama",
        "A/N: warnings for blood and/or gore",
        "A/N: Marek is part-vampire/part-witch here",
        "A/N: (y/n) is your name and (e/c) your eye colour",
        "Disclaimer: the series belongs to Toei/Shueisha",
        "Title: Salt & Honey",
        "A/N: R&R please!",
        "N/A: gracias por leer",
    ],
)
def test_slashes_and_ampersands_that_are_not_pairings(notes: str) -> None:
    assert read(notes)["relationships"] == []


def test_past_one_sided_and_mentioned_ships_are_relationships() -> None:
    work = read("Pairing: past Marek/Ilse, one-sided Ilse/Tomas, mentioned Vera/Tomas")
    assert work["relationships"] == ["Ilse/Marek", "Ilse/Tomas", "Tomas/Vera"]


def test_a_platonic_ampersand_stays_platonic() -> None:
    assert read("Pairing: Marek & Ilse (friendship)")["relationships"] == ["Ilse & Marek"]


def test_a_canon_named_only_in_a_disclaimer_is_the_fandom() -> None:
    assert read("I don't own The Saltmarsh Chronicles, sadly.")["fandoms"] == [
        "The Saltmarsh Chronicles"
    ]
    assert read("Disclaimer: all characters belong to their owners.")["fandoms"] == []


@pytest.mark.parametrize(
    ("line", "rating"),
    [
        ("Rated: Fiction K+ - English - Humor", "General Audiences"),
        ("Rating: MA", "Explicit"),
        ("Rated PG-13 for language.", "Teen And Up Audiences"),
        ("Rating: NC-17", "Explicit"),
        ("Classificação: 16 anos", "Mature"),
        ("Altersfreigabe: P12", "Teen And Up Audiences"),
        ("[18+] [angst]", "Explicit"),
        ("Rating: Rosso", "Explicit"),
        ("rated g for gentle", "General Audiences"),
        ("Warning: lemon ahead!", "Explicit"),
        ("Rating: lime", "Mature"),
    ],
)
def test_every_rating_system(line: str, rating: str) -> None:
    assert read(line)["rating"] == rating


def test_no_stated_warning_gives_the_default_and_says_so() -> None:
    work = read("Rating: T")
    assert work["archive_warnings"] == ["Creator Chose Not To Use Archive Warnings"]
    assert work["defaults"] == ["archive_warnings"]


@pytest.mark.parametrize("value", ["none", "ninguna", "keine", "nenhum", "brak"])
def test_warnings_none_in_any_language_is_no_archive_warnings(value: str) -> None:
    work = read(f"Rating: T\nWarnings: {value}")
    assert work["archive_warnings"] == ["No Archive Warnings Apply"]
    assert work["defaults"] == []


def test_a_minor_death_is_not_major_character_death() -> None:
    for words in ("character death (not main)", "minor character death"):
        assert "Major Character Death" not in read(f"Warnings: {words}")["archive_warnings"]
    assert read("Warnings: character death")["archive_warnings"] == ["Major Character Death"]


def test_genre_words_inside_a_fandom_name_are_not_read() -> None:
    work = read("Fandom: Yuri!!! on Ice\nPairing: Marek/Ilse")
    assert "F/F" not in work["categories"]


def test_yaoi_and_yuri_give_the_category_for_unknown_names() -> None:
    assert read("Pairing: Marek/Tomas\nWarning: yaoi")["categories"] == ["M/M"]
    assert read("Pairing: Ilse/Vera (yuri)")["categories"] == ["F/F"]


def test_a_song_credited_twice_is_one_credit_without_chatter() -> None:
    work = read(
        'Disclaimer: "Glass Tide" belongs to The Lanterns.\n\n'
        'A/N: a songfic to "Glass Tide" by The Lanterns, which you should all hear!'
    )
    assert [(s["title"], s["artist"]) for s in work["song_credits"]] == [
        ("Glass Tide", "The Lanterns")
    ]


@pytest.mark.parametrize(
    ("header", "language"),
    [
        ("Pareja: Marek/Ilse\n\nMarek abrió la puerta y dejó la caja sobre el banco. Ilse "
         "levantó la vista del mapa, frunció el ceño y volvió a mirar el mapa sin decir nada.",
         "es"),
        ("Paring: Marek/Ilse\n\nMarek otworzył drzwi ramieniem i postawił skrzynię na ławce. "
         "Ilse spojrzała znad mapy, zmarszczyła brwi i wróciła do swojej mapy bez słowa.",
         "pl"),
    ],
)  # fmt: skip
def test_the_language_is_the_storys(header: str, language: str) -> None:
    assert parse_document(header).to_dict()["language"] == language


def test_a_page_of_slashes_is_not_a_thousand_pairings() -> None:
    work = parse_document("A/N: " + "Ab/" * 20000 + "Cd" + STORY).to_dict()
    assert work["relationships"] == []


@pytest.mark.parametrize("between", [" | ", " • ", " · ", "; ", " - ", " ~ "])
def test_several_fields_on_one_line_are_each_read(between: str) -> None:
    line = between.join(["pairing: marek/ilse", "rating: M", "warnings: none apply", "wc: 2k"])
    work = read("the salt road\n" + line)
    assert work["title"] == "the salt road"
    assert work["relationships"] == ["Ilse/Marek"]
    assert (work["rating"], work["rating_as_written"]) == ("Mature", "M")
    assert work["archive_warnings"] == ["No Archive Warnings Apply"]


@pytest.mark.parametrize(
    ("header", "rating"),
    [
        ("Пейринг: Марек/Ильза\nРейтинг: R\nПредупреждения: нет", "Mature"),
        ("CP：马瑞克/伊尔莎\n分级：R18\n警告：无", "Explicit"),
        ("カップリング：マレク×イルゼ\nレーティング：R-18\n注意：なし", "Explicit"),
        ("커플링: 마렉/일제\n등급: PG-13\n경고: 없음", "Teen And Up Audiences"),
    ],
)
def test_header_fields_in_other_scripts_give_the_pairing_rating_and_no_warnings(
    header: str, rating: str
) -> None:
    work = read(header)
    assert len(work["relationships"]) == 1 and "/" in work["relationships"][0]
    assert work["rating"] == rating
    assert work["archive_warnings"] == ["No Archive Warnings Apply"]


def test_full_width_commas_split_a_tag_list_and_stay_in_a_summary() -> None:
    work = read("标签：日常，治愈，HE\n简介：雨季的小城里，开书店的人。")
    assert {"日常", "治愈"} <= set(work["freeform_tags"])
    assert work["summary"] == "雨季的小城里，开书店的人。"


def test_names_alone_in_a_pairing_field_are_its_characters_but_a_portmanteau_is_not() -> None:
    work = read("Pairing and characters: Marek/Ilse, Tomas Brandt, Vera")
    assert work["relationships"] == ["Ilse/Marek"]
    assert {"Tomas Brandt", "Vera"} <= set(work["characters"])
    assert "MarIlse" not in read("Pairing: MarIlse, Tomas Brandt")["characters"]
