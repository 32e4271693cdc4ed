from django.urls import path, re_path

from . import views
from .api import api

urlpatterns = [
    path("tokens", views.tokens, name="api_tokens"),
    path("tokens/<int:token_id>/revoke", views.revoke, name="api_token_revoke"),
    path("docs", views.docs, name="api_docs"),
    path("", api.urls),
    re_path(r"^(?P<rest>.*)$", views.not_found, name="api_not_found"),
]
