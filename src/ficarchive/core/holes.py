"""The personal parts of a page ("holes"): what only the reader who asks may see.

A template marks each with `{% hole "app/includes/part.html" name=value ... %}` (the `holes`
tag library): the part's template, rendered with the page's context and what the part's filler
adds to it. A filler, registered here by the app that owns the part (`@filler(template)`), reads
the reader's own state from the request and the tag's arguments, which are plain values taken
from the shared page (a work's id, a chapter's id, a flag of the work's settings).

On an ordinary request a hole is simply rendered in place. When the page cache asks for marks
(`start_marking`, for a signed-in reader whose page it may keep for others with the same
preferences), each hole is also wrapped in marks of that request's own nonce and its arguments
are noted, so that the page cache can keep the rest of the page once and fill the holes for
each later reader (`render_holes`). A page that shows something only to some readers outside
any hole names them with `personal_to` (a work's creators, the writers of its comments), and is
never kept for, nor served from the kept page to, them.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable

from django.template import RequestContext
from django.template.loader import get_template

Filler = Callable[..., dict]
_fillers: dict[str, Filler] = {}


def filler(template_name: str):
    """Register the function that gives a hole's template its reader's values:
    `func(request, **arguments) -> dict`."""

    def register(func: Filler) -> Filler:
        _fillers[template_name] = func
        return func

    return register


def values_for(template_name: str, request, arguments: dict) -> dict:
    fill = _fillers.get(template_name)
    return fill(request, **arguments) if fill is not None else {}


class Marks:
    """The holes of one page being built, in order, and the nonce that marks them."""

    def __init__(self):
        self.nonce = secrets.token_hex(8)
        self.holes: list[tuple[str, tuple]] = []
        self.personal_to: set[int] = set()

    def start(self, index: int) -> str:
        return f"<!--h{self.nonce}:{index}-->"

    def end(self) -> str:
        return f"<!--/h{self.nonce}-->"


def start_marking(request) -> Marks:
    request._hole_marks = Marks()
    return request._hole_marks


def marks_of(request) -> Marks | None:
    return getattr(request, "_hole_marks", None)


def personal_to(request, user_ids: Iterable[int]) -> None:
    """This page shows these users something that only they see (outside any hole)."""
    marks = marks_of(request)
    if marks is not None:
        marks.personal_to.update(user_ids)


def render_holes(request, holes: Iterable[tuple[str, tuple]]) -> list[str]:
    """Each hole rendered for this request's reader, with the context a page has (the context
    processors run once for all of them)."""
    holes = list(holes)
    if not holes:
        return []
    templates = [get_template(name).template for name, _ in holes]
    context = RequestContext(request)
    rendered = []
    with context.bind_template(templates[0]):
        for template, (name, arguments) in zip(templates, holes, strict=True):
            with context.push(values_for(name, request, dict(arguments))):
                rendered.append(template.render(context))
    return rendered
