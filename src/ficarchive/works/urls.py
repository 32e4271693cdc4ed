"""AO3's URL shapes (/works/ID, /works/ID/chapters/ID, /works/ID/navigate, /series/ID), without
a trailing slash; core.middleware.trailing_slash_middleware redirects the slashed forms."""

from django.urls import path

from . import association_views, closing, creators, dashboard, posting, profiles, reading

W = "works/<int:work_id>"
C = f"{W}/chapters/<int:chapter_id>"

urlpatterns = [
    path("users/<str:username>", profiles.profile, name="profile"),
    path("users/<str:username>/pseuds/<str:pseud_name>", profiles.pseud_detail, name="pseud"),
    path("works/new", posting.new_work, name="new_work"),
    path(W, reading.work, name="work"),
    path(f"{W}/navigate", reading.navigate, name="navigate"),
    path(f"{W}/edit", posting.edit_work, name="edit_work"),
    path(f"{W}/delete", posting.delete_work, name="delete_work"),
    path(f"{W}/post", posting.post_draft_work, name="post_draft_work"),
    path(f"{W}/invitation", creators.invitation, name="work_invitation"),
    path(f"{W}/leave", creators.leave, name="leave_work"),
    path(f"{W}/chapters/new", posting.new_chapter, name="new_chapter"),
    path(f"{W}/chapters/manage", posting.manage_chapters, name="manage_chapters"),
    path(C, reading.chapter, name="chapter"),
    path(f"{C}/edit", posting.edit_chapter, name="edit_chapter"),
    path(f"{C}/delete", posting.delete_chapter, name="delete_chapter"),
    path(f"{C}/post", posting.post_chapter, name="post_chapter"),
    path(f"{W}/related_works", association_views.related_works, name="related_works"),
    path(f"{W}/orphan", association_views.orphan_work, name="orphan_work"),
    path(f"{W}/gift/refuse", association_views.refuse, name="refuse_gift"),
    path("series/<int:series_id>/orphan", association_views.orphan_series, name="orphan_series"),
    path("orphans", association_views.orphan_all, name="orphan_all"),
    path("users/<str:username>/gifts", association_views.gifts, name="user_gifts"),
    path("dashboard", dashboard.dashboard, name="dashboard"),
    path("account/delete", closing.close_account_page, name="close_account"),
    path("series/<int:series_id>", dashboard.series, name="series"),
    path("series/<int:series_id>/edit", dashboard.edit_series, name="edit_series"),
]
