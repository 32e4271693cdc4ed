from django.urls import path

from . import views

urlpatterns = [
    path("works/<int:work_id>/report", views.report_work, name="report_work"),
    path("comments/<int:comment_id>/report", views.report_comment, name="report_comment"),
    path("users/<str:username>/report", views.report_user, name="report_user"),
    path("reports/thanks", views.report_thanks, name="report_thanks"),
    path("moderation", views.queue, name="moderation_queue"),
    path("moderation/log", views.log, name="moderation_log"),
    path(
        "moderation/<str:target_type>/<int:target_id>",
        views.target_reports,
        name="moderation_target",
    ),
    path("moderation/<str:target_type>/<int:target_id>/act", views.act, name="moderation_act"),
]
