"""Answering a search: the configured engine, or the database engine when it cannot answer."""

import logging

from django.conf import settings

from search.engines.base import EngineUnavailable, SearchResults
from search.engines.database import DatabaseEngine
from search.query import SearchQuery

logger = logging.getLogger(__name__)
LIMITED_NOTE = "Search is temporarily limited: results come from a simpler backup index."


def primary_engine():
    """Elasticsearch when ELASTICSEARCH_URL is set, otherwise the database engine."""
    if settings.ELASTICSEARCH_URL:
        from search.engines.elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine()
    return DatabaseEngine()


def run_search(query: SearchQuery) -> SearchResults:
    engine = primary_engine()
    try:
        results = engine.search(query)
    except EngineUnavailable as error:
        logger.warning("Search engine %s unavailable: %s", engine.name, error)
        results = DatabaseEngine().search(query)
        results.notes.append(LIMITED_NOTE)
    results.notes[:0] = query.notes
    return results


def suggest(text: str) -> list[dict]:
    engine = primary_engine()
    try:
        return engine.suggest(text)
    except EngineUnavailable:
        return DatabaseEngine().suggest(text)
