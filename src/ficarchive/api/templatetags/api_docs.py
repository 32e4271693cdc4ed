"""{{ text|code_spans }}: a schema description's Markdown code spans (`like this`) as <code>,
everything else escaped, for the API's documentation page."""

import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

register = template.Library()

CODE_SPAN = re.compile(r"`([^`]+)`")


@register.filter
def code_spans(text: str) -> str:
    return mark_safe(CODE_SPAN.sub(r"<code>\1</code>", escape(text or "")))
