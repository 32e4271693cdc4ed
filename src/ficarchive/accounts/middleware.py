"""Attach the reader's display preferences to the request (from the account, or a guest cookie);
send the addresses of renamed profiles on to the new name."""

from urllib.parse import quote, unquote

from django.contrib.auth import logout
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import redirect
from django.utils.http import escape_leading_slashes

from .renames import renamed_user
from .services import preferences_of
from .two_factor import has_second_factor, staff_must_verify

GUEST_THEME_COOKIE = "theme"
# "Yes, show me adult works" for the rest of the visit (a browser-session cookie): stored once,
# never in the database, so reading stays free of writes (works/reading.py sets it).
ADULT_COOKIE = "view_adult"


def consents_to_adult(request) -> bool:
    return request.COOKIES.get(ADULT_COOKIE) == "1"


class ReaderPrefs:
    def __init__(self, theme="auto", font_size=100, reading_width="normal", view_adult=False,
                 hide_creator_notes=False, view_full_work=False):  # fmt: skip
        self.theme = theme
        self.font_size = font_size
        self.reading_width = reading_width
        self.view_adult = view_adult
        self.hide_creator_notes = hide_creator_notes
        self.view_full_work = view_full_work


def reader_prefs_middleware(get_response):
    def middleware(request):
        request.reader_prefs = _prefs_for(request)
        return get_response(request)

    return middleware


def _prefs_for(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return preferences_of(user)
    theme = request.COOKIES.get(GUEST_THEME_COOKIE, "auto")
    if theme not in {"auto", "light", "dark"}:
        theme = "auto"
    return ReaderPrefs(theme=theme, view_adult=consents_to_adult(request))


PROFILE_PREFIX = "/users/"


def renamed_profile_middleware(get_response):
    """A profile address under a username given up lately (accounts/renames.py) that finds
    nothing answers with a permanent redirect to the same address under the new name; a pseud
    that was renamed with the username follows it in the address too."""

    def middleware(request):
        response = get_response(request)
        if response.status_code != 404 or not request.path.startswith(PROFILE_PREFIX):
            return response
        parts = request.path[len(PROFILE_PREFIX) :].split("/")
        old = unquote(parts[0])
        user = renamed_user(old) if old else None
        if user is None:
            return response
        parts[0] = quote(user.username)
        if len(parts) > 2 and parts[1] == "pseuds" and unquote(parts[2]).lower() == old.lower():
            parts[2] = quote(user.username)
        target = escape_leading_slashes(PROFILE_PREFIX + "/".join(parts))
        if request.META.get("QUERY_STRING"):
            target += "?" + request.META["QUERY_STRING"]
        return HttpResponsePermanentRedirect(target)

    return middleware


# Where staff who must still prove a second factor may go (STAFF_REQUIRE_TWO_FACTOR).
TWO_FACTOR_OPEN_PATHS = ("/account/security", "/login", "/logout", "/static/", "/favicon.ico")


def staff_two_factor_middleware(get_response):
    """With STAFF_REQUIRE_TWO_FACTOR, staff whose session was not signed in with a second factor
    go to the security page: to set one up, or (having one) to sign in again with it."""

    def middleware(request):
        if staff_must_verify(request) and not request.path.startswith(TWO_FACTOR_OPEN_PATHS):
            if has_second_factor(request.user):
                logout(request)
                return redirect(f"/login?next={quote(request.get_full_path())}")
            return redirect("security")
        return get_response(request)

    return middleware
