"""AO3's shapes: /collections, /collections/NAME, /collections/NAME/works, ... (no trailing
slash)."""

from django.urls import path

from . import manage, mine, pages

N = "collections/<str:name>"

urlpatterns = [
    path("collections", pages.index, name="collections"),
    path("collections/new", manage.new, name="new_collection"),
    path(N, pages.show, name="collection"),
    path(f"{N}/profile", pages.profile, name="collection_profile"),
    path(f"{N}/works", pages.works, name="collection_works"),
    path(f"{N}/works.atom", pages.feed, name="collection_feed"),
    path(f"{N}/bookmarks", pages.bookmarks, name="collection_bookmarks"),
    path(f"{N}/participants", pages.participants, name="collection_participants"),
    path(f"{N}/participants/role", manage.set_role, name="collection_role"),
    path(f"{N}/subscribe", pages.subscribe, name="collection_subscribe"),
    path(f"{N}/edit", manage.edit, name="edit_collection"),
    path(f"{N}/items", manage.queue, name="collection_queue"),
    path(f"{N}/items/invite", manage.invite, name="collection_invite"),
    path(f"{N}/reveal", manage.reveal_view, name="collection_reveal"),
    path(
        "users/<str:username>/collection_items", mine.collection_items, name="user_collection_items"
    ),  # fmt: skip
]
