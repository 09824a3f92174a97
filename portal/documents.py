"""Which documents a reader may be shown: the rule Wagtail applies when it serves one."""


def may_read(request, document) -> bool:
    """Every view restriction on the document's collection (and its ancestors) lets the request
    through: a restricted document's title is not shown to readers who cannot open it."""
    return all(
        restriction.accept_request(request)
        for restriction in document.collection.get_view_restrictions()
    )


def readable_documents(request, items) -> list:
    """The items (anything with a ``document``) whose document the request may read."""
    return [item for item in items if may_read(request, item.document)]
