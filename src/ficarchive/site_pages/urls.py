from django.urls import path

from . import invitation_views, news_views, page_views, support_views

urlpatterns = [
    path("news", news_views.news_index, name="news_index"),
    path("news/feed", news_views.news_feed, name="news_feed"),
    path("news/<int:post_id>", news_views.news_post, name="news_post"),
    path("news/<int:post_id>/comments", news_views.post_news_comment, name="post_news_comment"),
    path("news/comments/<int:comment_id>/delete", news_views.delete_news_comment,
         name="delete_news_comment"),
    path("faq", page_views.faq_index, name="faq_index"),
    path("faq/<slug:slug>", page_views.faq_page, name="faq_page"),
    path("terms", page_views.terms, name="terms"),
    path("terms/accept", page_views.accept_terms, name="accept_terms"),
    path("content-policy", page_views.content_policy, name="content_policy"),
    path("support", support_views.support_form, name="support"),
    path("support/thanks", support_views.support_thanks, name="support_thanks"),
    path("moderation/support/<int:request_id>", support_views.support_request,
         name="support_request"),
    path("invitations/queue", invitation_views.invitation_queue, name="invitation_queue"),
    path("invitations/queue/<str:token>", invitation_views.queue_status, name="queue_status"),
    path("invitations", invitation_views.my_invitations, name="my_invitations"),
    path("invitations/<int:invitation_id>/send", invitation_views.send_invitation,
         name="send_invitation"),
]  # fmt: skip
