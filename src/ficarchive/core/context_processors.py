from django.conf import settings


def site(request):
    """What every page needs to know: the site's name and the reader's display choices."""
    return {
        "SITE_NAME": settings.SITE_NAME,
        "reader_prefs": getattr(request, "reader_prefs", None),
    }
