"""`{% hole "app/includes/part.html" name=value ... %}`: a personal part of a page (core/holes.py).

Rendered like an include with the filler's values added; marked, with its arguments noted, when
the page cache builds a page to keep for other readers."""

from __future__ import annotations

from django import template

from ficarchive.core import holes

register = template.Library()


class HoleNode(template.Node):
    def __init__(self, name, arguments):
        self.name = name
        self.arguments = arguments

    def render(self, context) -> str:
        name = self.name.resolve(context)
        arguments = {k: v.resolve(context) for k, v in self.arguments.items()}
        request = context.get("request")
        part = context.template.engine.get_template(name)
        with context.push(holes.values_for(name, request, arguments)):
            html = part.render(context)
        marks = holes.marks_of(request) if request is not None else None
        if marks is None:
            return html
        marks.holes.append((name, tuple(sorted(arguments.items()))))
        return marks.start(len(marks.holes) - 1) + html + marks.end()


@register.tag
def hole(parser, token):
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("{% hole %} needs the part's template name")
    arguments = template.base.token_kwargs(bits[2:], parser)
    if len(arguments) != len(bits) - 2:
        raise template.TemplateSyntaxError("{% hole %} takes name=value arguments only")
    return HoleNode(parser.compile_filter(bits[1]), arguments)
