from django.apps import AppConfig


class BestPracticeConfig(AppConfig):
    name = "best_practice"
    verbose_name = "Best practice"
