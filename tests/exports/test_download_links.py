from django.template.loader import render_to_string
from django.urls import resolve
from lxml import html as lxml_html


def links_of(work):
    fragment = render_to_string("exports/includes/download_links.html", {"work": work})
    return lxml_html.fragment_fromstring(fragment, create_parent="div")


def test_the_download_menu_is_shaped_like_ao3s(work):
    menu = links_of(work)
    [item] = menu.xpath("ul/li[@class='download']")
    assert item.xpath("span")[0].text == "Download"  # a label: no link to the top of the page
    labels = [a.text for a in item.xpath("ul[@class='expandable secondary']/li/a")]
    assert labels == ["EPUB", "PDF", "HTML", "TXT"]


def test_each_download_link_names_the_work_and_the_format(work):
    stamp = int(work.updated_at.timestamp())
    for a in links_of(work).xpath("//ul[@class='expandable secondary']//a"):
        path, query = a.get("href").split("?")
        ext = a.text.lower()
        assert path == f"/downloads/{work.pk}/Moonrise_Uber_Alles.{ext}"
        assert query == f"updated_at={stamp}"
        assert resolve(path).url_name == "download"


def test_every_download_link_serves_its_file(client, work):
    for a in links_of(work).xpath("//ul[@class='expandable secondary']//a"):
        response = client.get(a.get("href"))
        assert response.status_code == 200, a.get("href")
        assert response["Content-Disposition"].startswith("attachment;")


def test_the_work_page_shows_the_download_links(client, work):
    page = lxml_html.fromstring(client.get(work.get_absolute_url()).content)
    hrefs = page.xpath("//li[@class='download']//ul[@class='expandable secondary']/li/a/@href")
    assert [h.split("?")[0].rsplit(".", 1)[1] for h in hrefs] == ["epub", "pdf", "html", "txt"]


def test_a_draft_page_offers_its_creator_the_downloads(client_for, author, make_work):
    work = make_work(author, draft=True)
    page = client_for(author).get(work.get_absolute_url())
    assert page.status_code == 200
    assert f"/downloads/{work.pk}/".encode() in page.content
