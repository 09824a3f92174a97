"""Which models are searchable, how each projects itself, and what its documents are built from.

Each content app declares its searchable models in its own ``search.py`` module (discovered when
the search app is ready, as Wagtail discovers ``wagtail_hooks.py``)::

    registry.register(
        "publication", PublicationPage, label="Publication",
        project=project_publication,            # obj -> SearchDocument | None (None: not public)
        objects=lambda: PublicationPage.objects.live().public().prefetch_related(...),
        depends_on=[
            Dependency(Partnership, lambda partnership: partnership.publications.all()),
        ],
    )

A dependency names another model whose changes alter these documents and, for one of its
objects, the searchable objects built from it; saving or deleting it re-projects them.

A kind whose objects carry an identifier readers copy from elsewhere (a register reference in a
press release) may also give ``identified_by``: typed text -> suggestions (``title``, ``url``,
``kind``) of the public objects whose identifier starts with it, since suggestions otherwise
come from titles alone.

This module is a leaf: it imports nothing else of the search app, so every other module may
import it. Listening to the models' signals is wired in ``search.apps``.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import models

Projection = Callable[[Any], Any]  # an object -> its SearchDocument, or None
Dependents = Callable[[Any], "models.QuerySet | Iterable[models.Model]"]
Identified = Callable[[str], list[dict]]  # typed text -> suggestions of what it identifies


@dataclass(frozen=True)
class Dependency:
    """Documents of a kind are built (partly) from objects of ``model``; ``dependents(obj)``
    returns the searchable objects (or a queryset of them) built from ``obj``."""

    model: type[models.Model]
    dependents: Dependents


@dataclass(frozen=True)
class SearchKind:
    kind: str
    model: type[models.Model]
    label: str
    project: Projection
    objects: Callable[[], models.QuerySet]
    depends_on: tuple[Dependency, ...] = field(default_factory=tuple)
    identified_by: Identified | None = None

    def dependent_ids(self, dependency: Dependency, instance) -> list[int]:
        found = dependency.dependents(instance)
        if isinstance(found, models.QuerySet):
            return list(found.order_by().values_list("pk", flat=True).distinct())
        return sorted({obj.pk for obj in found if obj is not None})


_KINDS: dict[str, SearchKind] = {}


def register(
    kind: str,
    model: type[models.Model],
    *,
    label: str,
    project: Projection,
    objects: Callable[[], models.QuerySet] | None = None,
    depends_on: Iterable[Dependency] = (),
    identified_by: Identified | None = None,
) -> SearchKind:
    search_kind = SearchKind(
        kind=kind,
        model=model,
        label=label,
        project=project,
        objects=objects or model._default_manager.all,
        depends_on=tuple(depends_on),
        identified_by=identified_by,
    )
    _KINDS[kind] = search_kind
    return search_kind


def kinds() -> list[SearchKind]:
    return list(_KINDS.values())


def kind_for_model(model) -> SearchKind | None:
    for search_kind in _KINDS.values():
        if issubclass(model, search_kind.model):
            return search_kind
    return None


def get_kind(kind: str) -> SearchKind | None:
    return _KINDS.get(kind)


def dependencies_on(model) -> list[tuple[SearchKind, Dependency]]:
    """Every (kind, dependency) whose documents are built from objects of ``model``."""
    return [
        (search_kind, dependency)
        for search_kind in _KINDS.values()
        for dependency in search_kind.depends_on
        if issubclass(model, dependency.model)
    ]


def watched_models() -> set[type[models.Model]]:
    """The models whose saves and deletes can change some document."""
    found = {search_kind.model for search_kind in _KINDS.values()}
    found.update(d.model for search_kind in _KINDS.values() for d in search_kind.depends_on)
    return found
