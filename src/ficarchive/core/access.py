"""Pages for one role (wranglers, moderators): guests go to the login page, signed-in people
without the role get 403 with a message, and the answers are never cached."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.views.decorators.cache import never_cache


def role_required(has_role: Callable[[object], bool], refusal: str):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not has_role(request.user):
                raise PermissionDenied(refusal)
            return never_cache(view)(request, *args, **kwargs)

        return wrapped

    return decorator
