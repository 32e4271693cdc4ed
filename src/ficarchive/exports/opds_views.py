"""The OPDS catalog at /opds/: a navigation feed, acquisition feeds of works (recently updated,
most kudos, a fandom's, search results) and the OpenSearch description. Every list of works is
Work.objects.visible_to(reader) narrowed, blocklisted, sorted and paged by discovery's listing
code (apply_filters, page_of), exactly as the web listings are."""

from __future__ import annotations

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.defaultfilters import pluralize
from django.urls import reverse
from django.utils import timezone

from ficarchive.collections.access import collection_named, works_of
from ficarchive.collections.models import Collection
from ficarchive.core.replica import may_read_replica
from ficarchive.discovery.blocklist import blocklist_for
from ficarchive.discovery.filters import apply_filters
from ficarchive.discovery.paging import ResultPage, page_of
from ficarchive.discovery.tagsets import carrying_any
from ficarchive.tags.models import Tag, TagType
from ficarchive.text.sanitize import html_to_plain_text
from ficarchive.works.models import Work

from . import opds
from . import views as download_views
from .opds import ACQUISITION, NAVIGATION, SEARCH_DESCRIPTION, Link
from .opds_auth import challenge, opds_auth, signed_in_by_basic
from .services import FORMAT_LABELS
from .templatetags.downloads import download_links

TOP_FANDOMS = 50
_EXT_BY_LABEL = {label: ext for ext, label in FORMAT_LABELS.items()}


def _xml(body: bytes, content_type: str) -> HttpResponse:
    return HttpResponse(body, content_type=content_type)


def _common_links(request: HttpRequest, self_type: str) -> list[Link]:
    absolute = request.build_absolute_uri
    return [
        Link(absolute(), "self", self_type),
        Link(absolute(reverse("opds_root")), "start", NAVIGATION),
        Link(absolute(reverse("opds_root")), "up", NAVIGATION),
        Link(absolute(reverse("opds_search_description")), "search", SEARCH_DESCRIPTION),
        Link(search_template(request), "search", ACQUISITION),
    ]


def search_template(request: HttpRequest) -> str:
    return request.build_absolute_uri(reverse("opds_search")) + "?q={searchTerms}"


def _page_url(request: HttpRequest, number: int) -> str:
    params = request.GET.copy()
    params["page"] = str(number)
    return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")


def _paging_links(request: HttpRequest, page: ResultPage) -> list[Link]:
    links = [Link(_page_url(request, 1), "first", ACQUISITION)]
    if page.has_previous:
        links.append(Link(_page_url(request, page.number - 1), "previous", ACQUISITION))
    if page.has_next or page.more:
        links.append(Link(_page_url(request, page.number + 1), "next", ACQUISITION))
    if not page.more:
        links.append(Link(_page_url(request, page.num_pages), "last", ACQUISITION))
    return links


def _downloads(request: HttpRequest, work: Work) -> list[tuple[str, str]]:
    """(ext, path) of each file of `work`: the site's download URLs, or for an app signed in
    by Basic the same URLs under /opds/, where its password is accepted too."""
    prefix = "/opds" if signed_in_by_basic(request) else ""
    return [(_EXT_BY_LABEL[label], prefix + url) for label, url in download_links(work)]


def _acquisition_feed(request: HttpRequest, works: QuerySet, title: str, *,
                      default_sort: str = "updated") -> HttpResponse:  # fmt: skip
    """`works` (visible to the reader) filtered, blocklisted and sorted by apply_filters from
    the query string, one page of them as an acquisition feed."""
    listing = apply_filters(works, request.GET, request, default_sort=default_sort)
    page = page_of(listing.rows, request.GET.get("page"))
    updated = max((w.updated_at for w in page.works), default=timezone.now())
    links = _common_links(request, ACQUISITION) + _paging_links(request, page)
    feed = opds.new_feed(request.build_absolute_uri(), title, updated, links)
    opds.add_paging(feed, total=page.total, per_page=page.per_page, first_index=page.first_index)
    tag_scheme = request.build_absolute_uri(reverse("tag_index"))
    for work in page.works:
        opds.add_work_entry(
            feed, work, absolute=request.build_absolute_uri, tag_scheme=tag_scheme,
            downloads=_downloads(request, work),
        )  # fmt: skip
    return _xml(opds.to_bytes(feed), ACQUISITION)


def _navigation_feed(request: HttpRequest, title: str, entries: list[tuple[str, str, Link]]):
    """A navigation feed of (title, text, link) entries."""
    now = timezone.now()
    feed = opds.new_feed(
        request.build_absolute_uri(), title, now, _common_links(request, NAVIGATION)
    )
    for entry_title, text, link in entries:
        opds.add_navigation_entry(
            feed, entry_id=link.href, title=entry_title, text=text, link=link, updated=now
        )
    return _xml(opds.to_bytes(feed), NAVIGATION)


