from django.conf import settings
from django.utils.functional import SimpleLazyObject


def site(request):
    """What every page needs to know: the site's name, the reader's display choices, and (only
    when a template asks) how many inbox items the reader hasn't read."""
    prefs = getattr(request, "reader_prefs", None)

    def unread() -> int:
        from ficarchive.feedback.services.inbox import unread_count

        return unread_count(request.user)

    return {
        "SITE_NAME": settings.SITE_NAME,
        "reader_prefs": prefs,
        "inbox_unread": SimpleLazyObject(unread),
    }
