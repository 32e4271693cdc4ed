"""Small presentation helpers for the works templates."""

from django import template
from django.utils.html import format_html, format_html_join

from ficarchive.core.holes import personal_to
from ficarchive.works.languages import language_name as _language_name
from ficarchive.works.models import ANONYMOUS, Creatorship

register = template.Library()


@register.filter
def tags_of(work, tag_type: str):
    """The work's tags of one type, in the author's order (uses the prefetched tags)."""
    return work.tags_of(tag_type)


@register.filter
def language_name(code: str) -> str:
    return _language_name(code)


@register.simple_tag(takes_context=True)
def byline(context, work) -> str:
    """The work's creators as links, or "Anonymous" for a reader who may not know them
    (Work.creators_known_to). A page may set `show_creators` for its viewer (a collection's
    maintainers on their collection's pages)."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if not (context.get("show_creators") or work.creators_known_to(user)):
        return ANONYMOUS
    links = format_html_join(
        ", ", '<a rel="author" href="{}">{}</a>',
        ((c.pseud.get_absolute_url(), c.pseud.byline) for c in work.creatorships.all()),
    )  # fmt: skip
    if work.anonymous:
        return format_html("{} ({})", links, ANONYMOUS)
    return links


@register.simple_tag
def gifts_of(work) -> list:
    """The gifts the work shows (not the refused ones)."""
    from ficarchive.works.gifts import recipients_of

    return recipients_of(work)


@register.simple_tag(takes_context=True)
def sources_of(context, work) -> list[dict]:
    """What the work says it is related to, as the viewer may see it."""
    from ficarchive.works.related import sources_shown

    request = context.get("request")
    shown = sources_shown(work, getattr(request, "user", None))
    parents = [s["link"].parent_id for s in shown if s["link"].parent_id]
    if parents and request is not None:  # a parent's creators may read it where others can't
        creators = Creatorship.objects.filter(work_id__in=parents)
        personal_to(request, creators.values_list("pseud__user_id", flat=True))
    return shown