@may_read_replica
@opds_auth
def root(request: HttpRequest) -> HttpResponse:
    absolute = request.build_absolute_uri
    entries = [
        ("Recently updated", "The works updated most recently.",
         Link(absolute(reverse("opds_recent")), opds.SORT_NEW, ACQUISITION)),
        ("Most kudos", "The works readers left the most kudos on.",
         Link(absolute(reverse("opds_kudos")), opds.SORT_POPULAR, ACQUISITION)),
        ("By fandom", "The fandoms with the most works.",
         Link(absolute(reverse("opds_fandoms")), "subsection", NAVIGATION)),
        ("Collections", "Fests, exchanges and other collections of works.",
         Link(absolute(reverse("opds_collections")), "subsection", NAVIGATION)),
    ]  # fmt: skip
    if not request.user.is_authenticated:
        text = "Sign in with your user name and password to see works for signed-in readers."
        entries.append(
            ("Sign in", text, Link(absolute(reverse("opds_signin")), "subsection", NAVIGATION))
        )
    return _navigation_feed(request, f"{settings.SITE_NAME} catalog", entries)


@may_read_replica
@opds_auth
def recent(request: HttpRequest) -> HttpResponse:
    works = Work.objects.visible_to(request.user)
    return _acquisition_feed(request, works, "Recently updated", default_sort="updated")


@may_read_replica
@opds_auth
def most_kudos(request: HttpRequest) -> HttpResponse:
    works = Work.objects.visible_to(request.user)
    return _acquisition_feed(request, works, "Most kudos", default_sort="kudos")


@may_read_replica
@opds_auth
def fandoms(request: HttpRequest) -> HttpResponse:
    """The canonical fandoms with the most works (the reader's muted fandoms left out)."""
    muted = {t.pk for t in blocklist_for(request).tags}
    tags = (
        Tag.objects.filter(type=TagType.FANDOM, canonical=True)
        .exclude(pk__in=muted)
        .with_current_counts(request.user)
        .filter(current_count__gt=0)
        .order_by("-current_count", "name_key")[:TOP_FANDOMS]
    )
    entries = [
        (tag.name, f"{tag.current_count:,} work{pluralize(tag.current_count)}",
         Link(request.build_absolute_uri(reverse("opds_fandom", args=[tag.pk])), "subsection",
              ACQUISITION))
        for tag in tags
    ]  # fmt: skip
    return _navigation_feed(request, "By fandom", entries)


@may_read_replica
@opds_auth
def fandom(request: HttpRequest, tag_id: int) -> HttpResponse:
    tag = get_object_or_404(Tag, pk=tag_id, type=TagType.FANDOM)
    tag = tag.filterable or tag
    works = Work.objects.visible_to(request.user).filter(carrying_any([tag]))
    return _acquisition_feed(request, works, tag.name)


@may_read_replica
@opds_auth
def collections(request: HttpRequest) -> HttpResponse:
    """The top-level collections, newest first."""
    shown = Collection.objects.filter(parent=None).order_by("-created_at", "-pk")[:TOP_FANDOMS]
    entries = [
        (c.title, html_to_plain_text(c.description)[:300] or c.name,
         Link(request.build_absolute_uri(reverse("opds_collection", args=[c.name])),
              "subsection", ACQUISITION))
        for c in shown
    ]  # fmt: skip
    return _navigation_feed(request, "Collections", entries)


@may_read_replica
@opds_auth
def collection(request: HttpRequest, name: str) -> HttpResponse:
    """A collection's works as its pages show them to this reader (collections.access)."""
    found = collection_named(name)
    return _acquisition_feed(request, works_of(found, request.user), found.title)


@may_read_replica
@opds_auth
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    works = Work.objects.visible_to(request.user)
    title = f"Search: {query}" if query else "All works"
    return _acquisition_feed(request, works, title)


def search_description(request: HttpRequest) -> HttpResponse:
    return _xml(opds.opensearch_description(search_template(request)), SEARCH_DESCRIPTION)


@opds_auth
def signin(request: HttpRequest) -> HttpResponse:
    """Asks the app for a user name and password; once it sends them, back to the catalog."""
    if not request.user.is_authenticated:
        return challenge()
    return redirect("opds_root")


# A work's files for an app signed in by Basic: the download view, under /opds/, built in the
# request (an app cannot wait on the page a browser gets while a PDF is made).
download = opds_auth(download_views.download_now)
