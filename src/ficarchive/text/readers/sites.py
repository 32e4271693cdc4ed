"""Site chrome in saved pages: removed, and what it says kept as metadata.

Archive of Our Own downloads and page copies, FanFiction.net story pages, LiveJournal and
Dreamwidth posts and Wattpad pages wrap a fic in navigation, buttons, stats and comment
forms. This marks up the parsed tree before it is walked: chrome is dropped, the site's
metadata blocks are marked as notes (``data-fa-meta``), chapter headings as such
(``data-fa-chapter``), notes after the last chapter as the work's (``data-fa-end``), and
the page's facts (title, current mood and music) are returned."""

from __future__ import annotations

import re

from lxml import etree

META, CHAPTER, END = "data-fa-meta", "data-fa-chapter", "data-fa-end"

# Elements that are never part of a fic, whatever the site.
_ALWAYS_CHROME = "nav form button select input textarea".split()
# Ids and classes of chrome on the sites fics are copied from.
_CHROME_IDS = frozenset(
    "skiplinks header footer feedback kudos comments_placeholder top zmenu review "
    "pre_story_links dashboard share greeting comments".split()
)  # fmt: skip
_CHROME_CLASSES = frozenset(
    "landmark navigation actions message jump endnote-link toc-heading entry-interaction-links "
    "entry-tags entry-date datetime part-actions story-stats recommendations next-part-link site-header "
    "menulink lc-left footer comments-link kudos comment comment-wrapper comment-thread "
    "comment-list".split()
)  # fmt: skip
_META_CLASSES = frozenset(
    "meta preface summary notes end-notes endnotes byline entry-title story-info".split()
)
_CHROME_TEXT = re.compile(
    r"(?i)^\(?\s*see the end of the (?:work|chapter) for\s+(?:more\s+)?notes?\.?\s*\)?$"
)
_CURRENT = re.compile(r"(?i)^\s*current\s+(mood|music|location)\s*:\s*(.*?)\s*$", re.S)
_WS = re.compile(r"\s+")


def _classes(el: etree._Element) -> set[str]:
    return set((el.get("class") or "").split())


def _text(el: etree._Element) -> str:
    return _WS.sub(" ", "".join(el.itertext())).strip()


def _drop(el: etree._Element) -> None:
    """Remove an element but keep its tail text in place."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _replace_with_text(el: etree._Element, text: str) -> None:
    """Put text in the element's place; whatever a never-closed tag swallowed stays."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tag != "span" and len(el):  # <user name=x> is never closed: lxml nests the rest in it
        tail, at, children = el.tail, parent.index(el), list(el)
        for i, child in enumerate(children, 1):
            parent.insert(at + i, child)
        if tail:
            children[-1].tail = (children[-1].tail or "") + tail
        el.text, el.tail = None, text + (el.text or "")
    else:
        el.tail = text + (el.tail or "")
    _drop(el)


def prepare_tree(root: etree._Element) -> dict[str, str]:
    """Mark up the tree in place; return the page's facts."""
    facts: dict[str, str] = {}
    _journal_users(root)
    _currents(root, facts)
    _ffn_page(root, facts)
    _ao3(root, facts)
    _wattpad(root, facts)
    _byline(root, facts)
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        classes = _classes(el)
        if el.tag in _ALWAYS_CHROME or el.get("id") in _CHROME_IDS or classes & _CHROME_CLASSES:
            _drop(el)
        elif _hashtags(el):
            continue  # a post's tags (Tumblr: "#fluff #a x b"): read as tags
        elif el.tag in ("header", "footer") and len(el.findall(".//a")) >= 3:
            if any(_hashtags(child) for child in el.iter()):
                continue  # a post's footer: its tags stay, its counters go as chrome text
            _drop(el)  # a site's banner or footer: links, not the fic
        elif el.tag in ("p", "div") and _CHROME_TEXT.match(_text(el)):
            _drop(el)
        elif el.tag in ("p", "div", "ul", "td", "center") and _link_bar(el):
            _drop(el)
    for el in root.iter():
        if isinstance(el.tag, str) and (_classes(el) & _META_CLASSES or el.get("id") == "preface"):
            el.set(META, "1")
    return facts


def _hashtags(el: etree._Element) -> bool:
    """A row of two or more links that are all hashtags: a post's tags."""
    if not isinstance(el.tag, str) or el.tag not in ("div", "p", "section", "ul", "span"):
        return False
    links = [_text(a) for a in el.iter("a") if _text(a)]
    return len(links) >= 2 and all(t.startswith("#") for t in links)


def _link_bar(el: etree._Element) -> bool:
    """A row of three or more links and little else: a site's menu ("Home | Stories | About")."""
    links = [a for a in el.iter("a") if _text(a)]
    if len(links) < 3:
        return False
    text = _text(el)
    linked = sum(len(_text(a)) for a in links)
    return len(text) < 300 and linked >= 0.7 * len(text.replace(" ", "").replace("|", ""))


