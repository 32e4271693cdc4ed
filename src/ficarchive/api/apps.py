from django.apps import AppConfig


class ApiConfig(AppConfig):
    name = "ficarchive.api"
    label = "api"
    verbose_name = "API"

    def ready(self) -> None:
        from ficarchive.exports import account_parts

        from .services import tokens_of

        account_parts.register("api_tokens", tokens_of)
