"""Draining the outbox: each engine receives its own rows, a batch at a time.

- An engine that cannot be reached keeps its rows (with the error) and stops its own drain; the
  other engines go on, so the database engine stays current while Elasticsearch is down and
  Elasticsearch catches up once it is back.
- A document that cannot be projected, or that an engine refuses, fails on its own: its rows are
  retried with a growing delay and, after ``MAX_ATTEMPTS``, parked as failed (``search_status``,
  the admin's *Reports → Search deliveries* and the log show them). The queue never stalls on it.
- Delivery always projects the object's current state, so rows can be delivered in any order
  and retried any number of times. On PostgreSQL one drain runs at a time, so an older
  projection can never overwrite a newer one.
"""

import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import connection
from django.db.models import F, Q
from django.utils import timezone

from portal import page_cache
from search import engines, projection, registry
from search.engines.base import EngineUnavailable, SearchEngine
from search.models import OutboxEntry

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
MAX_ATTEMPTS = 5  # a failing document is retried after 1, 2, 4 and 8 minutes, then parked
KEEP_DELIVERED = datetime.timedelta(days=1)
DRAIN_LOCK = 0x5EA2C4  # the advisory lock key of the outbox drain ("search")


class ProjectionError(Exception):
    """A registered projection raised: a fault in that one document, not in an engine."""


def project(kind: str, object_id: int):
    """The object's search document, or None if it is gone or not public now. The object is
    read as a rebuild reads it (the kind's ``objects()``: what may be indexed, with the
    relations its projection reads), so a delivery and a rebuild agree."""
    search_kind = registry.get_kind(kind)
    if search_kind is None:
        return None
    instance = search_kind.objects().filter(pk=object_id).first()
    if instance is None:
        return None
    try:
        return search_kind.project(instance)
    except Exception as error:
        raise ProjectionError(f"{type(error).__name__}: {error}") from error


@contextmanager
def _sole_drain() -> Iterator[bool]:
    """True when no other drain runs (a PostgreSQL session advisory lock; SQLite serialises
    writers itself, and production runs PostgreSQL)."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [DRAIN_LOCK])
        (locked,) = cursor.fetchone()
    try:
        yield locked
    finally:
        if locked:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [DRAIN_LOCK])


def drain(batch_size: int = BATCH_SIZE) -> int:
    """Deliver every engine's waiting rows; returns how many documents were delivered (counted
    once per engine). If another drain is running, this one leaves the work to it."""
    with _sole_drain() as sole:
        if not sole:
            return 0
        delivered = sum(
            _drain_engine(engines.get(name), batch_size) for name in engines.configured()
        )
        if delivered:
            page_cache.bump()  # cached search answers predate what the index now holds
        OutboxEntry.objects.filter(
            status=OutboxEntry.Status.DELIVERED, delivered_at__lt=timezone.now() - KEEP_DELIVERED
        ).delete()
        return delivered


def _due(engine_name: str):
    now = timezone.now()
    return OutboxEntry.waiting().filter(
        Q(retry_at__isnull=True) | Q(retry_at__lte=now), engine=engine_name
    )


def _drain_engine(engine: SearchEngine, batch_size: int) -> int:
    delivered = 0
    while rows := list(_due(engine.name).order_by("pk")[:batch_size]):
        try:
            delivered += _deliver(engine, rows)
        except Exception as error:  # the engine failed as a whole: its rows wait for it
            log = logger.warning if isinstance(error, EngineUnavailable) else logger.exception
            log("Search engine %s failed; %d changes wait: %s", engine.name, len(rows), error)
            OutboxEntry.objects.filter(pk__in=[row.pk for row in rows]).update(
                attempts=F("attempts") + 1, last_error=str(error)[:1000]
            )
            break
    return delivered


def _deliver(engine: SearchEngine, rows: list[OutboxEntry]) -> int:
    keys = {(row.kind, row.object_id) for row in rows}  # one delivery per object
    documents, failures = {}, {}
    # Shared lookups (private page paths...) are read once per batch, after its rows: a batch
    # never projects with privacy older than the changes it delivers.
    with projection.batch():
        for kind, object_id in keys:
            try:
                documents[f"{kind}:{object_id}"] = project(kind, object_id)
            except ProjectionError as error:
                failures[f"{kind}:{object_id}"] = str(error)
    current = [doc for doc in documents.values() if doc is not None]
    gone = [doc_id for doc_id, doc in documents.items() if doc is None]
    if current:
        failures.update(engine.upsert(current))
    if gone:
        engine.delete(gone)
    _record(rows, failures, engine.name)
    return len(documents) - len(set(failures) & set(documents))


def _record(rows: list[OutboxEntry], failures: dict[str, str], engine_name: str) -> None:
    now = timezone.now()
    done = [row.pk for row in rows if row.doc_id not in failures]
    OutboxEntry.objects.filter(pk__in=done).update(
        status=OutboxEntry.Status.DELIVERED, delivered_at=now, retry_at=None
    )
    for row in rows:
        if row.doc_id not in failures:
            continue
        attempts = row.attempts + 1
        error = failures[row.doc_id][:1000]
        if attempts >= MAX_ATTEMPTS:
            logger.error(
                "Search gave up delivering %s to %s after %d attempts: %s",
                row.doc_id,
                engine_name,
                attempts,
                error,
            )
            changes = {"status": OutboxEntry.Status.FAILED, "retry_at": None}
        else:
            logger.warning("Search could not deliver %s to %s: %s", row.doc_id, engine_name, error)
            changes = {"retry_at": now + datetime.timedelta(minutes=2 ** (attempts - 1))}
        OutboxEntry.objects.filter(pk=row.pk).update(attempts=attempts, last_error=error, **changes)


def retry_failed() -> int:
    """Put the parked rows back in the queue (after the fault is fixed); returns how many."""
    return OutboxEntry.given_up().update(
        status=OutboxEntry.Status.PENDING, attempts=0, retry_at=None
    )
