from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search"

    def ready(self):
        from portal.page_cache import served_from_cache
        from search import statistics, sync

        # Each content app declares what it puts into search in its own search.py module.
        autodiscover_modules("search")
        sync.connect()
        served_from_cache.connect(statistics.count_cached_search, dispatch_uid="count_cached")
