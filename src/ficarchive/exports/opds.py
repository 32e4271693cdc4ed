"""OPDS 1.2 catalog documents (Atom feeds and an OpenSearch description), built as lxml
element trees: every title, name, summary and address is set as element text or an attribute
value, so the XML library escapes it and the document stays well-formed whatever authors type.

This module only builds XML; `opds_views.py` decides which works go in (through discovery's
listing code) and `opds_auth.py` who is asking."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time

from django.conf import settings
from django.utils import timezone
from django.utils.html import format_html
from lxml import etree

from ficarchive.text.characters import xml_safe
from ficarchive.text.sanitize import html_to_plain_text, sanitize_fiction_html
from ficarchive.works.models import Work

from .document import TAG_ROWS
from .markup import images_as_links

ATOM = "http://www.w3.org/2005/Atom"
DC = "http://purl.org/dc/terms/"
OPDS = "http://opds-spec.org/2010/catalog"
OPENSEARCH = "http://a9.com/-/spec/opensearch/1.1/"
NSMAP = {None: ATOM, "dc": DC, "opds": OPDS, "opensearch": OPENSEARCH}

NAVIGATION = "application/atom+xml;profile=opds-catalog;kind=navigation"
ACQUISITION = "application/atom+xml;profile=opds-catalog;kind=acquisition"
SEARCH_DESCRIPTION = "application/opensearchdescription+xml"
ACQUIRE = "http://opds-spec.org/acquisition"
SORT_NEW = "http://opds-spec.org/sort/new"
SORT_POPULAR = "http://opds-spec.org/sort/popular"

# The formats an entry offers, in the order e-readers should prefer them, with their bare types.
ACQUISITION_TYPES = {"epub": "application/epub+zip", "pdf": "application/pdf", "html": "text/html"}


def _atom(name: str) -> str:
    return f"{{{ATOM}}}{name}"


def _add(parent, tag: str, text: object = None, attrs: dict | None = None):
    element = etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in (attrs or {}).items()})
    if text is not None:
        element.text = xml_safe(text)
    return element


def _stamp(moment: datetime | date) -> str:
    if not isinstance(moment, datetime):
        moment = timezone.make_aware(datetime.combine(moment, time.min))
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass
class Link:
    href: str
    rel: str
    type: str
    title: str = ""


def add_link(parent, link: Link):
    attrs = {"rel": link.rel, "href": link.href, "type": link.type}
    if link.title:
        attrs["title"] = link.title
    return _add(parent, _atom("link"), attrs=attrs)


def new_feed(feed_id: str, title: str, updated: datetime, links: list[Link]):
    """An empty feed: id, title, updated, the site as author, and its links."""
    feed = etree.Element(_atom("feed"), nsmap=NSMAP)
    _add(feed, _atom("id"), feed_id)
    _add(feed, _atom("title"), title)
    _add(feed, _atom("updated"), _stamp(updated))
    author = _add(feed, _atom("author"))
    _add(author, _atom("name"), settings.SITE_NAME)
    for link in links:
        add_link(feed, link)
    return feed


def add_navigation_entry(feed, *, entry_id: str, title: str, text: str, link: Link,
                         updated: datetime) -> None:  # fmt: skip
    """An entry of a navigation feed: a title, a line of text and where it leads."""
    entry = _add(feed, _atom("entry"))
    _add(entry, _atom("title"), title)
    _add(entry, _atom("id"), entry_id)
    _add(entry, _atom("updated"), _stamp(updated))
    _add(entry, _atom("content"), text, {"type": "text"})
    add_link(entry, link)


def add_paging(feed, *, total: int, per_page: int, first_index: int) -> None:
    _add(feed, f"{{{OPENSEARCH}}}totalResults", total)
    _add(feed, f"{{{OPENSEARCH}}}itemsPerPage", per_page)
    _add(feed, f"{{{OPENSEARCH}}}startIndex", max(first_index, 1))


def _content_html(work: Work) -> str:
    """The summary as sanitized HTML, then a line of stats (format_html escapes its values)."""
    summary = images_as_links(sanitize_fiction_html(work.summary or ""))
    status = "Complete" if work.complete else "In progress"
    stats = format_html(
        "<p>Words: {} · Chapters: {} · Kudos: {} · {}</p>",
        f"{work.word_count:,}", work.chapters_display, f"{work.kudos_count:,}", status,
    )  # fmt: skip
    return summary + stats


def add_work_entry(feed, work: Work, *, absolute: Callable[[str], str], tag_scheme: str,
                   downloads: list[tuple[str, str]]) -> None:  # fmt: skip
    """An acquisition entry for `work` (fetched with Work.objects.listing()): `absolute` turns
    a path into a full address, `downloads` is (ext, path) of its files."""
    work_url = absolute(work.get_absolute_url())
    entry = _add(feed, _atom("entry"))
    _add(entry, _atom("title"), work.title)
    _add(entry, _atom("id"), work_url)
    _add(entry, _atom("updated"), _stamp(work.updated_at))
    _add(entry, _atom("published"), _stamp(work.published_on))
    if work.anonymous:
        _add(_add(entry, _atom("author")), _atom("name"), work.public_byline)
    for creatorship in [] if work.anonymous else work.creatorships.all():
        author = _add(entry, _atom("author"))
        _add(author, _atom("name"), creatorship.pseud.byline)
        _add(author, _atom("uri"), absolute(creatorship.pseud.get_absolute_url()))
    _add(entry, f"{{{DC}}}language", work.language or "en")
    _add(entry, f"{{{DC}}}issued", work.published_on.isoformat())
    by_type: dict[str, list] = {}
    for tag in work.tags.all():
        by_type.setdefault(tag.type, []).append(tag)
    for tag_type, label in TAG_ROWS:
        for tag in by_type.get(tag_type, []):
            scheme = f"{tag_scheme}#{tag_type}"
            attrs = {"scheme": scheme, "term": tag.name, "label": f"{label}: {tag.name}"}
            _add(entry, _atom("category"), attrs=attrs)
    _add(entry, _atom("summary"), html_to_plain_text(work.summary or ""), {"type": "text"})
    _add(entry, _atom("content"), _content_html(work), {"type": "html"})
    for ext, path in downloads:
        if ext in ACQUISITION_TYPES:
            add_link(entry, Link(absolute(path), ACQUIRE, ACQUISITION_TYPES[ext], ext.upper()))
    add_link(entry, Link(work_url, "alternate", "text/html", "Read on the archive"))


def to_bytes(root) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)


def opensearch_description(template: str) -> bytes:
    """The OpenSearch description that tells e-readers how to search the catalog."""
    root = etree.Element(f"{{{OPENSEARCH}}}OpenSearchDescription", nsmap={None: OPENSEARCH})
    name = settings.SITE_NAME
    _add(root, f"{{{OPENSEARCH}}}ShortName", name[:16])
    _add(root, f"{{{OPENSEARCH}}}Description", f"Search the works of {name}")
    _add(root, f"{{{OPENSEARCH}}}InputEncoding", "UTF-8")
    _add(root, f"{{{OPENSEARCH}}}OutputEncoding", "UTF-8")
    _add(root, f"{{{OPENSEARCH}}}Url", attrs={"type": ACQUISITION, "template": template})
    return to_bytes(root)
