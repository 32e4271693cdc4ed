from django.urls import re_path

from . import views

urlpatterns = [
    re_path(
        r"^downloads/(?P<work_id>[0-9]+)/(?P<filename>[^/]+)\.(?P<ext>epub|html|txt|pdf)$",
        views.download,
        name="download",
    ),
]
