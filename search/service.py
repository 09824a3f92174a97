"""Answering a search: the configured engine, or the database engine when it cannot answer."""

import logging
from collections.abc import Callable
from dataclasses import replace
from typing import TypeVar

from search import engines, registry
from search.engines.base import SUGGESTIONS, EngineUnavailable, SearchEngine, SearchResults
from search.query import SearchQuery

logger = logging.getLogger(__name__)
LIMITED_NOTE = "Search is temporarily limited: results come from a simpler backup index."
RELAXED_NOTE = (
    "Nothing has enough of these words together. These results have some of them, the "
    "closest matches first."
)
FEW_ENOUGH = 3  # fewer results than this with enough of the words, and those with some follow


def topped_up_note(enough: int, sort: str) -> str:
    results = "1 result has" if enough == 1 else f"{enough} results have"
    rest = (
        "Results with some of them follow."
        if sort == "relevance"
        else "These results include those with some of them."
    )
    return f"Only {results} enough of these words together. {rest}"


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


def _relaxable(query: SearchQuery) -> bool:
    return not query.relaxed and query.reading().relaxable


def searched(engine: SearchEngine, query: SearchQuery) -> SearchResults:
    """The engine's results for ``query``. When fewer than ``FEW_ENOUGH`` documents have
    enough of its words together ("ways to fight stock theft" needs two of its three terms,
    and one review says "the right way" of stock theft), the results with any of them, and a
    note that says so. By relevance, those with enough of the words come first, on the first
    page (it shows them and then the relaxed first page without them). Later pages leave them
    out too, so each result is shown once, unless that would leave the last page empty."""
    results = engine.search(query)
    if results.total >= FEW_ENOUGH or not _relaxable(query):
        return results
    relaxed = engine.search(replace(query, relaxed=True))
    if relaxed.total <= results.total:
        return results
    relaxed.relaxed = True
    relaxed.enough_words = results.total
    if results.total:
        relaxed.notes.append(topped_up_note(results.total, query.sort))
        if query.sort == "relevance":
            enough = results.hits if query.page == 1 else engine.search(replace(query, page=1)).hits
            first = {hit.doc_id for hit in enough}
            others = [hit for hit in relaxed.hits if hit.doc_id not in first]
            relaxed.hits = [*enough, *others] if query.page == 1 else (others or relaxed.hits)
    else:
        relaxed.notes.append(RELAXED_NOTE)
    return relaxed


def counted(engine: SearchEngine, query: SearchQuery) -> int:
    """How many results ``searched(engine, query)`` finds, at a fraction of its cost."""
    total = engine.count(query)
    if total >= FEW_ENOUGH or not _relaxable(query):
        return total
    return max(total, engine.count(replace(query, relaxed=True)))


def run_search(query: SearchQuery) -> SearchResults:
    results, limited = _ask(lambda engine: searched(engine, query))
    if limited:
        results.notes.append(LIMITED_NOTE)
    results.notes[:0] = query.notes
    return results


def newest(query: SearchQuery) -> SearchResults:
    """The first page of ``query``'s results with enough of its words, in the order they
    appeared on the portal, the latest first: a feed announces what is new, though a report
    added today may be dated 2018. Never relaxed: a feed follows what was asked, not what a
    search offers when little matches."""
    latest_first = replace(query, sort="added", page=1, relaxed=False)
    return _ask(lambda engine: engine.search(latest_first))[0]


def count(query: SearchQuery, relax: bool = True) -> int:
    """How many results ``run_search(query)`` would find, at a fraction of its cost (without
    ``relax``: only those with enough of its words, 0 where it would be asked again)."""
    return _ask(lambda engine: counted(engine, query) if relax else engine.count(query))[0]


def suggest(text: str) -> list[dict]:
    """What the search box offers as ``text`` is typed: the objects an identifier being typed
    names (a register reference), then titles the engine finds; each once, at most eight."""
    identified = [
        suggestion
        for search_kind in registry.kinds()
        if search_kind.identified_by is not None
        for suggestion in search_kind.identified_by(text)
    ]
    titled = _ask(lambda engine: engine.suggest(text))[0] if len(identified) < SUGGESTIONS else []
    offered: dict[str, dict] = {}
    for suggestion in [*identified, *titled]:
        offered.setdefault(suggestion["url"], suggestion)
    return list(offered.values())[:SUGGESTIONS]
