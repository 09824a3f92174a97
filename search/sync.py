"""Keeping the index true: every change that alters a document writes outbox rows (one per
engine) in the same transaction, and one task per transaction drains them after the commit.

What alters a document is declared in the registry: the searchable models themselves, and the
models their documents are built from (``Dependency``). Pages go in when they are published,
unpublished, moved or have their privacy changed, never on a draft save.
"""

from collections import defaultdict
from collections.abc import Iterable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import engines, registry
from search.models import OutboxEntry


def enqueue(kind: str, object_ids: Iterable[int], action=OutboxEntry.Action.UPSERT) -> None:
    """Queue these objects of one kind for every configured engine, in one bulk insert."""
    ids = sorted(set(object_ids))
    if not ids:
        return
    OutboxEntry.objects.bulk_create(
        OutboxEntry(kind=kind, object_id=object_id, action=action, engine=engine)
        for object_id in ids
        for engine in engines.configured()
    )
    schedule_drain()


def enqueue_dependents(instance) -> None:
    """Queue the documents built from ``instance`` (its declared dependents)."""
    by_kind = defaultdict(set)
    for search_kind, dependency in registry.dependencies_on(type(instance)):
        by_kind[search_kind.kind].update(search_kind.dependent_ids(dependency, instance))
    for kind, ids in by_kind.items():
        enqueue(kind, ids)


def enqueue_page_tree(page: Page) -> None:
    """A page and everything below it (publishing, moving and privacy affect the subtree),
    and what is built from the page itself."""
    rows = page.get_descendants(inclusive=True).values_list("pk", "content_type_id")
    by_kind = defaultdict(list)
    for pk, content_type_id in rows:
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        search_kind = registry.kind_for_model(model) if model else None
        if search_kind is not None:
            by_kind[search_kind.kind].append(pk)
    for kind, ids in by_kind.items():
        enqueue(kind, ids)
    enqueue_dependents(page.specific_deferred)


def schedule_drain() -> None:
    """One drain after the current transaction commits, however many rows it queued (outside
    a transaction: now). The drain already registered is reused while it is still waiting for
    this transaction's commit; once it has run, or its transaction was rolled back, a change
    schedules a new one."""
    connection = transaction.get_connection()
    waiting = getattr(connection, "search_drain_waiting", None)
    if connection.in_atomic_block and any(
        callback is waiting for _, callback, _ in connection.run_on_commit
    ):
        return

    def drain_after_commit():
        connection.search_drain_waiting = None
        from search.tasks import queue_drain

        queue_drain()

    connection.search_drain_waiting = drain_after_commit
    transaction.on_commit(drain_after_commit)


def _on_save(sender, instance, raw=False, **kwargs):
    if raw or isinstance(instance, Page):
        return  # pages go in on publish and unpublish, not on every draft save
    search_kind = registry.kind_for_model(type(instance))
    if search_kind is not None:
        enqueue(search_kind.kind, [instance.pk])
    enqueue_dependents(instance)


def _before_delete(sender, instance, **kwargs):
    # Dependents are found before the delete cascades through the relations that name them.
    if not isinstance(instance, Page):
        enqueue_dependents(instance)


def _on_delete(sender, instance, **kwargs):
    search_kind = registry.kind_for_model(type(instance))
    if search_kind is not None:
        enqueue(search_kind.kind, [instance.pk], OutboxEntry.Action.DELETE)


def _on_page_event(sender, instance, **kwargs):
    enqueue_page_tree(instance)


def _on_restriction_change(sender, instance, **kwargs):
    enqueue_page_tree(instance.page)


def connect() -> None:
    """Listen to the saves and deletes of the registered models and of the models their
    documents depend on, and to the page events that change what is public.

    Only these models are listened to: a receiver for every model would make Django fetch and
    signal each row of every bulk delete in the project."""
    for model in registry.watched_models():
        label = model._meta.label
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{label}")
        pre_delete.connect(_before_delete, sender=model, dispatch_uid=f"search-pre-{label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{label}")
    page_published.connect(_on_page_event, dispatch_uid="search-published")
    page_unpublished.connect(_on_page_event, dispatch_uid="search-unpublished")
    post_page_move.connect(_on_page_event, dispatch_uid="search-move")
    post_save.connect(
        _on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restrict"
    )
    post_delete.connect(
        _on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-unrestrict"
    )
