"""``{% readable_by_reader documents as readable %}``: the chosen documents (a list, or one
document, else None) that the reader may open, for templates that link to documents an editor
chose. Where the context has no request (a block rendered for the search index) the reader is
anonymous."""

from django import template
from wagtail.documents.models import AbstractDocument

from portal.documents import readable

register = template.Library()


@register.simple_tag(takes_context=True)
def readable_by_reader(context, documents):
    request = context.get("request")
    if isinstance(documents, AbstractDocument):
        return documents if readable(request, [documents]) else None
    return readable(request, documents or [])
