"""Values computed once for a batch of work done outside a request (indexing thousands of
objects): within ``batch()``, ``shared()`` computes each value once; outside one, each time."""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
_shared_values: ContextVar[dict | None] = ContextVar("portal_batch", default=None)


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
