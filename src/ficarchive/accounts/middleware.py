"""Attach the reader's display preferences to the request (from the account, or a guest cookie)."""

from .services import preferences_of

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
