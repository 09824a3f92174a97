"""Helpers for the ``search_document()`` projection methods that apps write."""

from django.utils.html import strip_tags
from wagtail.models import Page


def is_publicly_visible(page: Page) -> bool:
    """Live, and neither it nor an ancestor restricted to some readers."""
    return page.live and not page.get_view_restrictions().exists()


def stream_text(stream_value) -> str:
    """The readable text of a StreamField value, without markup."""
    if not stream_value:
        return ""
    return " ".join(strip_tags(str(block.render())) for block in stream_value).strip()
