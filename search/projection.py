"""Helpers for the ``search_document()`` projection methods that apps write.

Projecting thousands of objects at once (a rebuild, a large outbox) runs inside ``batch()``:
lookups that every projection needs, such as which pages are private, are then made once per
batch through ``shared()`` instead of once per object.
"""

import html
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from django.utils.html import strip_tags
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

T = TypeVar("T")
_shared_values: ContextVar[dict | None] = ContextVar("search_projection_batch", default=None)


@contextmanager
def batch() -> Iterator[None]:
    """Within the block, ``shared()`` computes each value once."""
    token = _shared_values.set({})
    try:
        yield
    finally:
        _shared_values.reset(token)


def shared(key: str, compute: Callable[[], T]) -> T:
    """``compute()``, remembered for the current batch (outside a batch, computed each time)."""
    values = _shared_values.get()
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


def is_publicly_visible(page: Page) -> bool:
    """Live, and neither it nor an ancestor restricted to some readers."""
    if not page.live:
        return False
    restricted_paths = shared(
        "restricted-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )
    return not any(page.path.startswith(path) for path in restricted_paths)


def is_document_public(document) -> bool:
    """Anyone may download it: neither its collection nor an ancestor collection is restricted
    (the rule Wagtail applies when it serves a document)."""
    restricted_paths = shared(
        "restricted-collection-paths",
        lambda: list(CollectionViewRestriction.objects.values_list("collection__path", flat=True)),
    )
    path = document.collection.path
    return not any(path.startswith(restricted) for restricted in restricted_paths)


def collections_under(restriction: CollectionViewRestriction):
    """The collections a collection restriction covers: its own and every one below it."""
    return restriction.collection.get_descendants(inclusive=True)


def stream_text(stream_value) -> str:
    """The readable text of a StreamField value, without markup: a tag becomes a space, so
    "<p>partner</p><p>Review</p>" reads "partner Review", and entities become characters."""
    if not stream_value:
        return ""
    text = " ".join(str(block.render()) for block in stream_value)
    return " ".join(html.unescape(strip_tags(text.replace("<", " <"))).split())
