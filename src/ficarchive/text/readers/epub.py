"""EPUB (AO3 downloads, FanFicFare): metadata from the OPF, the title or preface page read as
header fields, the spine's documents read as HTML. No network, no XML entities."""

from __future__ import annotations

import posixpath
import re

import lxml.html
from lxml import etree

from ..decode import check_size, clean_text
from ..errors import ImportRefused
from ..headings import match_structural
from ..source import Document, TextBuilder
from .html import HtmlWalker, parse_html, walk_html
from .sites import prepare_tree
from .zipguard import check_all_xml, open_zip, read_member

_NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
}
_FIELD_HINT = re.compile(
    r"(?im)^\s*(?:rating|fandoms?|category|categories|relationships?|pairings?|characters?|"
    r"archive warnings?|warnings?|additional tags|genre|status|published|updated|words|"
    r"chapters|summary|packaged|language|series)\s*:"
)
_TITLE_PAGE_NAME = re.compile(r"(?i)(?:title|preface|info|front|cover)")
_END_PAGE_NAME = re.compile(r"(?i)(?:afterword|backmatter|back_matter|endnotes|end_notes)")


def _xml(data: bytes) -> etree._Element:
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, recover=True
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise ImportRefused("the EPUB's package files are not valid XML") from exc
    if root is None:
        raise ImportRefused("the EPUB's package files are empty")
    return root


def _text(el: etree._Element | None) -> str:
    if el is None:
        return ""
    return " ".join("".join(el.itertext()).split())


def read_epub(data: bytes | str) -> Document:
    if isinstance(data, str):
        raise ImportRefused("an EPUB file must be given as bytes")
    check_size(data)
    archive = open_zip(data, "EPUB")
    check_all_xml(archive, "EPUB")
    container = _xml(read_member(archive, "META-INF/container.xml", "EPUB"))
    rootfile = container.find(".//c:rootfile", _NS)
    if rootfile is None or not rootfile.get("full-path"):
        raise ImportRefused("the EPUB has no package document")
    opf_path = rootfile.get("full-path", "")
    opf = _xml(read_member(archive, opf_path, "EPUB"))
    base = posixpath.dirname(opf_path)
    meta = opf.find("opf:metadata", _NS)
    title = _text(meta.find("dc:title", _NS)) if meta is not None else ""
    builder = TextBuilder()
    if meta is not None:
        if title:
            builder.add(f"Title: {title}", meta=True)
        for creator in meta.findall("dc:creator", _NS):
            builder.add(f"Author: {_text(creator)}", meta=True)
        description = meta.find("dc:description", _NS)
        if description is not None and _text(description):
            summary = _description_text(_text(description))
            builder.add(f"Summary: {summary}", meta=True)
        subjects = [_text(s) for s in meta.findall("dc:subject", _NS) if _text(s)]
        made_by = " ".join(_text(c) for c in meta.findall("dc:contributor", _NS))
        if subjects and "fanficfare" not in made_by.lower():  # FanFicFare's title page says it all
            builder.add("Tags: " + ", ".join(subjects), meta=True)
    manifest = {
        item.get("id"): item.get("href")
        for item in opf.findall("opf:manifest/opf:item", _NS)
        if item.get("href")
    }
    navs = {
        item.get("href")
        for item in opf.findall("opf:manifest/opf:item", _NS)
        if "nav" in (item.get("properties") or "").split()
    }
    spine = [manifest.get(ref.get("idref")) for ref in opf.findall("opf:spine/opf:itemref", _NS)]
    for href in filter(None, spine):
        if href in navs:
            continue
        path = posixpath.normpath(posixpath.join(base, href.split("#")[0]))
        page = clean_text(read_member(archive, path, "EPUB").decode("utf-8", "replace"))
        root = parse_html(page)
        body = root.find("body")
        body_text = _text(body)
        body_class = (body.get("class") or "") if body is not None else ""
        is_title_page = (
            "titlepage" in body_class
            or "logpage" in body_class
            or len(_FIELD_HINT.findall(_page_lines(root))) >= 2
            or (bool(_TITLE_PAGE_NAME.search(href)) and len(body_text) < 4000)
        )
        prepare_tree(root)
        first = len(builder.paras)
        walker = HtmlWalker(builder, meta=is_title_page)
        is_end_page = bool(_END_PAGE_NAME.search(href)) and len(body_text) < 4000
        walker.work_end = is_end_page  # AO3's afterword: the work's end notes
        walk_html(root, walker)
        if not (is_title_page or is_end_page):
            _mark_chapter(builder, first)
    return builder.document("epub", title=title or None)


def _mark_chapter(builder: TextBuilder, first: int) -> None:
    """Each of the spine's story documents is a chapter: its first heading names it, and a
    site's copy of the same heading just below it goes."""
    paras = builder.paras[first:]
    if not paras or not paras[0].heading:
        return
    paras[0].chapter_head = True
    name = paras[0].text.casefold()
    label = match_structural(paras[0].text)[0]
    for para in paras[1:3]:
        if para.heading and (
            para.text.casefold() in name or (label and match_structural(para.text)[0] == label)
        ):
            builder.paras.remove(para)


def _page_lines(root: etree._Element) -> str:
    body = root.find("body")
    if body is None:
        return ""
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for el in body.iter("p", "div", "dt", "dd", "tr", "li"):
        el.tail = "\n" + (el.tail or "")
    return "".join(body.itertext())


def _description_text(value: str) -> str:
    if "<" in value:
        try:
            return " ".join(lxml.html.fromstring(value).text_content().split())
        except (etree.ParserError, ValueError):
            return value
    return value
