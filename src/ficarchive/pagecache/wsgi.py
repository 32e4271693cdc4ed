"""A guest's kept page answered before Django's request handling begins.

`ficarchive serve` runs the WSGI application wrapped in `answer_kept_pages`. For a request the
page cache may answer (middleware.page_key) whose page is kept under the current versions, the
wrapper answers with the same response the middleware's hit would give, skipping what Django
does around every request (its request signals, which close and check every database
connection and cache, the URL configuration, the middleware chain). Anything else, a miss
included, goes to Django, whose page cache middleware builds and keeps the page as before.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest

from . import versions
from .middleware import answer_kept, page_key

log = logging.getLogger(__name__)


def answer_kept_pages(django_app):
    def application(environ, start_response):
        key = page_key(environ) if settings.PAGE_CACHE_SECONDS > 0 else None
        try:
            entry = versions.lookup(key) if key is not None else None
        except Exception:  # the cache unreachable: Django answers, as if nothing were kept
            log.warning("page cache unreachable; the page is built", exc_info=True)
            entry = None
        if entry is None:
            return django_app(environ, start_response)
        response = answer_kept(WSGIRequest(environ), entry)
        status = f"{response.status_code} {response.reason_phrase}"
        start_response(status, list(response.items()))
        return [response.content]

    return application
