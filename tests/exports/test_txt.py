CJK = "月亮升起来了，她还在等他回来。"


def test_the_text_download_has_the_meta_header_and_both_chapters(client, work, fetch):
    response, data = fetch(client, work, "txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    text = data.decode("utf-8")
    assert text.startswith("Moonrise — Über Alles\n")
    for line in ["by author", "Rating: Teen And Up Audiences", "Fandom: Naruto",
                 "Character: Uzumaki Naruto, Uchiha Sasuke",
                 "Additional Tags: Slow Burn, Hurt/Comfort", "Language: English"]:  # fmt: skip
        assert line + "\n" in text
    assert text.index("Chapter 1: Dusk") < text.index("Chapter 2: Dawn")
    assert "Thanks for reading!" in text
    assert "<" not in text.replace("<br>", "")


def test_paragraphs_are_separated_by_one_blank_line_and_line_breaks_kept(client, work, fetch):
    _, data = fetch(client, work, "txt")
    text = data.decode("utf-8")
    assert f"The sky went dark — and then _darker_.\n\n{CJK}\n\nНочь была тихой.\n\n" in text
    assert "Morning came at last.\n\nLine one\nline two\n" in text


def test_a_line_break_written_on_its_own_line_is_not_a_paragraph_break(
    client, author, make_work, fetch
):
    work = make_work(author, body="First line\nsecond line\n\nNext paragraph")
    _, data = fetch(client, work, "txt")
    assert "First line\nsecond line\n\nNext paragraph" in data.decode("utf-8")


def test_italics_and_bold_are_marked_as_plain_text_marks_them(client, work, fetch):
    _, data = fetch(client, work, "txt")
    text = data.decode()
    assert "and then _darker_." in text
    assert "Café au lait, *please*." in text
