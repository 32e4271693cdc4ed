import io

import pypdf

CJK = "月亮升起来了，她还在等他回来。"


def pdf_text(data: bytes) -> tuple[pypdf.PdfReader, str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    return reader, "\n".join(page.extract_text() for page in reader.pages)


def font_names(reader: pypdf.PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()["/BaseFont"]))
    return names


def test_the_pdf_sets_every_script_in_a_unicode_font(client, work, fetch):
    response, data = fetch(client, work, "pdf")
    assert response["Content-Type"] == "application/pdf"
    assert data.startswith(b"%PDF-")
    reader, text = pdf_text(data)
    assert reader.metadata.title == "Moonrise — Über Alles"
    for shown in ["Moonrise — Über Alles", "Teen And Up Audiences", "Uchiha Sasuke/Uzumaki Naruto",
                  "Chapter 1: Dusk", "Chapter 2: Dawn", "The sky went dark — and then darker.",
                  CJK, "Ночь была тихой.", "Café au lait", "Thanks for reading!"]:  # fmt: skip
        assert shown in text


def test_the_pdf_keeps_italics_and_bold(client, work, fetch):
    _, data = fetch(client, work, "pdf")
    reader, _ = pdf_text(data)
    names = font_names(reader)
    assert any(name.endswith("DejaVuSerifItalic") for name in names)
    assert any(name.endswith("DejaVuSerifBold") for name in names)


def test_chinese_is_set_in_the_cjk_fallback_font(client, work, fetch):
    _, data = fetch(client, work, "pdf")
    reader, _ = pdf_text(data)
    assert any(name.endswith("WenQuanYiMicroHei") for name in font_names(reader))


def test_each_chapter_starts_a_new_page(client, work, fetch):
    _, data = fetch(client, work, "pdf")
    reader, _ = pdf_text(data)
    pages = [page.extract_text() for page in reader.pages]
    assert any(p.lstrip().startswith("Chapter 1: Dusk") for p in pages)
    assert any(p.lstrip().startswith("Chapter 2: Dawn") for p in pages)


def test_without_a_unicode_font_the_pdf_is_refused_with_a_clear_message(
    client, work, fetch, settings, tmp_path
):
    settings.PDF_FONT_DIRS = [str(tmp_path / "no-fonts-here")]
    response, body = fetch(client, work, "pdf")
    assert response.status_code == 503
    assert "fonts-dejavu-core" in body.decode()
    assert not list((tmp_path / "downloads").glob("*/*.pdf"))


def baselines(page, size: float) -> list[float]:
    """The heights on the page of the lines set at `size` points, top to bottom."""
    ys = []

    def visit(text, cm, tm, font_dict, font_size):
        scale = (tm[3] * cm[3]) or 1
        if text.strip() and abs(font_size * scale - size) < 0.5:
            ys.append(round(tm[5] * cm[3] + cm[5], 2))

    page.extract_text(visitor_text=visit)
    return sorted(set(ys), reverse=True)


def test_the_lines_of_a_paragraph_are_set_with_a_books_leading(client, author, make_work, fetch):
    long_paragraph = " ".join(["The tide came in over the flats and the birds went up."] * 12)
    work = make_work(author, body=f"<p>{long_paragraph}</p><p>{long_paragraph}</p>")
    _, data = fetch(client, work, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(data))
    chapter_page = next(p for p in reader.pages if "tide came in" in p.extract_text())
    lines = baselines(chapter_page, 11)
    gaps = [above - below for above, below in zip(lines, lines[1:], strict=False)]
    assert len(gaps) >= 8  # the paragraphs wrap over many lines
    steady = sorted(gaps)[len(gaps) // 2]  # between lines of one paragraph (the median)
    assert 1.35 * 11 <= steady <= 1.7 * 11, gaps
