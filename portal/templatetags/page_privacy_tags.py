"""``{{ page|public_page }}``: the page if anyone may read it, otherwise None, for templates
that link to a page another one names (an event, a publication)."""

from django import template

from portal.page_privacy import is_public

register = template.Library()


@register.filter
def public_page(page):
    return page if page is not None and is_public(page) else None
