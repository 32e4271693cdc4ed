"""Charts drawn on the server with pygal, as SVG put inline in the page: no script, no style
element and no style attribute (the Content-Security-Policy allows neither), so its colours come
from the site's stylesheet (static/stats/css/stats.css: currentColor and the theme's variables)
and it reads in the light and the dark theme. pygal's tooltips need JavaScript and are left out;
the table beside each chart has every figure.

pygal draws a bar in about a sixth of a millisecond, each as elements of their own, so a chart
of more than BARS_AT_MOST bars (90 days, 61 months, a year per day, two series over 40
chapters) is drawn as filled lines instead: a path a series, a third of the time at 90 points
and a sixth at 365, and as much smaller. And a drawn chart is kept in the cache under a digest of
everything it shows: the same figures are drawn once, and new figures (the fold runs every
minute) make a new key, so a kept chart is never out of date."""

from __future__ import annotations

import hashlib

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from lxml import etree

# (view box width, height, most labels on the x axis, legend columns): drawn twice, one shown by
# the stylesheet, so that the text stays readable on a phone as on a desktop.
SIZES = {"wide": (800, 300, 7, 2), "narrow": (400, 300, 4, 1)}
KEEP_SECONDS = 24 * 3600
BARS_AT_MOST = 60  # bars in all: points times series
DRAWING = 2  # part of the kept charts' keys: raise it when the drawing changes


def _thousands(value) -> str:
    return f"{value:,.0f}"


def _config(labels: list[str], legend: bool, size: str) -> dict:
    width, height, most, columns = SIZES[size]
    every = max(1, -(-len(labels) // most))
    return {
        "fill": True,  # lines: the area under them
        "show_dots": False,
        "js": [],
        "css": [],
        "width": width,
        "height": height,
        "explicit_size": False,
        "disable_xml_declaration": True,
        "show_legend": legend,
        "legend_at_bottom": True,
        "legend_at_bottom_columns": columns,
        "show_minor_x_labels": every == 1,
        "x_labels_major_every": every,
        "truncate_label": -1,
        "truncate_legend": -1,
        "include_x_axis": True,
        "order_min": 0,  # counts: no tick between whole numbers
        "value_formatter": _thousands,  # 240,000 on the axis, as in the tables
        "min_scale": 1,
        "max_scale": 5,
        "margin": 12,
        "spacing": 8,
        "tooltip_fancy_mode": False,
        "no_data_text": "Nothing yet",
    }


def _clean(tree, chart_id: str, title: str, size: str):
    """Drop what the page's policy forbids or what only pygal's script reads."""
    doomed = [*tree.iter("style", "script", "desc", "title", etree.Comment)]
    doomed += [g for g in tree.iter("g") if "tooltip-overlay" in g.get("class", "")]
    for element in doomed:
        element.getparent().remove(element)
    for element in tree.iter():
        element.attrib.pop("style", None)
    tree.set("id", chart_id)
    tree.set("class", f"pygal-chart chart-{size}")
    tree.set("role", "img")
    tree.set("aria-labelledby", f"{chart_id}-title")
    heading = etree.Element("title", id=f"{chart_id}-title")
    heading.text = title
    tree.insert(0, heading)
    return tree


def bar_chart(
    chart_id: str, title: str, labels: list[str], series: list[tuple[str, list[int]]]
) -> SafeString:
    """Bars of one or more series over the labels (a filled line each past BARS_AT_MOST
    bars), as inline SVG markup: a wide and a narrow drawing, of which the stylesheet shows
    one (the hidden one is out of the accessibility tree too)."""
    what = repr((chart_id, title, labels, series)).encode()
    key = f"stats:chart:{DRAWING}:" + hashlib.blake2b(what, digest_size=16).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = "".join(_draw(f"{chart_id}-{size}", title, labels, series, size) for size in SIZES)
        cache.set(key, svg, timeout=KEEP_SECONDS)
    return mark_safe(svg)  # built and escaped by lxml


def _draw(chart_id: str, title: str, labels: list[str], series, size: str) -> str:
    import pygal  # at the first chart drawn, not at a server's start (0.07 s of CPU)

    kind = pygal.Bar if len(labels) * len(series) <= BARS_AT_MOST else pygal.Line
    chart = kind(**_config(labels, legend=len(series) > 1, size=size))
    chart.x_labels = labels
    for name, values in series:
        chart.add(name, values)
    tree = _clean(chart.render_tree(), chart_id, title, size)
    return etree.tostring(tree, encoding="unicode")
