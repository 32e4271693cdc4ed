from django.urls import path

from . import views

urlpatterns = [
    path("users/<str:username>/stats", views.author_stats, name="author_stats"),
    path("users/<str:username>/stats/chart.csv", views.author_chart_csv, name="author_chart_csv"),
    path("users/<str:username>/stats/works/<int:work_id>", views.work_stats, name="work_stats"),
    path(
        "users/<str:username>/stats/works/<int:work_id>/chart.csv",
        views.work_chart_csv,
        name="work_chart_csv",
    ),
    path(
        "users/<str:username>/stats/works/<int:work_id>/chapters.csv",
        views.work_chapters_csv,
        name="work_chapters_csv",
    ),
    path("stats/archive", views.archive_stats, name="archive_stats"),
    path("stats/archive.csv", views.archive_csv, name="archive_csv"),
]
