"""Answering a search: the configured engine, or the database engine when it cannot answer."""

import logging

from search import engines
from search.engines.base import EngineUnavailable, SearchResults
from search.query import SearchQuery

logger = logging.getLogger(__name__)
LIMITED_NOTE = "Search is temporarily limited: results come from a simpler backup index."


def run_search(query: SearchQuery) -> SearchResults:
    engine = engines.primary()
    try:
        results = engine.search(query)
    except EngineUnavailable as error:
        logger.warning("Search engine %s unavailable: %s", engine.name, error)
        results = engines.get(engines.DATABASE).search(query)
        results.notes.append(LIMITED_NOTE)
    results.notes[:0] = query.notes
    return results


def count(query: SearchQuery) -> int:
    """How many results ``run_search(query)`` would find, at a fraction of its cost."""
    engine = engines.primary()
    try:
        return engine.count(query)
    except EngineUnavailable as error:
        logger.warning("Search engine %s unavailable: %s", engine.name, error)
        return engines.get(engines.DATABASE).count(query)


def suggest(text: str) -> list[dict]:
    engine = engines.primary()
    try:
        return engine.suggest(text)
    except EngineUnavailable:
        return engines.get(engines.DATABASE).suggest(text)
