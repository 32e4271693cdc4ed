"""{% hidden_note shown %}: the "N hidden, show them" note of a list of works (core.listing)."""

from django import template

from ficarchive.core.listing import COUNT_HIDDEN_UP_TO, SHOW_HIDDEN_PARAM

register = template.Library()


@register.inclusion_tag("includes/hidden_note.html", takes_context=True)
def hidden_note(context, shown) -> dict:
    """`shown`: a core.listing.Shown, or a discovery Listing (same attributes)."""
    request = context["request"]
    kept = request.GET.copy()
    for name in ("page", SHOW_HIDDEN_PARAM):
        kept.pop(name, None)
    hide_query = kept.urlencode()
    kept[SHOW_HIDDEN_PARAM] = "1"
    return {
        "shown": shown,
        "show_query": kept.urlencode(),
        "hide_query": hide_query,
        "limit": COUNT_HIDDEN_UP_TO,
    }
