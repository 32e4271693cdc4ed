from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ficarchive.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth.models import Group
        from django.db.models import Exists, OuterRef

        from . import reader_parts, sessions  # noqa: F401  (sessions: sign-in, sign-out receivers)
        from .models import WRANGLERS

        reader_parts.register(
            WRANGLERS,
            lambda: Exists(Group.objects.filter(name=WRANGLERS, user=OuterRef("user_id"))),
        )
