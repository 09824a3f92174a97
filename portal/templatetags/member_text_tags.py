"""Showing what members wrote."""

from django import template
from django.utils.safestring import mark_safe

from portal.sanitising import html_text, paragraphs

register = template.Library()


@register.filter
def member_html(cleaned: str) -> str:
    """Member text as paragraphs, cleaned by ``paragraphs`` whatever was stored."""
    return mark_safe(paragraphs(cleaned or ""))  # noqa: S308  # nosec B308 B703


@register.filter
def member_plain(cleaned: str) -> str:
    """Member text without its markup, as characters (the template escapes them once)."""
    return html_text(cleaned or "")
