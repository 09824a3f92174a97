"""Draining the outbox: each engine on its own, failures isolated to their document, retries
with backoff and a parking place, one drain per transaction, one drain at a time on PostgreSQL,
and the command a production timer runs."""

import dataclasses
import datetime
import io

import pytest
from django.conf import settings as django_settings
from django.core.management import call_command
from django.db import connections
from django.utils import timezone

from search import delivery, engines, registry
from search.delivery import MAX_ATTEMPTS, drain
from search.engines.base import EngineUnavailable
from search.engines.database import DatabaseEngine
from search.models import IndexedDocument, OutboxEntry
from search.sync import enqueue
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory

pytestmark = pytest.mark.django_db


def queue_partnerships(count: int) -> list:
    PartnershipsSectionPageFactory()
    partnerships = PartnershipFactory.create_batch(count)
    OutboxEntry.objects.all().delete()  # the factory's saves queued them once already
    enqueue("partnership", [p.pk for p in partnerships])
    return partnerships


class RecordingEngine:
    """A second engine that stores documents in memory, or is down while ``down`` is set."""

    name = "elasticsearch"

    def __init__(self):
        self.documents, self.down, self.calls = {}, False, 0

    def upsert(self, documents):
        self.calls += 1
        if self.down:
            raise EngineUnavailable("connection refused")
        self.documents.update({doc.doc_id: doc for doc in documents})
        return {}

    def delete(self, doc_ids):
        if self.down:
            raise EngineUnavailable("connection refused")
        for doc_id in doc_ids:
            self.documents.pop(doc_id, None)


@pytest.fixture
def second_engine(settings, monkeypatch):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    engine = RecordingEngine()
    monkeypatch.setattr(
        engines, "get", lambda name: engine if name == "elasticsearch" else DatabaseEngine()
    )
    return engine


def test_a_backlog_larger_than_a_batch_is_delivered_in_full():
    queue_partnerships(5)

    assert drain(batch_size=2) == 5
    assert not OutboxEntry.waiting().exists()
    assert IndexedDocument.objects.filter(kind="partnership").count() == 5


def test_the_database_engine_stays_current_while_the_other_engine_is_down(second_engine):
    second_engine.down = True
    partnerships = queue_partnerships(7)

    assert drain(batch_size=2) == 7  # every batch reached the database engine

    assert IndexedDocument.objects.filter(kind="partnership").count() == 7
    assert second_engine.calls == 1  # it stopped at the first refusal, not once per batch
    waiting = OutboxEntry.waiting()
    assert set(waiting.values_list("engine", flat=True)) == {"elasticsearch"}
    assert waiting.count() == 7
    assert set(waiting.filter(attempts=1).values_list("last_error", flat=True)) == {
        "connection refused"
    }

    second_engine.down = False  # back: the next drain catches it up
    assert drain(batch_size=2) == 7
    assert set(second_engine.documents) == {f"partnership:{p.pk}" for p in partnerships}
    assert not OutboxEntry.waiting().exists()


def test_a_document_that_cannot_be_projected_fails_alone_and_is_parked(monkeypatch, caplog):
    partnerships = queue_partnerships(3)
    poison = partnerships[1]
    kind = registry.get_kind("partnership")
    original = kind.project

    def project(partnership):
        if partnership.pk == poison.pk:
            raise ValueError("broken field")
        return original(partnership)

    monkeypatch.setitem(registry._KINDS, "partnership", dataclasses.replace(kind, project=project))

    assert drain() == 2
    assert IndexedDocument.objects.filter(kind="partnership").count() == 2
    row = OutboxEntry.waiting().get()
    assert (row.object_id, row.attempts) == (poison.pk, 1)
    assert "ValueError: broken field" in row.last_error
    assert row.retry_at > timezone.now()  # not retried at once...

    assert drain() == 0  # ...so the next drain leaves it alone
    for attempt in range(2, MAX_ATTEMPTS + 1):
        OutboxEntry.objects.filter(pk=row.pk).update(retry_at=timezone.now())
        drain()
        row.refresh_from_db()
        assert row.attempts == attempt
    assert row.status == OutboxEntry.Status.FAILED  # parked after the last attempt
    assert f"gave up delivering partnership:{poison.pk}" in caplog.text

    status = io.StringIO()
    call_command("search_status", stdout=status)
    assert f"partnership:{poison.pk} to database, {MAX_ATTEMPTS} attempts" in status.getvalue()

    monkeypatch.undo()  # the fault is fixed: an editor queues it again
    out = io.StringIO()
    call_command("drain_search_outbox", "--retry-failed", stdout=out, stderr=io.StringIO())
    assert "1 given-up deliveries queued again" in out.getvalue()
    assert IndexedDocument.objects.filter(doc_id=f"partnership:{poison.pk}").exists()


