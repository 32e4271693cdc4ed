"""An Atom feed of a tag's latest works, with the reader's blocklist applied. Every piece of
text goes through `xml_safe`, so that no stored character can make the feed fail."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.utils.feedgenerator import Atom1Feed

from ficarchive.core.replica import may_read_replica
from ficarchive.text.characters import xml_safe
from ficarchive.text.sanitize import html_to_plain_text
from ficarchive.works.models import Work

from .filters import without_filters
from .tag_pages import tag_for_reader
from .tagsets import carrying_any

FEED_SIZE = 20


@may_read_replica
def tag_feed(request: HttpRequest, name: str) -> HttpResponse:
    tag = tag_for_reader(request, name)
    tag = tag.synonym_of if (not tag.canonical and tag.synonym_of_id) else tag
    works = Work.objects.visible_to(request.user).filter(carrying_any([tag]))
    works = without_filters(works, request).order_by("-updated_at", "-pk").listing()
    feed = Atom1Feed(
        title=xml_safe(f"{tag.name} works"),
        link=request.build_absolute_uri(f"/tags/{tag.name}/works"),
        description=xml_safe(f"The latest works tagged {tag.name}"),
        feed_url=request.build_absolute_uri(),
    )
    for work in works[:FEED_SIZE]:
        creators = work.public_byline
        tags = ", ".join(t.name for t in work.tags.all())
        feed.add_item(
            title=xml_safe(work.title),
            link=request.build_absolute_uri(work.get_absolute_url()),
            description=xml_safe(f"{html_to_plain_text(work.summary)}\n\nTags: {tags}"),
            author_name=xml_safe(creators),
            updateddate=work.updated_at,
            unique_id=request.build_absolute_uri(work.get_absolute_url()),
        )
    response = HttpResponse(content_type="application/atom+xml; charset=utf-8")
    feed.write(response, "utf-8")
    return response
