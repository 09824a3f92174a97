"""Helpers for the ``search_document()`` projection methods that apps write.

Projecting thousands of objects at once (a rebuild, a large outbox) runs inside ``batch()``:
lookups that every projection needs, such as which pages are private, are then made once per
batch through ``shared()`` (portal/batch.py) instead of once per object.
"""

from django.contrib.contenttypes.models import ContentType
from django.utils.timezone import localdate
from wagtail.models import CollectionViewRestriction, Page, PageViewRestriction, ReferenceIndex

from portal.batch import batch as batch  # re-exported: where projections have always found it
from portal.batch import shared
from portal.documents import read_restricted_collection_ids
from portal.models import PortalDocument
from portal.sanitising import html_text
from search.documents import SearchDocument
from search.registry import Dependency


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


def sentences(*parts: str) -> str:
    """Texts joined for a document's body, each ending as a sentence: a snippet cut from the
    body then reads as separate phrases ("… the safety forum. Civilian Secretariat …"), not as
    one run-on line of fields, labels and names. (A field of one item per line is given as its
    lines.)"""
    texts = (" ".join(part.split()) for part in parts if part)
    return " ".join(text if text[-1] in ".!?:;…" else f"{text}." for text in texts if text)


def page_document(kind: str, page, **fields) -> SearchDocument | None:
    """A page's document: its kind, id, title and address, and ``fields``; None while readers
    may not see the page."""
    if not is_publicly_visible(page):
        return None
    return SearchDocument(
        kind=kind,
        object_id=page.pk,
        title=page.title,
        url=page.url,
        added=page.first_published_at,
        **fields,
    )


def published_on(page):
    """The day a page was last published on the portal (the year facet's date for a page that
    has no date of its own), or None for one never published."""
    published = page.last_published_at or page.first_published_at
    return localdate(published) if published else None


def page_text(page) -> str:
    """What every portal page shows of its own, whatever its type: the introduction under its
    title and its body (``portal.models.BasePage``)."""
    return sentences(page.introduction, stream_text(page.body))


def citing(model, documents) -> list:
    """The objects of ``model`` whose fields link to any of ``documents``: a document block, a
    document link in rich text (Wagtail's reference index, kept on every save)."""
    object_ids = (
        ReferenceIndex.get_references_to_in_bulk(documents)
        .filter(content_type=ContentType.objects.get_for_model(model))
        .values_list("object_id", flat=True)
    )
    return list(model._default_manager.filter(pk__in=[int(pk) for pk in set(object_ids)]))


def linked_documents(model) -> list[Dependency]:
    """For a kind whose text renders blocks that link to documents (``stream_text``): a
    document's title is in that text only while readers may open the document, so renaming a
    document or restricting or opening its collection re-projects the objects linking to it."""
    return [
        Dependency(PortalDocument, lambda document: citing(model, [document])),
        Dependency(
            CollectionViewRestriction,
            lambda restriction: citing(
                model,
                PortalDocument.objects.filter(collection__in=collections_under(restriction)),
            ),
        ),
    ]
