"""Tag names in URLs, as AO3 writes them: "/" as *s*, "&" as *a*, "." as *d*, "?" as *q*,
"#" as *h*. Both that form and the plain name (slashes included) are accepted."""

from __future__ import annotations

ESCAPES = [("*s*", "/"), ("*a*", "&"), ("*d*", "."), ("*q*", "?"), ("*h*", "#")]


def escape_tag_name(name: str) -> str:
    for code, char in ESCAPES:
        name = name.replace(char, code)
    return name


def unescape_tag_name(value: str) -> str:
    for code, char in ESCAPES:
        value = value.replace(code, char)
    return value


class TagNameConverter:
    regex = ".+"

    def to_python(self, value: str) -> str:
        if value.endswith(("/works", "/feed.atom", "/")):
            raise ValueError("a tag's works listing, not the tag")  # lets later patterns match
        return unescape_tag_name(value)

    def to_url(self, value: str) -> str:
        return escape_tag_name(value)
