"""Links from every evidence rating to "How we rate evidence"."""

from django import template

from best_practice.models import EvidenceGuidePage
from portal.site_structure import first_live_public

register = template.Library()


@register.simple_tag(takes_context=True)
def evidence_guide_url(context, anchor="") -> str:
    """The live evidence guide's address (at ``#anchor``), or '' when there is none."""
    request = context.get("request")
    page = first_live_public(request, EvidenceGuidePage)
    url = page.get_url(request) if page else ""
    if url and anchor:
        return f"{url}#{anchor}"
    return url
