"""Draining the outbox: project each changed object and hand it to every engine."""

import logging

from django.conf import settings
from django.db import transaction

from search import projection, registry
from search.engines.database import DatabaseEngine
from search.models import OutboxEntry

logger = logging.getLogger(__name__)
BATCH_SIZE = 200


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


def drain(batch_size: int = BATCH_SIZE) -> int:
    """Deliver pending outbox entries; returns how many were delivered."""
    delivered = 0
    entries = list(OutboxEntry.objects.order_by("pk")[:batch_size])
    latest = {}
    for entry in entries:
        latest[(entry.kind, entry.object_id)] = entry  # only the newest state matters
    with projection.batch():
        documents = {
            key: project(*key) if entry.action == OutboxEntry.Action.UPSERT else None
            for key, entry in latest.items()
        }
    for (kind, object_id), entry in latest.items():
        document = documents[(kind, object_id)]
        doc_id = f"{kind}:{object_id}"
        try:
            for engine in engines():
                if document is None:
                    engine.delete([doc_id])
                else:
                    engine.upsert([document])
        except Exception as error:  # an engine down must not lose the update
            logger.warning("Search delivery of %s failed: %s", doc_id, error)
            OutboxEntry.objects.filter(kind=kind, object_id=object_id, pk__lte=entry.pk).update(
                attempts=entry.attempts + 1, last_error=str(error)[:1000]
            )
            continue
        with transaction.atomic():
            OutboxEntry.objects.filter(kind=kind, object_id=object_id, pk__lte=entry.pk).delete()
        delivered += 1
    return delivered
