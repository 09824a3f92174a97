"""Which documents a reader may be shown: the rule Wagtail applies when it serves one.

A document in a restricted collection (or under one) is named, linked or listed only to readers
the restriction lets through. Which collections are restricted is read once per request (and,
while the page cache is on, kept per generation: saving or deleting a restriction or a
collection replaces it), so a page listing documents makes no query for each of them. Without a
request (a block rendered for the search index) the reader is anonymous.
"""

from functools import reduce
from operator import or_

from django.db.models import Q
from django.utils.html import format_html
from wagtail.documents.rich_text import DocumentLinkHandler
from wagtail.models import Collection, CollectionViewRestriction

from portal.site_structure import reading_request, remembered


def read_restricted_collection_ids() -> frozenset[int]:
    paths = list(CollectionViewRestriction.objects.values_list("collection__path", flat=True))
    if not paths:
        return frozenset()
    under = reduce(or_, (Q(path__startswith=path) for path in paths))
    return frozenset(Collection.objects.filter(under).values_list("pk", flat=True))


def restricted_collection_ids(request) -> frozenset[int]:
    """The collections that a view restriction covers, its own or an ancestor's."""
    return remembered(request, "restricted-collections", read_restricted_collection_ids)


def may_read(request, document) -> bool:
    """Every view restriction on the document's collection (and its ancestors) lets the request
    through: a restricted document's title is not shown to readers who cannot open it."""
    if document.collection_id not in restricted_collection_ids(request):
        return True
    if request is None:
        return False
    # Asked once per collection and request: it depends on the reader, so it is not kept.
    answers = request.__dict__.setdefault("_readable_collections", {})
    if document.collection_id not in answers:
        answers[document.collection_id] = all(
            restriction.accept_request(request)
            for restriction in document.collection.get_view_restrictions()
        )
    return answers[document.collection_id]


def readable(request, documents) -> list:
    """The documents (None for one since deleted) that the request may read, in order."""
    return [document for document in documents if document and may_read(request, document)]


def readable_documents(request, items) -> list:
    """The items (anything with a ``document``) whose document the request may read."""
    return [item for item in items if may_read(request, item.document)]


class ReadableDocumentLinkHandler(DocumentLinkHandler):
    """Wagtail's rendering of a document link written in rich text, except that a document the
    reader may not open is linked nowhere: the editor's words stay, the file's address (and
    name) does not. The reader is the request being answered, or anonymous when there is none
    (the search index)."""

    @classmethod
    def expand_db_attributes_many(cls, attrs_list: list[dict]) -> list[str]:
        request = reading_request()
        return [
            format_html('<a href="{}">', document.url)
            if document and may_read(request, document)
            else "<a>"
            for document in cls.get_many(attrs_list)
        ]
