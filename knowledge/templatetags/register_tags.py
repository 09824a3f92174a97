"""Linking other pages to public partnership profiles."""

from django import template

from knowledge.models import PartnershipsSectionPage

register = template.Library()

_UNSET = object()


def _partnerships_section(request):
    """The live Partnerships section, looked up once per request."""
    section = getattr(request, "_partnerships_section", _UNSET)
    if section is _UNSET:
        section = PartnershipsSectionPage.objects.live().public().first()
        if request is not None:
            request._partnerships_section = section
    return section


@register.simple_tag(takes_context=True)
def partnership_profile_url(context, partnership) -> str:
    """The public profile's address, or '' for an internal partnership or no section."""
    section = _partnerships_section(context.get("request"))
    return section.profile_url(partnership) if section is not None else ""
