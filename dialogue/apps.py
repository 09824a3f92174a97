from django.apps import AppConfig


class DialogueConfig(AppConfig):
    name = "dialogue"
    verbose_name = "National dialogue"
