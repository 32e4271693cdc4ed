from django.urls import path

from . import views

urlpatterns = [
    path("skins", views.skins, name="skins"),
    path("skins/hide", views.hide_work_skins, name="hide_work_skins"),
    path("skins/new/<str:kind>", views.new_skin, name="new_skin"),
    path("skins/<int:skin_id>/edit", views.edit_skin, name="edit_skin"),
    path("skins/<int:skin_id>/delete", views.delete_skin, name="delete_skin"),
    path("skins/<int:skin_id>/use", views.use_site_skin, name="use_site_skin"),
    path("skins/<int:skin_id>/<str:digest>.css", views.stylesheet, name="skin_stylesheet"),
]
