"""Answering a search: the configured engine, or the database engine when it cannot answer."""

import logging
from collections.abc import Callable
from typing import TypeVar

from search import engines
from search.engines.base import EngineUnavailable, SearchEngine, SearchResults
from search.query import SearchQuery

logger = logging.getLogger(__name__)
LIMITED_NOTE = "Search is temporarily limited: results come from a simpler backup index."
Answer = TypeVar("Answer")


def _ask(question: Callable[[SearchEngine], Answer]) -> tuple[Answer, bool]:
    """The configured engine's answer, or the database engine's if it cannot answer (then
    True: the answer is limited)."""
    engine = engines.primary()
    try:
        return question(engine), False
    except EngineUnavailable as error:
        logger.warning("Search engine %s unavailable: %s", engine.name, error)
        return question(engines.get(engines.DATABASE)), True


def run_search(query: SearchQuery) -> SearchResults:
    results, limited = _ask(lambda engine: engine.search(query))
    if limited:
        results.notes.append(LIMITED_NOTE)
    results.notes[:0] = query.notes
    return results


def count(query: SearchQuery) -> int:
    """How many results ``run_search(query)`` would find, at a fraction of its cost."""
    return _ask(lambda engine: engine.count(query))[0]


def suggest(text: str) -> list[dict]:
    return _ask(lambda engine: engine.suggest(text))[0]
