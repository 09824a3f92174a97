"""Links from every evidence rating to "How we rate evidence"."""

from django import template

from best_practice.models import EvidenceGuidePage

register = template.Library()

_UNSET = object()


@register.simple_tag(takes_context=True)
def evidence_guide_url(context, anchor="") -> str:
    """The live evidence guide's address (at ``#anchor``), or '' when there is none."""
    request = context.get("request")
    url = getattr(request, "_evidence_guide_url", _UNSET)
    if url is _UNSET:
        page = EvidenceGuidePage.objects.live().public().first()
        url = page.get_url(request) if page else ""
        if request is not None:
            request._evidence_guide_url = url
    if url and anchor:
        return f"{url}#{anchor}"
    return url
