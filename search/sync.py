"""Keeping the index true: every change to something searchable writes an outbox row in the
same transaction, and a task drains the outbox into the engines after the commit.

A failed delivery leaves its row in the outbox (with the error) for the next drain, so no
update is lost while an engine is down, and nothing unpublished or private stays findable.
"""

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from search import registry
from search.models import OutboxEntry

logger = logging.getLogger(__name__)


def enqueue(instance, action: str = OutboxEntry.Action.UPSERT) -> None:
    search_kind = registry.kind_for_model(type(instance))
    if search_kind is None:
        return
    OutboxEntry.objects.create(kind=search_kind.kind, object_id=instance.pk, action=action)
    transaction.on_commit(schedule_drain)


def enqueue_page_tree(page: Page) -> None:
    """A page and everything below it (publishing, moving and privacy affect the subtree)."""
    for descendant in page.get_descendants(inclusive=True).specific():
        enqueue(descendant)


def schedule_drain() -> None:
    from search.tasks import drain_outbox

    drain_outbox.enqueue()


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if isinstance(instance, Page):
        return  # pages go in on publish and unpublish, not on every draft save
    enqueue(instance)


def _on_delete(sender, instance, **kwargs):
    enqueue(instance, OutboxEntry.Action.DELETE)


def _on_publish_change(sender, instance, **kwargs):
    enqueue_page_tree(instance)


def _on_restriction_change(sender, instance, **kwargs):
    enqueue_page_tree(instance.page)


def _on_move(sender, instance, **kwargs):
    enqueue_page_tree(instance)


def watch(model) -> None:
    """Listen to the saves and deletes of one registered model (the registry calls this).

    Only registered models are listened to: a receiver for every model would make Django fetch
    and signal each row of every bulk delete in the project."""
    label = model._meta.label
    post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{label}")
    post_delete.connect(_on_delete, sender=model, dispatch_uid=f"search-delete-{label}")


def connect() -> None:
    """Listen to the page events that change what is public: publishing, unpublishing,
    privacy and moves."""
    page_published.connect(_on_publish_change, dispatch_uid="search-published")
    page_unpublished.connect(_on_publish_change, dispatch_uid="search-unpublished")
    post_save.connect(
        _on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-restrict"
    )
    post_delete.connect(
        _on_restriction_change, sender=PageViewRestriction, dispatch_uid="search-unrestrict"
    )
    post_page_move.connect(_on_move, dispatch_uid="search-move")
