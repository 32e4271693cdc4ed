from lxml import html as lxml_html

CJK = "月亮升起来了，她还在等他回来。"


def test_the_html_download_is_one_page_shaped_like_ao3s(client, work, fetch):
    response, data = fetch(client, work, "html")
    assert response["Content-Type"] == "text/html; charset=utf-8"
    page = lxml_html.fromstring(data.decode("utf-8"))
    assert page.xpath("//div[@id='preface']//dl[@class='tags']")
    assert page.xpath("//div[@id='chapters'][@class='userstuff']")
    assert page.xpath("//div[@id='afterword']")
    headings = [h.text_content() for h in page.xpath("//div[@id='chapters']//h2[@class='heading']")]
    assert headings == ["Chapter 1: Dusk", "Chapter 2: Dawn"]
    text = page.text_content()
    assert CJK in text and "The sky went dark — and then darker." in text
    assert "Thanks for reading!" in text and "The last part." in text
    assert page.xpath("//div[@id='chapters']//em")[0].text == "darker"


def test_the_html_download_needs_nothing_from_elsewhere(client, work, fetch):
    _, data = fetch(client, work, "html")
    page = lxml_html.fromstring(data.decode("utf-8"))
    assert not page.xpath("//script | //link | //iframe | //img")
    assert page.xpath("//head/style")
    assert not [el for el in page.iter() if el.get("style")]


def test_a_one_chapter_work_has_no_chapter_heading(client, author, make_work, fetch):
    work = make_work(author, chapter_title="", chapters_expected=1)
    _, data = fetch(client, work, "html")
    page = lxml_html.fromstring(data.decode("utf-8"))
    assert not page.xpath("//div[@id='chapters']//h2[@class='heading']")


def test_an_image_becomes_a_link_so_the_file_fetches_nothing(client, author, make_work, fetch):
    body = '<p>Look: <img src="https://example.org/cat.png" alt="a cat"> there.</p>'
    work = make_work(author, body=body)
    _, data = fetch(client, work, "html")
    page = lxml_html.fromstring(data.decode("utf-8"))
    assert not page.xpath("//img")
    [link] = page.xpath("//a[@href='https://example.org/cat.png']")
    assert link.text == "[Image: a cat]"
