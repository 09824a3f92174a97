"""The portal's own admin registrations: page types whose "add" form does not autosave."""

from wagtail import hooks
from wagtail.models import Page, get_page_models

from portal.autosave import page_viewsets


@hooks.register("register_admin_viewset")
def register_page_viewsets():
    return page_viewsets(model for model in get_page_models() if model is not Page)
