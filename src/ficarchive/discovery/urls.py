from django.urls import path

from . import blocklist_views, feeds, sitemap, views

urlpatterns = [
    path("", views.home, name="home"),
    path("sitemap.xml", sitemap.index, name="sitemap"),
    path("sitemap-<str:section>.xml", sitemap.section, name="sitemap_section"),
    path("works", views.works_index, name="works_index"),
    path("works/search", views.search, name="works_search"),
    path("search", views.search, name="search"),
    path("tags/<path:name>/works", views.tag_works, name="tag_works"),
    path("tags/<path:name>/feed.atom", feeds.tag_feed, name="tag_feed"),
    path("tags/<tagname:name>", views.tag_page, name="tag"),
    path("users/<str:username>/works", views.user_works, name="user_works"),
    path(
        "users/<str:username>/pseuds/<str:pseud_name>/works",
        views.pseud_works,
        name="pseud_works",
    ),
    path("preferences/blocklist", blocklist_views.blocklist, name="blocklist"),
    path("preferences/blocklist/tags", blocklist_views.mute_tag, name="mute_tag"),
    path(
        "preferences/blocklist/tags/<int:tag_id>/unmute",
        blocklist_views.unmute_tag,
        name="unmute_tag",
    ),
    path("preferences/blocklist/creators", blocklist_views.mute_creator, name="mute_creator"),
    path(
        "preferences/blocklist/creators/<int:user_id>/unmute",
        blocklist_views.unmute_creator,
        name="unmute_creator",
    ),
]
