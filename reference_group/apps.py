from django.apps import AppConfig


class ReferenceGroupConfig(AppConfig):
    name = "reference_group"
    verbose_name = "Reference groups"
