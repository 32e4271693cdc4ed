"""Every piece of text a request brings passes through the one character rule
(`ficarchive.text.characters.clean_text`) before any view, form or API schema sees it: the query
string, form fields (every form, the pasted import) and JSON bodies (the API). Documents that
are uploaded are files, read by the importer, which cleans what it reads with the same rule.

Passwords are left as typed: they are never shown or serialized, and changing them would lock
out whoever chose one before the rule."""

from __future__ import annotations

import json

from django.http import QueryDict

from ficarchive.text.characters import clean_data, clean_text

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


def _is_password(key: str) -> bool:
    return "password" in key


def cleaned_query(query: QueryDict) -> QueryDict:
    cleaned = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        keep = _is_password(key)
        cleaned.setlist(clean_text(key), [v if keep else clean_text(v) for v in values])
    cleaned._mutable = False
    return cleaned


def _cleaned_json(body: bytes) -> bytes | None:
    try:
        data = json.loads(body)
    except ValueError:
        return None  # not JSON: the API answers that itself
    return json.dumps(clean_data(data)).encode()


def clean_input_middleware(get_response):
    def middleware(request):
        if request.GET:
            request.GET = cleaned_query(request.GET)
        if request.content_type in FORM_TYPES:
            request.POST = cleaned_query(request.POST)
        elif request.content_type == "application/json" and request.body:
            cleaned = _cleaned_json(request.body)
            if cleaned is not None:
                request._body = cleaned
        return get_response(request)

    return middleware
