"""Mail as template sets: <name>_subject.txt, <name>.txt and <name>.html under feedback/email/."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string


def absolute(path: str) -> str:
    """A full link when the operator set SITE_URL, else the path."""
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    return f"{base}{path}"


def send_templated_mail(to: str, name: str, context: dict) -> None:
    context = {"SITE_NAME": settings.SITE_NAME, **context}
    subject = render_to_string(f"feedback/email/{name}_subject.txt", context)
    text = render_to_string(f"feedback/email/{name}.txt", context)
    html = render_to_string(f"feedback/email/{name}.html", context)
    message = EmailMultiAlternatives(" ".join(subject.split()), text, to=[to])
    message.attach_alternative(html, "text/html")
    message.send()
