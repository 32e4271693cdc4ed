from django.contrib import admin
from django.urls import include, path

from ficarchive.core.banner import dismiss_banner
from ficarchive.core.views import favicon, robots

urlpatterns = [
    path("", include("ficarchive.accounts.urls")),
    path("", include("ficarchive.tags.urls")),
    path("", include("ficarchive.imports.urls")),
    path("", include("ficarchive.works.urls")),
    path("", include("ficarchive.feedback.urls")),
    path("", include("ficarchive.site_pages.urls")),
    path("", include("ficarchive.discovery.urls")),
    path("", include("ficarchive.collections.urls")),
    path("", include("ficarchive.challenges.urls")),
    path("", include("ficarchive.skins.urls")),
    path("", include("ficarchive.exports.urls")),
    path("", include("ficarchive.moderation.urls")),
    path("", include("ficarchive.stats.urls")),
    path("api/", include("ficarchive.api.urls")),
    path("admin/", admin.site.urls),
    # Browsers ask for /favicon.ico whatever a page says; the icon itself is a static SVG.
    path("favicon.ico", favicon),
    path("robots.txt", robots),
    path("banner/dismiss", dismiss_banner, name="dismiss_banner"),
]

handler400 = "ficarchive.core.views.bad_request"
handler403 = "ficarchive.core.views.permission_denied"
handler404 = "ficarchive.core.views.page_not_found"
handler500 = "ficarchive.core.views.server_error"
