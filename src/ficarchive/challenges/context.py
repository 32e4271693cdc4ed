"""What every challenge page gives the collection's header (collections/includes/nav.html)."""

from __future__ import annotations

from ficarchive.collections.news import is_subscribed
from ficarchive.collections.services import is_maintainer


def page_context(request, collection, **extra) -> dict:
    return {
        "collection": collection,
        "maintainer": is_maintainer(collection, request.user),
        "subscribed": is_subscribed(request.user, collection),
        **extra,
    }
