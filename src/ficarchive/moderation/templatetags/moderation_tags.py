from django import template

from ficarchive.moderation import services

register = template.Library()


@register.simple_tag
def hiding_note(work) -> str:
    """Why a hidden work is hidden, for the notice its creators read on its page."""
    return services.hiding_note(work)
