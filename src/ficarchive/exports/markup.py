"""Small rewrites of sanitized HTML for files read away from the web: images become links (a
downloaded file never fetches anything), and for EPUB the old presentational tags the sanitizer
allows (<center>, align=, <big>, <tt>, <strike>) become their modern forms, which EPUB checkers
and e-readers expect."""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html

_WRAPPER = "exports-fragment"


def _parse(fragment: str):
    return lxml_html.fragment_fromstring(fragment, create_parent=_WRAPPER)


def _serialize(root) -> str:
    text = etree.tostring(root, encoding="unicode", method="html")
    return text[len(f"<{_WRAPPER}>") : -len(f"</{_WRAPPER}>")]


def images_as_links(fragment: str) -> str:
    """Each <img> as a link to the image, labelled with its alt text."""
    if "<img" not in fragment:
        return fragment
    root = _parse(fragment)
    for img in root.iter("img"):
        alt = (img.get("alt") or "").strip()
        link = etree.Element("a", href=img.get("src") or "")
        link.text = f"[Image: {alt}]" if alt else "[Image]"
        link.tail = img.tail
        img.getparent().replace(img, link)
    return _serialize(root)


_RENAMED = {"big": ("span", "big"), "tt": ("code", None), "strike": ("s", None),
            "center": ("div", "align-center")}  # fmt: skip


def modern_html(fragment: str) -> str:
    """Obsolete tags and align= replaced by current elements and classes (see download.css)."""
    if not fragment:
        return fragment
    root = _parse(fragment)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag in _RENAMED:
            element.tag, css_class = _RENAMED[element.tag]
            if css_class:
                element.set("class", css_class)
        align = element.attrib.pop("align", None)
        if align:
            element.set("class", f"align-{align}")
        element.attrib.pop("name", None)
    return _serialize(root)
