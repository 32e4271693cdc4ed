from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "ficarchive.imports"
    label = "imports"
