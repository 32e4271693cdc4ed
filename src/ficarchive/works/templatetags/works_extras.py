"""Small presentation helpers for the works templates."""

from django import template

from ficarchive.works.languages import language_name as _language_name

register = template.Library()


@register.filter
def tags_of(work, tag_type: str):
    """The work's tags of one type, in the author's order (uses the prefetched tags)."""
    return work.tags_of(tag_type)


@register.filter
def language_name(code: str) -> str:
    return _language_name(code)
