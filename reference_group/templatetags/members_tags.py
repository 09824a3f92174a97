"""Template helpers of the members' area."""

from django import template

register = template.Library()


@register.filter
def messages_for(messages, place: str = "") -> list:
    """The messages meant for one place on a page: those whose extra tags are ``place`` (none:
    those without a place, shown at the top). A message about an attachment is shown beside
    the attachments, where the reader is."""
    return [message for message in messages or [] if (message.extra_tags or "") == (place or "")]
