"""The portal's own admin registrations: page types whose "add" form does not autosave, and
document links in rich text that name only documents the reader may open."""

from wagtail import hooks
from wagtail.models import Page, get_page_models

from portal.autosave import page_viewsets
from portal.documents import ReadableDocumentLinkHandler


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    return page_viewsets(model for model in get_page_models() if model is not Page)


@hooks.register("register_rich_text_features", order=1)  # after Wagtail's own, to replace it
def register_readable_document_links(features):
    features.register_link_type(ReadableDocumentLinkHandler)