def test_a_refused_document_fails_alone(monkeypatch):
    partnerships = queue_partnerships(2)
    refused_id = f"partnership:{partnerships[0].pk}"
    original = DatabaseEngine.upsert

    def upsert(self, documents):
        original(self, [doc for doc in documents if doc.doc_id != refused_id])
        return {refused_id: "mapper_parsing_exception: bad"}

    monkeypatch.setattr(DatabaseEngine, "upsert", upsert)
    assert drain() == 1
    row = OutboxEntry.waiting().get()
    assert (row.doc_id, row.last_error) == (refused_id, "mapper_parsing_exception: bad")


def test_an_engine_failure_keeps_the_rows_and_the_command_retries_them(monkeypatch):
    queue_partnerships(3)

    def refuse(self, documents):
        raise ConnectionError("engine down")

    monkeypatch.setattr(DatabaseEngine, "upsert", refuse)
    assert drain() == 0
    assert set(OutboxEntry.waiting().values_list("attempts", "last_error")) == {(1, "engine down")}
    status = io.StringIO()
    call_command("search_status", stdout=status)
    assert "failing deliveries: up to 1 attempts; last error: engine down" in status.getvalue()

    monkeypatch.undo()
    out = io.StringIO()
    call_command("drain_search_outbox", stdout=out)
    assert out.getvalue().strip() == "Delivered 3; 0 still waiting in the outbox."
    assert IndexedDocument.objects.filter(kind="partnership").count() == 3


def test_delivered_rows_are_kept_a_day_then_pruned():
    queue_partnerships(2)
    drain()
    assert OutboxEntry.objects.filter(status=OutboxEntry.Status.DELIVERED).count() == 2

    OutboxEntry.objects.update(delivered_at=timezone.now() - datetime.timedelta(days=2))
    drain()
    assert not OutboxEntry.objects.exists()


def test_one_transaction_queues_one_drain_and_writes_its_rows_in_bulk(
    django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    with django_capture_on_commit_callbacks() as callbacks:
        PartnershipsSectionPageFactory()
        partnerships = PartnershipFactory.create_batch(4)  # four saves, each queues its rows
        for partnership in partnerships:
            partnership.save()
        with django_assert_max_num_queries(1):
            enqueue("partnership", [p.pk for p in partnerships])
    assert len(callbacks) == 1


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
        assert OutboxEntry.waiting().count() == 2
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
    assert DBTaskResult.objects.filter(task_path="search.tasks.drain_outbox").count() == 1

    with django_capture_on_commit_callbacks(execute=True):  # a second commit before the worker
        partnership.save()
    assert DBTaskResult.objects.filter(task_path="search.tasks.drain_outbox").count() == 1

    call_command("db_worker", batch=True, stdout=io.StringIO(), stderr=io.StringIO())

    assert IndexedDocument.objects.filter(doc_id=doc_id).exists()
    assert not OutboxEntry.waiting().exists()


def test_the_deliveries_report_lists_given_up_documents_and_queues_them_again(client):
    from django.contrib.auth import get_user_model

    partnerships = queue_partnerships(1)
    OutboxEntry.objects.update(
        status=OutboxEntry.Status.FAILED, attempts=MAX_ATTEMPTS, last_error="ValueError: broken"
    )
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    client.force_login(editor)  # no permission on search deliveries
    assert client.get("/admin/reports/search-deliveries/").status_code in (302, 403)

    boss = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(boss)
    page = client.get("/admin/reports/search-deliveries/").content.decode()
    assert f"partnership:{partnerships[0].pk}" in page and "ValueError: broken" in page

    response = client.post("/admin/reports/search-deliveries/")
    assert response.status_code == 302
    assert not OutboxEntry.given_up().exists()
    assert OutboxEntry.waiting().get().attempts == 0
    drain()  # the drain the post queued for after its commit
    assert IndexedDocument.objects.filter(doc_id=f"partnership:{partnerships[0].pk}").exists()
