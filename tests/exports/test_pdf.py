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
