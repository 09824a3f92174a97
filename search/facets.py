"""Labels for facet values: shared vocabularies here, app vocabularies registered by apps."""

from portal.taxonomy import Province, Setting, StrategyCategory
from search import registry

_EXTRA_LABELS: dict[str, dict[str, str]] = {}


def register_labels(facet: str, choices) -> None:
    """An app names the values it puts into a facet, e.g. evidence ratings."""
    _EXTRA_LABELS.setdefault(facet, {}).update({str(value): str(label) for value, label in choices})


def known_values(facet: str) -> list[str]:
    return list(_EXTRA_LABELS.get(facet, {}))


def facet_labels() -> dict[str, dict[str, str]]:
    return {
        "kind": {kind.kind: kind.label for kind in registry.kinds()},
        "province": dict(Province.choices),
        "setting": dict(Setting.choices),
        "category": dict(StrategyCategory.choices),
        **_EXTRA_LABELS,
    }
