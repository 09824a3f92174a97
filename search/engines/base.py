"""What every engine offers, and what it returns."""

import datetime
from dataclasses import dataclass, field


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
