"""What every engine offers, and what it returns."""

import datetime
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from search.documents import SearchDocument

if TYPE_CHECKING:
    from search.query import SearchQuery


SUGGESTIONS = 8  # how many suggestions the search box offers at most


class EngineUnavailable(Exception):
    """The engine cannot answer now (server down, timeout); the caller falls back."""


@dataclass
class Hit:
    doc_id: str
    kind: str
    title: str
    url: str
    summary: str
    date: datetime.date | None
    highlight: str = ""
    added: datetime.datetime | None = None  # SearchDocument.added


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    engine: str = ""
    notes: list[str] = field(default_factory=list)
    # Fewer than a few documents had enough of the words: these have some (search.service),
    # the first ``enough_words`` of them enough.
    relaxed: bool = False
    enough_words: int = 0


class Rebuild(Protocol):
    """One rebuild of an engine's index: documents written as they are projected, then
    ``finish`` makes the result what readers search."""

    def write(self, documents: list[SearchDocument]) -> dict[str, str]: ...

    def finish(self, seen: set[str]) -> int:
        """Make the rebuilt index live; ``seen`` are the doc ids written. Returns how many stale
        documents were dropped."""
        ...


class SearchEngine(Protocol):
    """What the delivery, the rebuild, the search page and ``search_status`` need of an engine."""

    name: str

    def upsert(self, documents: list[SearchDocument]) -> dict[str, str]:
        """Store these documents (replacing earlier copies). Returns the ones the engine refused
        as {doc_id: reason}; raises EngineUnavailable if it could not be reached at all."""
        ...

    def delete(self, doc_ids: list[str]) -> None: ...

    def search(self, query: "SearchQuery") -> SearchResults: ...

    def count(self, query: "SearchQuery") -> int:
        """How many documents ``search`` would find (its ``total``), without ranking, facets,
        hits or snippets."""
        ...

    def suggest(self, text: str) -> list[dict]: ...

    def count_by_kind(self) -> dict[str, int]: ...

    def start_rebuild(self) -> Rebuild: ...

    def describe(self) -> list[str]:
        """Lines for ``search_status`` about how this engine indexes (analysis, index name)."""
        ...
