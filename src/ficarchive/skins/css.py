"""The allow-list sanitizer for skins: CSS in, CSS out, and a list of what was dropped and why.

The CSS is parsed with tinycss2 (a parser that follows CSS Syntax Level 3, so escapes such as
`\\75 rl(` and comments that split a word are read the way a browser reads them), checked
token by token and written out again from the parsed tokens: what the browser gets is exactly
what was checked. Only plain rules and @media are kept; only the properties in PROPERTIES
(css_rules.py, with everything else the sanitizer allows), and
values made of plain tokens and the functions in FUNCTIONS. `url()` is kept only for images over
https, in the image properties, and never in a rule with an attribute selector. A work skin's
selectors are all put under `#workskin` (the box around a work's text on its page) and may not
leave it; a site skin's are kept as written. Pure Python: it imports no Django.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

from .css_rules import (
    ATTRIBUTE_OPERATORS,
    COMBINATORS,
    CONTAINER_LAYOUT,
    FUNCTIONS,
    IMAGE_PROPERTIES,
    MAX_LENGTH,
    PROPERTIES,
    PSEUDO_CLASSES,
    PSEUDO_ELEMENTS,
    PSEUDO_FUNCTIONS,
    SCOPE,
    SELECTOR_LITERALS,
    VALUE_LITERALS,
    WHY_AT_RULE,
    WHY_FUNCTION,
    WHY_PROPERTY,
)


class Refused(Exception):
    """One piece of CSS that cannot be kept, and why."""


@dataclass(frozen=True)
class Dropped:
    line: int
    what: str
    why: str

    def __str__(self) -> str:
        return f"Line {self.line}: “{self.what}” was dropped: {self.why}."


@dataclass
class Cleaned:
    css: str
    dropped: list[Dropped] = field(default_factory=list)


def _text(nodes) -> str:
    """What the author wrote, shortened, for a message."""
    text = " ".join(tinycss2.serialize(nodes).split())
    return text if len(text) <= 80 else text[:77] + "…"


def _strip(tokens: list) -> list:
    tokens = list(tokens)
    while tokens and tokens[0].type in ("whitespace", "comment"):
        tokens.pop(0)
    while tokens and tokens[-1].type in ("whitespace", "comment"):
        tokens.pop()
    return tokens


def _split(tokens, on: str = ",") -> list[list]:
    parts: list[list] = [[]]
    for token in tokens:
        if token.type == "literal" and token.value == on:
            parts.append([])
        elif token.type != "comment":
            parts[-1].append(token)
    return [_strip(p) for p in parts]


# --- selectors -------------------------------------------------------------------------------


def _check_attribute(block: ast.SquareBracketsBlock) -> None:
    parts = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not parts or parts[0].type != "ident":
        raise Refused("an attribute selector names an attribute")
    if len(parts) == 1:
        return
    operator = parts[1]
    if operator.type != "literal" or operator.value not in ATTRIBUTE_OPERATORS:
        raise Refused("that attribute selector is not one CSS knows")
    rest = parts[2:]
    if not rest or rest[0].type not in ("ident", "string") or len(rest) > 2:
        raise Refused("that attribute selector is not one CSS knows")
    if len(rest) == 2 and (rest[1].type != "ident" or rest[1].lower_value not in ("i", "s")):
        raise Refused("that attribute selector is not one CSS knows")


def _check_pseudo_function(function: ast.FunctionBlock) -> None:
    name = function.lower_name
    if name not in PSEUDO_FUNCTIONS:
        raise Refused(f":{name}() is not an allowed pseudo-class")
    if name == "not":
        compound = _strip(function.arguments)
        if any(t.type == "whitespace" or _is_combinator(t) for t in compound) or not compound:
            raise Refused(":not() may hold one simple selector, without combinators")
        _check_compound_tokens(compound)
        return
    for token in function.arguments:
        if token.type not in ("whitespace", "number", "dimension", "ident", "literal"):
            raise Refused(f"that is not a value :{name}() takes")
        if token.type == "literal" and token.value not in ("+", "-"):
            raise Refused(f"that is not a value :{name}() takes")
        if token.type == "ident" and name in ("lang", "dir"):
            continue
        if token.type == "ident" and token.lower_value == "of":
            raise Refused(f":{name}() may not hold a selector")


def _is_combinator(token) -> bool:
    return token.type == "literal" and token.value in COMBINATORS


def _check_compound_tokens(tokens: list) -> bool:
    """Check the tokens of a selector; True when it has an attribute selector."""
    has_attribute = False
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.type == "literal" and token.value == ":":
            colons = 2 if i + 1 < len(tokens) and _is_colon(tokens[i + 1]) else 1
            i += colons
            after = tokens[i] if i < len(tokens) else None
            if after is None:
                raise Refused("a colon must be followed by a pseudo-class")
            if after.type == "function" and colons == 1:
                _check_pseudo_function(after)
            elif after.type == "ident":
                allowed = PSEUDO_ELEMENTS if colons == 2 else PSEUDO_CLASSES
                if after.lower_value not in allowed:
                    prefix = "::" if colons == 2 else ":"
                    raise Refused(f"{prefix}{after.lower_value} is not allowed in a skin")
            else:
                raise Refused("that pseudo-class is not allowed in a skin")
        elif token.type == "[] block":
            _check_attribute(token)
            has_attribute = True
        elif token.type == "literal" and token.value not in SELECTOR_LITERALS:
            raise Refused(f"“{token.value}” does not belong in a selector")
        elif token.type not in ("ident", "hash", "whitespace", "literal"):
            raise Refused("that is not a selector")
        i += 1
    return has_attribute


def _is_colon(token) -> bool:
    return token.type == "literal" and token.value == ":"


@dataclass
class Selector:
    text: str
    has_attribute: bool
    is_container: bool  # it styles the #workskin box itself


def _first_combinator(tokens: list):
    """The combinator after the first compound selector: ' ', '>', '+', '~', or None."""
    for i, token in enumerate(tokens):
        if token.type == "whitespace" or _is_combinator(token):
            rest = [t for t in tokens[i:] if t.type != "whitespace"]
            if not rest:
                return None
            return rest[0].value if _is_combinator(rest[0]) else " "
    return None


def _scoped(tokens: list, scope: str | None) -> Selector:
    if not tokens:
        raise Refused("a selector is empty")
    has_attribute = _check_compound_tokens(tokens)
    text = tinycss2.serialize(tokens)
    if scope is None:
        return Selector(text, has_attribute, is_container=False)
    first = tokens[0]
    if first.type == "hash" and first.value == scope:
        combinator = _first_combinator(tokens)
        if combinator in ("+", "~"):
            raise Refused(f"a selector must stay inside #{scope}")
        return Selector(text, has_attribute, is_container=combinator is None)
    if _is_combinator(first):
        if first.value != ">":
            raise Refused(f"a selector must stay inside #{scope}")
        return Selector(f"#{scope} {text}", has_attribute, is_container=False)
    return Selector(f"#{scope} {text}", has_attribute, is_container=False)


# --- values ----------------------------------------------------------------------------------


def _check_url(url: str, prop: str, images: bool, in_attribute_rule: bool) -> None:
    if prop not in IMAGE_PROPERTIES:
        raise Refused(WHY_FUNCTION["url"])
    if not url.strip().lower().startswith("https://"):
        raise Refused("url() may only load images over https")
    if in_attribute_rule:
        raise Refused("url() in a rule with an attribute selector could leak what a page holds")
    if not images:
        raise Refused("downloads carry no images from elsewhere")


def _check_value(tokens, prop: str, images: bool, in_attribute_rule: bool) -> None:
    for token in tokens:
        kind = token.type
        if kind in ("whitespace", "comment", "ident", "number", "percentage", "dimension",
                    "hash", "string"):  # fmt: skip
            continue
        if kind == "literal" and token.value in VALUE_LITERALS:
            continue
        if kind == "url":
            _check_url(token.value, prop, images, in_attribute_rule)
        elif kind == "function":
            name = token.lower_name
            if name == "url":
                strings = [t for t in token.arguments if t.type not in ("whitespace", "comment")]
                if len(strings) != 1 or strings[0].type != "string":
                    raise Refused("url() holds one address")
                _check_url(strings[0].value, prop, images, in_attribute_rule)
            elif name in FUNCTIONS:
                _check_value(token.arguments, prop, images, in_attribute_rule)
            else:
                raise Refused(WHY_FUNCTION.get(name, f"{name}() is not allowed in a skin"))
        else:
            raise Refused(f"“{_text([token])}” does not belong in a value")


def _declaration(decl, selectors: list[Selector], images: bool) -> str:
    name = decl.lower_name
    if name.startswith("--"):
        raise Refused(WHY_FUNCTION["var"])
    if name not in PROPERTIES:
        raise Refused(WHY_PROPERTY.get(name, f"{name} is not a property skins may set"))
    value = _strip(decl.value)
    if not value:
        raise Refused("it has no value")
    if name == "position" and any(t.type == "ident" and t.lower_value == "fixed" for t in value):
        raise Refused("position: fixed would cover the page")
    if name in CONTAINER_LAYOUT and any(s.is_container for s in selectors):
        raise Refused(f"{name} on the #{SCOPE} box itself could let the work cover the page")
    in_attribute_rule = any(s.has_attribute for s in selectors)
    _check_value(value, name, images, in_attribute_rule)
    important = " !important" if decl.important else ""
    return f"{name}: {tinycss2.serialize(value).strip()}{important};"


# --- rules -----------------------------------------------------------------------------------


def _check_media_query(prelude) -> None:
    for token in prelude:
        if token.type in ("whitespace", "comment", "ident", "number", "dimension"):
            continue
        if token.type == "literal" and token.value in (",", ":", "/"):
            continue
        if token.type == "() block":
            _check_media_query(token.content)
            continue
        raise Refused("that is not a media query skins may use")


class _Cleaner:
    def __init__(self, scope: str | None, images: bool):
        self.scope = scope
        self.images = images
        self.dropped: list[Dropped] = []

    def drop(self, node, what: str, why: str) -> None:
        self.dropped.append(Dropped(getattr(node, "source_line", 0) or 0, what, why))

    def rules(self, nodes, depth: int = 0) -> list[str]:
        out = []
        for node in nodes:
            if node.type in ("whitespace", "comment"):
                continue
            if node.type == "error":
                self.drop(node, "CSS", f"it does not parse ({node.message})")
            elif node.type == "at-rule":
                out += self.at_rule(node, depth)
            elif node.type == "qualified-rule":
                out += self.rule(node, depth)
        return out

    def at_rule(self, node, depth: int) -> list[str]:
        keyword = node.lower_at_keyword
        what = f"@{keyword}{_text(node.prelude) and ' ' + _text(node.prelude)}"
        if keyword != "media" or node.content is None:
            why = WHY_AT_RULE.get(keyword, f"@{keyword} is not allowed in a skin; only @media")
            self.drop(node, what, why)
            return []
        if depth >= 2:
            self.drop(node, what, "@media may be nested only once")
            return []
        try:
            _check_media_query(node.prelude)
        except Refused as why:
            self.drop(node, what, str(why))
            return []
        inner = self.rules(tinycss2.parse_rule_list(node.content), depth + 1)
        if not inner:
            return []
        body = "\n".join("  " + line for rule in inner for line in rule.split("\n"))
        return [f"@media {tinycss2.serialize(_strip(node.prelude))} {{\n{body}\n}}"]

    def rule(self, node, depth: int) -> list[str]:
        selectors = []
        for tokens in _split(node.prelude):
            try:
                selectors.append(_scoped(tokens, self.scope))
            except Refused as why:
                self.drop(node, _text(tokens) or _text(node.prelude), str(why))
        if not selectors:
            return []
        lines = []
        for decl in tinycss2.parse_declaration_list(node.content, skip_whitespace=True):
            if decl.type == "comment":
                continue
            if decl.type == "error":
                self.drop(decl, _text(node.prelude), f"it does not parse ({decl.message})")
                continue
            if decl.type != "declaration":
                self.drop(decl, f"@{decl.at_keyword}", "rules inside rules are not allowed")
                continue
            try:
                lines.append(_declaration(decl, selectors, self.images))
            except Refused as why:
                what = f"{decl.name}: {_text(decl.value)}"
                self.drop(decl, what, str(why))
        if not lines:
            return []
        head = ", ".join(s.text for s in selectors)
        return [head + " {\n" + "\n".join("  " + line for line in lines) + "\n}"]


def clean_css(source: str, *, scope: str | None = SCOPE, images: bool = True) -> Cleaned:
    """Sanitize a skin. `scope`: the id every selector is put under (None for a site skin);
    `images`: whether url() for https images is kept (downloads carry none). The result is
    safe to put in a <style> element: a `<` can only be inside a string, and is escaped."""
    if len(source) > MAX_LENGTH:
        why = f"a skin may have at most {MAX_LENGTH:,} characters (this one has {len(source):,})"
        return Cleaned("", [Dropped(1, "the whole skin", why)])
    cleaner = _Cleaner(scope, images)
    nodes = tinycss2.parse_stylesheet(source, skip_comments=True, skip_whitespace=True)
    rules = cleaner.rules(nodes)
    css = "\n\n".join(rules).replace("<", "\\3c ")
    return Cleaned(css + "\n" if css else "", cleaner.dropped)
