"""The search facets, declared once: every engine, the query parser, the page and its JSON read
this declaration (name, the document values it holds, its labels and the values it accepts)."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from portal.taxonomy import Province, Setting, StrategyCategory
from search import registry
from search.documents import SearchDocument

REFERENCE = re.compile(r"^[A-Z0-9][A-Z0-9-]{0,29}$")

_EXTRA_LABELS: dict[str, dict[str, str]] = {}


def register_labels(facet: str, choices) -> None:
    """An app names the values it puts into a facet, e.g. evidence ratings."""
    _EXTRA_LABELS.setdefault(facet, {}).update({str(value): str(label) for value, label in choices})


def _registered(facet: str) -> Callable[[], dict[str, str]]:
    return lambda: dict(_EXTRA_LABELS.get(facet, {}))


def _kinds() -> dict[str, str]:
    return {kind.kind: kind.label for kind in registry.kinds()}


def _year(value: str) -> str | None:
    return value if value.isdigit() and 1900 <= int(value) <= 2100 else None


def _reference(value: str) -> str | None:
    value = value.upper()
    return value if REFERENCE.match(value) else None


@dataclass(frozen=True)
class Facet:
    name: str  # the URL parameter and the index field
    title: str  # its heading on the search page
    values: Callable[[SearchDocument], list[str]]  # what one document contributes
    labels: Callable[[], dict[str, str]]  # value -> label (values without one show as they are)
    # A value from a URL, normalised, or None if the facet cannot hold it. By default a facet
    # accepts exactly the values it has labels for.
    accept: Callable[[str], str | None] | None = None

    def accepts(self, value: str) -> str | None:
        if self.accept is not None:
            return self.accept(value)
        return value if value in self.labels() else None

    def label(self, value: str) -> str:
        return self.labels().get(value, value)


FACETS: tuple[Facet, ...] = (
    Facet("kind", "Type", lambda doc: [doc.kind], _kinds),
    Facet("province", "Province", lambda doc: doc.provinces, lambda: dict(Province.choices)),
    Facet("setting", "Setting", lambda doc: doc.settings, lambda: dict(Setting.choices)),
    Facet(
        "category", "Strategy", lambda doc: doc.categories, lambda: dict(StrategyCategory.choices)
    ),
    Facet(
        "rating",
        "Evidence rating",
        lambda doc: [doc.rating] if doc.rating else [],
        _registered("rating"),
    ),
    Facet(
        "year",
        "Year",
        lambda doc: [str(doc.date.year)] if doc.date else [],
        dict,
        accept=_year,
    ),
    Facet(
        "partnership",
        "Partnership",
        lambda doc: doc.partnerships,
        dict,
        accept=_reference,
    ),
)
FACET_NAMES: tuple[str, ...] = tuple(facet.name for facet in FACETS)
BY_NAME: dict[str, Facet] = {facet.name: facet for facet in FACETS}


def facet_values(document: SearchDocument) -> dict[str, list[str]]:
    """Each facet's values for one document."""
    return {facet.name: list(facet.values(document)) for facet in FACETS}


def facet_labels() -> dict[str, dict[str, str]]:
    return {facet.name: facet.labels() for facet in FACETS}


def label_text(document: SearchDocument) -> list[str]:
    """The labels of the document's facet values, as words a reader may type (for the
    partnership facet, the names of the public partnerships its references stand for)."""
    found = []
    for facet in FACETS:
        if facet.name in ("year", "partnership"):
            continue  # numbers and register references, not words
        labels = facet.labels()
        found.extend(labels[value] for value in facet.values(document) if value in labels)
    return found + list(document.partnership_names)
