from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "ficarchive.accounts"
    label = "accounts"

    def ready(self) -> None:
        from . import sessions  # noqa: F401  (its sign-in and sign-out receivers)
