"""{{ n|thousands }}: 12,345. Humanize's intcomma goes through the localization machinery, some
hundred times slower, and a stats page shows thousands of figures."""

from django import template

register = template.Library()


@register.filter
def thousands(value) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)