def _journal_users(root: etree._Element) -> None:
    """<lj user="name">, and the user badges LiveJournal and Dreamwidth render, as the name;
    <lj-cut> keeps what it holds."""
    for el in list(root.iter("lj", "user", "lj-cut", "cut")):
        name = el.get("user") or el.get("name") or el.get("site")
        if el.tag in ("lj", "user") and name:
            _replace_with_text(el, name)
        elif el.tag in ("lj-cut", "cut"):
            el.tag = "span"
    for el in list(root.iter("span")):
        classes = _classes(el)
        if classes & {"ljuser", "ljuser-name", "dwuser"} or el.get("lj:user"):
            _replace_with_text(el, el.get("lj:user") or _text(el))


def _currents(root: etree._Element, facts: dict[str, str]) -> None:
    """ "Current Mood" and "Current Music" of a journal post: the post's, never the fic's."""
    for el in list(root.iter("div", "p", "span", "tr")):
        if el.getparent() is None:
            continue
        m = _CURRENT.match(_text(el))
        if m and len(m.group(2)) < 200 and "\n" not in m.group(2):
            facts[f"current_{m.group(1).lower()}"] = m.group(2)
            _drop(el)
    for el in list(root.iter("div")):
        if "currents" in _classes(el) and el.getparent() is not None:
            _drop(el)


def _ffn_page(root: etree._Element, facts: dict[str, str]) -> None:
    """FanFiction.net: the profile block is the work's metadata; the chapter menu names the
    chapter on the page."""
    top = root.find(".//*[@id='profile_top']")
    if top is None:
        return
    top.set(META, "1")
    title = top.find(".//b")
    if title is not None and _text(title):
        facts["title"] = _text(title)
    for div in top.iter("div"):
        if _text(div) and div is not top and not div.get("class", "").count("pull"):
            div.text = "Summary: " + (div.text or "").lstrip()
            break
    crumbs = root.find(".//*[@id='pre_story_links']")
    if crumbs is not None:
        links = [_text(a) for a in crumbs.iter("a") if _text(a)]
        if links:
            category = etree.SubElement(top, "p")
            category.text = f"Category: {links[-1]}"
    menus = root.findall(".//select[@id='chap_select']")
    if menus:
        chosen = menus[0].find(".//option[@selected]")
        holder = menus[0].getparent()
        if chosen is not None and holder is not None:
            heading = etree.Element("h2")
            heading.text = _text(chosen)
            heading.set(CHAPTER, "1")
            holder.addprevious(heading)
    for menu in menus:
        holder = menu.getparent()
        if holder is not None and holder.tag == "span":
            _drop(holder)


def _ao3(root: etree._Element, facts: dict[str, str]) -> None:
    """Archive of Our Own downloads (#preface, #chapters, #afterword) and page copies
    (#workskin): chapter headings, chapter notes, the work's end notes."""
    chapters = root.find(".//*[@id='chapters']")
    if chapters is None:
        return
    for h in root.iter("h1", "h2"):
        classes = _classes(h)
        if (h.tag == "h1" and h.getparent() is not None and "meta" in _classes(h.getparent())) or (
            "title" in classes and "heading" in classes
        ):
            facts.setdefault("title", _text(h))
            h.set(META, "1")
    for h in chapters.iter("h2", "h3"):
        classes = _classes(h)
        parent = h.getparent()
        in_meta = parent is not None and "meta" in _classes(parent)
        if (h.tag == "h2" and "heading" in classes and in_meta) or (
            h.tag == "h3" and "title" in classes
        ):
            h.set(CHAPTER, "1")
    for el in root.iter("div"):
        if el.get("id") == "afterword" or "afterword" in _classes(el):
            el.set(END, "1")
        if el.get("id") in ("endnotes", "work_endnotes"):
            el.set(END, "1")


def _wattpad(root: etree._Element, facts: dict[str, str]) -> None:
    """Wattpad: each part's header names the chapter; the story's title heads the page."""
    parts = [el for el in root.iter("div") if "part-header" in _classes(el)]
    if not parts:
        return
    for part in parts:
        for h in part.iter("h1", "h2", "h3"):
            h.set(CHAPTER, "1")
            break
    for el in root.iter("span", "h1", "div"):
        if "title" in _classes(el) and _text(el):
            facts.setdefault("title", _text(el))
            break


def _byline(root: etree._Element, facts: dict[str, str]) -> None:
    """The page's credit for the work: links marked rel="author" (AO3's byline), FFN's
    profile link, or <meta name="author">."""
    names = [_text(a) for a in root.iter("a") if "author" in (a.get("rel") or "").split()]
    top = root.find(".//*[@id='profile_top']")
    if not names and top is not None:
        names = [_text(a) for a in top.iter("a") if "/u/" in (a.get("href") or "")][:1]
    if not names:
        meta = root.find(".//meta[@name='author']")
        names = [(meta.get("content") or "").strip()] if meta is not None else []
    names = [n for n in dict.fromkeys(names) if n and len(n) <= 80]
    if names:
        facts.setdefault("author", ", ".join(names))
