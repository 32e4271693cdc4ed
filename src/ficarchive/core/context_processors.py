from . import site_settings
from .cache import shared_cache_trusted


def site(request):
    """What every page needs to know: the site's name, the banner (unless dismissed) and the
    reader's display choices."""
    row = site_settings.current()
    banner, banner_version = site_settings.banner_for(request, row)
    return {
        "SITE_NAME": site_settings.site_name(row),
        "site_banner": banner,
        "site_banner_version": banner_version,
        "reader_prefs": getattr(request, "reader_prefs", None),
        "staff_notice_cache_away": _staff(request) and not shared_cache_trusted(),
    }


def _staff(request) -> bool:
    user = getattr(request, "user", None)
    return bool(user and user.is_staff)
