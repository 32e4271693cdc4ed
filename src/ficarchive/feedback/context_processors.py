from django.utils.functional import SimpleLazyObject

from .services.inbox import unread_count


def inbox(request):
    """How many inbox items the reader hasn't read, counted only when a template asks."""
    return {"inbox_unread": SimpleLazyObject(lambda: unread_count(request.user))}
