"""The archive's API (`/api/v1/...`): one NinjaAPI, its routers, and errors as JSON
`{"error": "..."}` with the right status, never a traceback."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from ficarchive.feedback.services import Refused
from ficarchive.works.access import NOT_FOUND

from . import collection_routes, tag_routes, work_routes, write_routes
from .auth import READ_AUTH, TOKEN_NEEDED, WINDOW_SECONDS, ArchiveThrottle

logger = logging.getLogger(__name__)

api = NinjaAPI(
    title="ficarchive API",
    version="1",
    description="Read works, chapters, tags and search as the archive's pages show them; "
    "leave kudos and bookmarks with a personal token. See /api/docs.",
    urls_namespace="api",
    auth=READ_AUTH,
    throttle=[ArchiveThrottle()],
    openapi_url="/schema",
    docs_url=None,
)


def error(request: HttpRequest, message: str, status: int) -> HttpResponse:
    return api.create_response(request, {"error": message}, status=status)


@api.exception_handler(Http404)
def not_found(request, exc):
    return error(request, str(exc) or NOT_FOUND, 404)


@api.exception_handler(PermissionDenied)
def forbidden(request, exc):
    return error(request, str(exc) or "You may not do that.", 403)


@api.exception_handler(AuthenticationError)
def unauthenticated(request, exc):
    message = exc.message if exc.message != "Unauthorized" else TOKEN_NEEDED
    response = error(request, message, 401)
    response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(Throttled)
def throttled(request, exc):
    message = "Too many requests; please wait a minute and try again."
    response = error(request, message, 429)
    response["Retry-After"] = str(WINDOW_SECONDS)
    return response


@api.exception_handler(HttpError)
def http_error(request, exc):
    return error(request, exc.message, exc.status_code)


@api.exception_handler(ValidationError)
def invalid(request, exc):
    parts = []
    for item in exc.errors:
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in {"body", "query"})
        parts.append(f"{where}: {item.get('msg', 'invalid')}" if where else item.get("msg", ""))
    return error(request, "; ".join(parts) or "The request is not valid.", 400)


@api.exception_handler(Refused)
def refused(request, exc):
    return error(request, exc.message, exc.status)


@api.exception_handler(Exception)
def unexpected(request, exc):
    logger.exception("API request failed: %s", request.path)
    return error(request, "Something went wrong on our side; it has been logged.", 500)


api.add_router("/v1/", work_routes.router)
api.add_router("/v1/", tag_routes.router)
api.add_router("/v1/", write_routes.router)
api.add_router("/v1/", collection_routes.router)
