"""Mail as template sets: <name>_subject.txt, <name>.txt and <name>.html, sent as one message
with a plain-text and an HTML part. Every app's mail goes through here, from a task."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from .site_settings import site_name


def absolute(path: str) -> str:
    """A full link when the operator set SITE_URL, else the path."""
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}"


def send_templated_mail(to: str, template: str, context: dict) -> None:
    """`template` names the set without its ending, e.g. "accounts/email/email_change"."""
    context = {"SITE_NAME": site_name(), **context}
    subject = render_to_string(f"{template}_subject.txt", context)
    text = render_to_string(f"{template}.txt", context)
    html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()
