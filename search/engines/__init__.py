"""Search engines: the database engine always; Elasticsearch when ELASTICSEARCH_URL is set.

Every engine is kept current on its own (see ``search.delivery``): the database engine answers
whenever Elasticsearch cannot, so it must never wait for Elasticsearch.
"""

import functools

from django.conf import settings

from search.engines.base import SearchEngine

DATABASE = "database"
ELASTICSEARCH = "elasticsearch"


def configured() -> list[str]:
    """The names of the engines to keep current, the database engine first."""
    return [DATABASE, ELASTICSEARCH] if settings.ELASTICSEARCH_URL else [DATABASE]


def get(name: str) -> SearchEngine:
    if name == DATABASE:
        from search.engines.database import DatabaseEngine

        return DatabaseEngine()
    if name == ELASTICSEARCH:
        return _elasticsearch(
            settings.ELASTICSEARCH_URL,
            f"{settings.ELASTICSEARCH_INDEX_PREFIX}documents",
            float(getattr(settings, "ELASTICSEARCH_TIMEOUT", 5)),
        )
    raise LookupError(f"No search engine is called {name!r}.")


@functools.cache
def _elasticsearch(url: str, alias: str, timeout: float) -> SearchEngine:
    """One engine, so one client and its connection pool, per configuration and process."""
    from search.engines.elasticsearch import ElasticsearchEngine

    return ElasticsearchEngine(url=url, alias=alias, timeout=timeout)


def all_configured() -> list[SearchEngine]:
    return [get(name) for name in configured()]


def primary() -> SearchEngine:
    """The engine that answers readers: Elasticsearch when configured, else the database."""
    return get(configured()[-1])
