"""A tag's own page (/tags/NAME): what the tag is (its type, synonyms, parents, children) above
its works, as on AO3; a synonym's page is its canonical tag's works.

Which tags a reader may look up at all: wrangled ones (canonical tags and synonyms, which
wranglers made public) and tags that a work the reader may see carries. A name typed only on
drafts or hidden works answers exactly as a name no one ever typed (404), on every page that
takes a tag's name: this one, its works, its feed and the API."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from ficarchive.tags.converters import unescape_tag_name
from ficarchive.tags.lookup import tags_named
from ficarchive.tags.models import Tag
from ficarchive.works.models import Work, WorkTag


def open_to(tag: Tag, user) -> bool:
    """Whether `user` may learn that `tag` exists."""
    if tag.is_wrangled:
        return True
    carrying = WorkTag.objects.filter(tag=tag).values("work_id")
    return Work.objects.visible_to(user).filter(pk__in=carrying).exists()


def tags_open_to(name: str, user, tag_type: str | None = None) -> list[Tag]:
    """The tags of this name that `user` may see, the one a URL means first (tags.lookup:
    canonical first, then AO3's order of types)."""
    tags = tags_named(name)
    if tag_type:
        tags = [t for t in tags if t.type == tag_type]
    return [t for t in tags if open_to(t, user)]


def tag_for_reader(request: HttpRequest, name: str, tag_type: str | None = None) -> Tag:
    """The tag a URL names (AO3's escapes such as *s* for "/" accepted), as this reader may
    see it, or 404."""
    tags = tags_open_to(unescape_tag_name(name), request.user, tag_type)
    if not tags:
        raise Http404("There is no tag of that name.")
    return tags[0]


def to_canonical_works(request: HttpRequest, tag: Tag) -> HttpResponse | None:
    """For a synonym, a redirect to its canonical tag's works (the query string kept)."""
    if tag.canonical or not tag.synonym_of_id:
        return None
    url = tag.synonym_of.get_works_url()
    query = request.GET.urlencode()
    return redirect(f"{url}?{query}" if query else url)


def tag_context(request: HttpRequest, tag: Tag, name: str) -> dict:
    """What the tag box above a tag's works shows."""
    context = {
        "same_name": [t for t in tags_open_to(name, request.user) if t.pk != tag.pk],
        "synonyms": tag.synonyms.order_by("name_key"),
        "parents": tag.parents.order_by("type", "name_key"),
        "children": tag.children.with_current_counts(request.user)
        .filter(current_count__gt=0)
        .order_by("type", "name_key"),
        "is_wrangler": request.user.is_authenticated and request.user.is_wrangler,
    }
    if context["is_wrangler"]:
        context["actions"] = tag.wrangling_actions.select_related("user")[:50]
    return context
