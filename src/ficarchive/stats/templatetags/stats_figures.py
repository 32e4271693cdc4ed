"""The stats pages' long tables, a row per work or per day, built here as one string: Django's
template engine spends some 20 µs on each variable and format_html a few more on each argument,
and an author with 500 works has a table of 4,000 of them. Every text is escaped with the
standard library's html.escape (quotes too). {{ n|thousands }} writes 12,345 (humanize's
intcomma goes through the localization machinery, a hundred times slower)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

from ..figures import FIGURES

register = template.Library()


@register.filter
def thousands(value) -> str:
    try:
        return f"{int(value):,}"
    except (TypeError, ValueError):
        return str(value)


def _work_row(line, stats_base: str) -> str:
    fandoms = (
        f'<br><span class="muted">{escape(", ".join(name for _, name in line.fandoms))}</span>'
        if line.fandoms
        else ""
    )
    figures = "".join(f'<td class="number">{getattr(line, key):,}</td>' for key, _ in FIGURES)
    return (
        f'<tr><th scope="row"><a href="{escape(stats_base)}/works/{line.work_id}">'
        f"{escape(line.title)}</a>{fandoms}</th><td>{line.published.isoformat()}</td>{figures}</tr>"
    )


@register.simple_tag
def work_rows(lines, stats_base: str):
    """The rows of the works table: the work (a link to its stats) and its fandoms, the day it
    was posted, then every figure."""
    return mark_safe("".join(_work_row(line, stats_base) for line in lines))  # escaped above


@register.simple_tag
def chart_rows(rows):
    """The rows of a chart's table: the period, its figure."""
    return mark_safe(  # labels are dates, values numbers; escaped all the same
        "".join(
            f'<tr><th scope="row">{escape(label)}</th><td class="number">{value:,}</td></tr>'
            for label, value in rows
        )
    )
