from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search import sync

        # Each content app declares what it puts into search in its own search.py module.
        autodiscover_modules("search")
        sync.connect()
