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
from .schemas import Error

logger = logging.getLogger(__name__)

# What any endpoint may answer besides its own results, as `{"error": "..."}`: a bad value (a
# page that is not a number), a token that is not valid, a block, nothing the caller may see,
# too many requests, our own failure.
ERRORS = {
    "400": "Bad input: the message names the field.",
    "401": "The token is not valid (revoked, mistyped, a suspended account), or none was given "
    "where one is needed.",
    "403": "Refused: a block, or the account may not do this.",
    "404": "Nothing the caller may see.",
    "429": "Too many requests; see Retry-After.",
    "500": "A failure on the archive's side; it has been logged.",
}


class ArchiveAPI(NinjaAPI):
    """The schema says what the API does: every answer an endpoint can give is listed (the
    error handlers below apply to all of them), and the reading endpoints take a guest too
    (an empty security requirement), as well as a token or the site's session."""

    def get_openapi_schema(self, **kwargs):
        schema = super().get_openapi_schema(**kwargs)
        schemas = schema.setdefault("components", {}).setdefault("schemas", {})
        schemas.setdefault("Error", Error.model_json_schema())
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                responses = {str(k): v for k, v in operation.get("responses", {}).items()}
                operation["responses"] = responses
                for status, text in ERRORS.items():
                    answer = {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Error"}}
                    }
                    responses.setdefault(status, {"description": text, "content": answer})
                if method == "get" and {} not in operation.get("security", [{}]):
                    operation["security"].append({})
        return schema


api = ArchiveAPI(
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
