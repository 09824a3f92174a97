"""Helpers for the ``search_document()`` projection methods that apps write.

Projecting thousands of objects at once (a rebuild, a large outbox) runs inside ``batch()``:
lookups that every projection needs, such as which pages are private, are then made once per
batch through ``shared()`` (portal/batch.py) instead of once per object.
"""

from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction

from portal.batch import batch as batch  # re-exported: where projections have always found it
from portal.batch import shared
from portal.documents import read_restricted_collection_ids
from portal.sanitising import html_text


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
    (portal/documents.py, the rule Wagtail applies when it serves a document)."""
    restricted = shared("restricted-collection-ids", read_restricted_collection_ids)
    return document.collection_id not in restricted


def collections_under(restriction: CollectionViewRestriction):
    """The collections a collection restriction covers: its own and every one below it."""
    return restriction.collection.get_descendants(inclusive=True)


def stream_text(stream_value) -> str:
    """The readable text of a StreamField value, without markup."""
    if not stream_value:
        return ""
    return html_text(" ".join(str(block.render()) for block in stream_value))
