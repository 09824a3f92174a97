"""Draining the outbox: the whole backlog in batches, failures kept for a retry, one drain at
a time on PostgreSQL, and the command a production timer runs."""

import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connections

from search import delivery
from search.delivery import drain
from search.models import IndexedDocument, OutboxEntry
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory

pytestmark = pytest.mark.django_db


def queue_partnerships(count: int) -> list:
    PartnershipsSectionPageFactory()
    partnerships = PartnershipFactory.create_batch(count)
    OutboxEntry.objects.all().delete()  # the factory's saves queued them once already
    OutboxEntry.objects.bulk_create(
        OutboxEntry(kind="partnership", object_id=p.pk, action="upsert") for p in partnerships
    )
    return partnerships


def test_a_backlog_larger_than_a_batch_is_delivered_in_full():
    queue_partnerships(5)

    assert drain(batch_size=2) == 5
    assert not OutboxEntry.objects.exists()
    assert IndexedDocument.objects.filter(kind="partnership").count() == 5


def test_a_failed_batch_stays_with_its_error_and_the_command_retries_it(monkeypatch):
    queue_partnerships(3)

    def refuse(documents):
        raise ConnectionError("engine down")

    engine = delivery.engines()[0]
    monkeypatch.setattr(engine, "upsert", refuse)
    monkeypatch.setattr(delivery, "engines", lambda: [engine])
    assert drain() == 0
    assert set(OutboxEntry.objects.values_list("attempts", "last_error")) == {(1, "engine down")}
    status = io.StringIO()
    call_command("search_status", stdout=status)
    assert "failing deliveries: up to 1 attempts; last error: engine down" in status.getvalue()

    monkeypatch.undo()
    out = io.StringIO()
    call_command("drain_search_outbox", stdout=out)
    assert out.getvalue().strip() == "Delivered 3; 0 still waiting in the outbox."
    assert IndexedDocument.objects.filter(kind="partnership").count() == 3


@pytest.mark.skipif(
    "postgresql" not in django_settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL: the drain lock is a PostgreSQL advisory lock",
)
def test_a_second_drain_leaves_the_work_to_the_one_running():
    queue_partnerships(2)
    other = connections.create_connection("default")
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_lock(%s)", [delivery.DRAIN_LOCK])
        assert drain() == 0
        assert OutboxEntry.objects.count() == 2
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [delivery.DRAIN_LOCK])
        assert drain() == 2
    finally:
        other.close()


def test_in_production_a_save_queues_a_task_and_the_worker_delivers_it(
    settings, django_capture_on_commit_callbacks, monkeypatch
):
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes connections between tasks; the test's transaction must stay open.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    PartnershipsSectionPageFactory()
    with django_capture_on_commit_callbacks(execute=True):
        partnership = PartnershipFactory(title="Queued for the worker")

    doc_id = f"partnership:{partnership.pk}"
    assert not IndexedDocument.objects.filter(doc_id=doc_id).exists()
    assert DBTaskResult.objects.filter(task_path="search.tasks.drain_outbox").exists()

    call_command("db_worker", batch=True, stdout=io.StringIO(), stderr=io.StringIO())

    assert IndexedDocument.objects.filter(doc_id=doc_id).exists()
    assert not OutboxEntry.objects.exists()
