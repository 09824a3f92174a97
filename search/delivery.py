"""Draining the outbox: project each changed object and hand it to every engine."""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.db.models import F

from search import projection, registry
from search.engines.database import DatabaseEngine
from search.models import OutboxEntry

logger = logging.getLogger(__name__)
BATCH_SIZE = 200
DRAIN_LOCK = 0x5EA2C4  # the advisory lock key of the outbox drain ("search")


def engines() -> list:
    """The engines to keep current: the database engine always (it is the fallback), and
    Elasticsearch when it is configured."""
    if settings.ELASTICSEARCH_URL:
        from search.engines.elasticsearch import ElasticsearchEngine

        return [DatabaseEngine(), ElasticsearchEngine()]
    return [DatabaseEngine()]


def project(kind: str, object_id: int):
    """The object's search document, or None if it is gone or not public now."""
    search_kind = registry.get_kind(kind)
    if search_kind is None:
        return None
    instance = search_kind.model._default_manager.filter(pk=object_id).first()
    if instance is None:
        return None
    return instance.search_document()


@contextmanager
def _sole_drain():
    """True when no other drain runs. Two drains at once could deliver an older projection
    after a newer one; on PostgreSQL a session advisory lock lets only one run (SQLite
    serialises writers itself, and production runs PostgreSQL)."""
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
    """Deliver the outbox, oldest first, a batch at a time; returns how many objects were
    delivered. A batch an engine refuses stays in the outbox with the error, and the drain
    stops there: the next drain (the next change, or ``drain_search_outbox``) retries it.
    If another drain is running, this one leaves the work to it."""
    with _sole_drain() as sole:
        return _drain(batch_size) if sole else 0


def _drain(batch_size: int) -> int:
    delivered = 0
    while entries := list(OutboxEntry.objects.order_by("pk")[:batch_size]):
        try:
            delivered += _deliver(entries)
        except Exception as error:  # an engine down must not lose the update
            logger.warning("Search delivery of %d outbox entries failed: %s", len(entries), error)
            OutboxEntry.objects.filter(pk__in=[entry.pk for entry in entries]).update(
                attempts=F("attempts") + 1, last_error=str(error)[:1000]
            )
            break
    return delivered


def _deliver(entries: list[OutboxEntry]) -> int:
    latest = {}
    for entry in entries:
        latest[(entry.kind, entry.object_id)] = entry  # only the newest state matters
    with projection.batch():
        documents = {
            (kind, object_id): project(kind, object_id)
            if entry.action == OutboxEntry.Action.UPSERT
            else None
            for (kind, object_id), entry in latest.items()
        }
    current = [document for document in documents.values() if document is not None]
    gone = [f"{kind}:{object_id}" for (kind, object_id), doc in documents.items() if doc is None]
    for engine in engines():
        if current:
            engine.upsert(current)
        if gone:
            engine.delete(gone)
    OutboxEntry.objects.filter(pk__in=[entry.pk for entry in entries]).delete()
    return len(latest)
