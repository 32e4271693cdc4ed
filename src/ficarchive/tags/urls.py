from django.urls import path, register_converter

from . import views, wrangle_views
from .converters import TagNameConverter

register_converter(TagNameConverter, "tagname")

urlpatterns = [
    path("tags", views.tag_index, name="tag_index"),
    path("tags/autocomplete", views.autocomplete, name="tag_autocomplete"),
    path("tags/wrangle", wrangle_views.unwrangled, name="wrangle_home"),
    path("tags/wrangle/<int:pk>", wrangle_views.wrangle_tag, name="wrangle_tag"),
    path(
        "tags/wrangle/<int:pk>/<slug:action>",
        wrangle_views.wrangle_action,
        name="wrangle_action",
    ),
    path("tags/<tagname:name>", views.tag_detail, name="tag"),
]
