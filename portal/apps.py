from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.spreadsheets import protect_csv_exports

        protect_csv_exports()
