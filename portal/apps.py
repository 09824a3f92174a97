from django.apps import AppConfig


class PortalConfig(AppConfig):
    name = "portal"
    verbose_name = "Portal"

    def ready(self):
        from portal.page_cache import connect_signals
        from portal.spreadsheets import protect_csv_exports

        protect_csv_exports()
        connect_signals()
