"""/sitemap.xml as a search engine reads it: an index of sitemap pages in the sitemaps
protocol's namespace, whose pages list every work a guest may read (not drafts or restricted
works) with absolute addresses and their last change."""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def xml(client, url: str):
    answer = client.get(url)
    assert answer.status_code == 200, url
    assert answer["Content-Type"].startswith("application/xml")
    return etree.fromstring(answer.content)


def test_the_sitemap_lists_the_works_a_guest_may_read(client, author, make_work):
    public = make_work(author, "Open harbour")
    hidden = [make_work(author, "Members only", restricted=True),
              make_work(author, "Not yet", draft=True)]  # fmt: skip
    index = xml(client, "/sitemap.xml")
    assert index.tag == f"{{{NS['s']}}}sitemapindex"
    pages = index.xpath("s:sitemap/s:loc/text()", namespaces=NS)
    assert pages and all(p.startswith("http://testserver/sitemap-") for p in pages)
    urls = []
    for page in pages:
        found = xml(client, urlsplit(page).path + (f"?{urlsplit(page).query}" or ""))
        urls += found.xpath("s:url/s:loc/text()", namespaces=NS)
        if "works" in page:
            assert found.xpath("s:url/s:lastmod/text()", namespaces=NS)
    assert f"http://testserver/works/{public.pk}" in urls
    assert "http://testserver/works" in urls
    assert not any(f"/works/{work.pk}" in u for work in hidden for u in urls)
    for url in urls:
        assert client.get(urlsplit(url).path).status_code == 200, url
