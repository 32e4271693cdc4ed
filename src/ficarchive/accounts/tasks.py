"""The accounts app's mail, sent by the task runner like every mail of the archive. Tasks take
plain values (the database backend stores their arguments as JSON)."""

from __future__ import annotations

from django_tasks import task

from ficarchive.core.mail import send_templated_mail


@task()
def send_account_mail(to: str, name: str, context: dict) -> None:
    """One of accounts/email/<name>*: context holds only strings."""
    send_templated_mail(to, f"accounts/email/{name}", context)
