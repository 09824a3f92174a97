"""Which models are searchable, under which kind, and how each projects itself.

A model joins search with one projection method, ``search_document(self) -> SearchDocument |
None`` (None: not publicly searchable now), and one registration line in its app's
``wagtail_hooks.py``: ``search.registry.register("kind", Model, label="...")``.
"""

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class SearchKind:
    kind: str
    model: type[models.Model]
    label: str


_KINDS: dict[str, SearchKind] = {}


def register(kind: str, model: type[models.Model], *, label: str) -> None:
    if not hasattr(model, "search_document"):
        raise TypeError(f"{model.__name__} needs a search_document() method to be searchable.")
    _KINDS[kind] = SearchKind(kind=kind, model=model, label=label)
    from search import sync

    sync.watch(model)


def kinds() -> list[SearchKind]:
    return list(_KINDS.values())


def kind_for_model(model) -> SearchKind | None:
    for search_kind in _KINDS.values():
        if issubclass(model, search_kind.model):
            return search_kind
    return None


def get_kind(kind: str) -> SearchKind | None:
    return _KINDS.get(kind)
