"""Abstract pages every page type builds on, so common fields and search behave alike."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal import page_privacy
from portal.blocks import BaseStreamBlock


class BasePage(Page):
    """An introduction (used in listings, search results and meta description) and a body."""

    introduction = models.TextField(
        max_length=500,
        blank=True,
        help_text="One or two plain sentences shown under the title, in listings and in search "
        "results.",
    )
    body = StreamField(BaseStreamBlock(), blank=True, use_json_field=True)

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction", boost=2),
        index.SearchField("body"),
    ]

    objects = page_privacy.PortalPageManager()

    class Meta:
        abstract = True

    def get_meta_description(self) -> str:
        return self.search_description or self.introduction

    def get_view_restrictions(self):
        return page_privacy.view_restrictions(self)


class SectionIndexPage(BasePage):
    """A top-level section of the site (Research, Partnerships, ...), one of each under home.

    Each content app subclasses this for its own section and names the child page types it
    allows, so editors cannot put a page where readers would not look for it.
    """

    parent_page_types = ["portal.HomePage"]
    max_count_per_parent = 1
    show_in_menus_default = True

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # An app may give its section a template of its own; otherwise the shared one is used.
        own_template = super().get_template(request, *args, **kwargs)
        return [own_template, "portal/section_index_page.html"]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = page_privacy.public(self.get_children().live()).specific()
        return context
