from django.urls import path, re_path

from . import account_views, opds_views, views

urlpatterns = [
    path("account/export", account_views.account_export, name="account_export"),
    path(
        "account/export/<int:export_id>/download",
        account_views.account_export_download,
        name="account_export_download",
    ),
    re_path(
        r"^downloads/(?P<work_id>[0-9]+)/(?P<filename>[^/]+)\.(?P<ext>epub|html|txt|pdf)$",
        views.download,
        name="download",
    ),
    # The OPDS catalog (docs/exports.md); its downloads are the ones above under /opds/, where an
    # e-reader app's Basic sign-in is accepted.
    path("opds", opds_views.root, name="opds_root"),
    path("opds/recent", opds_views.recent, name="opds_recent"),
    path("opds/kudos", opds_views.most_kudos, name="opds_kudos"),
    path("opds/fandoms", opds_views.fandoms, name="opds_fandoms"),
    path("opds/fandoms/<int:tag_id>", opds_views.fandom, name="opds_fandom"),
    path("opds/collections", opds_views.collections, name="opds_collections"),
    path("opds/collections/<str:name>", opds_views.collection, name="opds_collection"),
    path("opds/search", opds_views.search, name="opds_search"),
    path("opds/search.xml", opds_views.search_description, name="opds_search_description"),
    path("opds/signin", opds_views.signin, name="opds_signin"),
    re_path(
        r"^opds/downloads/(?P<work_id>[0-9]+)/(?P<filename>[^/]+)\.(?P<ext>epub|html|txt|pdf)$",
        opds_views.download,
        name="opds_download",
    ),
]
