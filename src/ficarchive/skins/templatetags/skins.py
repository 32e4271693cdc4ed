"""The work page's skin (its stylesheet link and AO3's "Hide Creator's Style" toggle) and the
reader's own site skin, for the templates of the apps below that show them."""

from __future__ import annotations

from dataclasses import dataclass

from django import template

from ..models import Skin
from ..services import SiteSkinLink, hides_work_skins, site_skin_of, skin_of

register = template.Library()

# AO3's parameter: ?style=disable hides a work's skin on this page, ?style=creator shows it
# to a reader whose preference hides skins. A query parameter, not a cookie, so that the page
# cache for guests (which keys pages by their query) keeps the two versions apart.
STYLE_PARAM = "style"
HIDE, SHOW = "disable", "creator"
# Pages where a reader's site skin is never added, so a skin that breaks the site can always
# be changed or turned off.
PLAIN_PAGES = {"skins", "new_skin", "edit_skin", "delete_skin", "preferences"}


@dataclass
class WorkStyle:
    skin: Skin | None
    shown: bool
    toggle_query: str
    toggle_label: str


def creator_style_shown(request) -> bool:
    choice = request.GET.get(STYLE_PARAM)
    if choice in (HIDE, SHOW):
        return choice == SHOW
    return not reader_hides_skins(request)


def reader_hides_skins(request) -> bool:
    """The reader's preference, read once a request."""
    if not hasattr(request, "_hides_work_skins"):
        request._hides_work_skins = hides_work_skins(request.user)
    return request._hides_work_skins


@register.simple_tag(takes_context=True)
def hides_skins(context) -> bool:
    return reader_hides_skins(context["request"])


@register.simple_tag(takes_context=True)
def work_style(context, work) -> WorkStyle:
    request = context["request"]
    if not hasattr(work, "_skin_of"):
        work._skin_of = skin_of(work)
    shown = creator_style_shown(request)
    query = request.GET.copy()
    query[STYLE_PARAM] = HIDE if shown else SHOW
    label = "Hide Creator's Style" if shown else "Show Creator's Style"
    return WorkStyle(work._skin_of, shown, "?" + query.urlencode(), label)


@register.simple_tag(takes_context=True)
def site_skin(context) -> SiteSkinLink | None:
    request = context.get("request")
    # An error page for a request refused before the middleware signed anyone in (a Host
    # header not in ALLOWED_HOSTS) has no request.user: it is a guest's page.
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    match = getattr(request, "resolver_match", None)
    if match is not None and match.url_name in PLAIN_PAGES:
        return None
    return site_skin_of(user)
