"""Links from a term to its entry in the glossary, wherever the term appears."""

from django import template
from django.utils.html import format_html

from portal.models import GlossaryPage
from portal.site_structure import remembered

register = template.Library()


def _glossary(request):
    """The live glossary's URL and anchors ((None, set()) if there is none)."""

    def build():
        page = GlossaryPage.objects.live().public().first()
        if page is None:
            return (None, frozenset())
        return (page.get_url(request), frozenset(page.terms.values_list("anchor", flat=True)))

    return remembered(request, "glossary", build)


@register.simple_tag(takes_context=True)
def glossary_url(context, anchor="") -> str:
    """The glossary's address (at ``anchor`` when it defines it), or ''."""
    url, anchors = _glossary(context.get("request"))
    if url is None:
        return ""
    return f"{url}#{anchor}" if anchor in anchors else url


@register.simple_tag(takes_context=True)
def glossary_term(context, text, anchor):
    """``text`` linked to the glossary's entry ``anchor``; plain text when there is none."""
    url, anchors = _glossary(context.get("request"))
    if url is None or anchor not in anchors:
        return text
    return format_html('<a class="glossary-term" href="{}#{}">{}</a>', url, anchor, text)
