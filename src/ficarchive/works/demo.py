"""Demo content: accounts (and, as the works app grows, their works)."""

from __future__ import annotations

from django.db import transaction

from ficarchive.accounts.models import User
from ficarchive.accounts.services import create_account

DEMO_PASSWORD = "demo password 123"
DEMO_AUTHORS = ["quillfeather", "moonlitmoth", "paperlantern"]


@transaction.atomic
def load_demo() -> int:
    created = 0
    for name in DEMO_AUTHORS:
        if not User.objects.filter(username=name).exists():
            create_account(username=name, email=f"{name}@demo.invalid", password=DEMO_PASSWORD)
            created += 1
    return created
