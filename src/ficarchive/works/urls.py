"""AO3's URL shapes (/works/ID, /works/ID/chapters/ID, /works/ID/navigate, /series/ID). Each
page also answers with a trailing slash, so that links written either way work."""

from django.urls import path

from . import association_views, creators, dashboard, posting, reading


def ao3_path(route: str, view, name: str) -> list:
    return [path(route, view, name=name), path(route + "/", view)]


W = "works/<int:work_id>"
C = f"{W}/chapters/<int:chapter_id>"

urlpatterns = [
    *ao3_path("works/new", posting.new_work, "new_work"),
    *ao3_path(W, reading.work, "work"),
    *ao3_path(f"{W}/navigate", reading.navigate, "navigate"),
    *ao3_path(f"{W}/edit", posting.edit_work, "edit_work"),
    *ao3_path(f"{W}/delete", posting.delete_work, "delete_work"),
    *ao3_path(f"{W}/post", posting.post_draft_work, "post_draft_work"),
    *ao3_path(f"{W}/invitation", creators.invitation, "work_invitation"),
    *ao3_path(f"{W}/leave", creators.leave, "leave_work"),
    *ao3_path(f"{W}/chapters/new", posting.new_chapter, "new_chapter"),
    *ao3_path(f"{W}/chapters/manage", posting.manage_chapters, "manage_chapters"),
    *ao3_path(C, reading.chapter, "chapter"),
    *ao3_path(f"{C}/edit", posting.edit_chapter, "edit_chapter"),
    *ao3_path(f"{C}/delete", posting.delete_chapter, "delete_chapter"),
    *ao3_path(f"{C}/post", posting.post_chapter, "post_chapter"),
    *ao3_path(f"{W}/related_works", association_views.related_works, "related_works"),
    *ao3_path(f"{W}/orphan", association_views.orphan_work, "orphan_work"),
    *ao3_path(f"{W}/gift/refuse", association_views.refuse, "refuse_gift"),
    *ao3_path("series/<int:series_id>/orphan", association_views.orphan_series, "orphan_series"),
    *ao3_path("orphans", association_views.orphan_all, "orphan_all"),
    *ao3_path("users/<str:username>/gifts", association_views.gifts, "user_gifts"),
    *ao3_path("dashboard", dashboard.dashboard, "dashboard"),
    *ao3_path("series/<int:series_id>", dashboard.series, "series"),
    *ao3_path("series/<int:series_id>/edit", dashboard.edit_series, "edit_series"),
]
