"""Answering a search: the configured engine, or the database engine when it cannot answer."""

import logging

from search.engines.base import EngineUnavailable, SearchResults
from search.engines.database import DatabaseEngine
from search.query import SearchQuery

logger = logging.getLogger(__name__)
LIMITED_NOTE = "Search is temporarily limited: results come from a simpler backup index."


def primary_engine():
    """The engine readers are served from. Elasticsearch arrives with its own issue; until
    then, and whenever it is not configured, the database engine answers."""
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
