"""The site's routes plus a stand-in "work" route, for as long as the works app has none."""

from django.http import HttpResponse
from django.urls import path

from ficarchive.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *site_urlpatterns,
    path("works/<int:work_id>", lambda request, work_id: HttpResponse("work"), name="work"),
]
