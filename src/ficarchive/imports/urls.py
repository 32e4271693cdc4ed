from django.urls import path

from . import views

urlpatterns = [
    path("works/import", views.start, name="import_start"),
    path("works/import/<int:pending_id>", views.confirm, name="import_confirm"),
    path("works/import/<int:pending_id>/discard", views.discard, name="import_discard"),
]
