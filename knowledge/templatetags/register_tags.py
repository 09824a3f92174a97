"""Linking other pages to public partnership profiles, and showing their KPI values."""

from django import template

from knowledge import achievements
from knowledge.models import PartnershipsSectionPage
from portal.site_structure import first_live_public

register = template.Library()


def _partnerships_section(request):
    """The live Partnerships section (looked up once per request and per site change)."""
    return first_live_public(request, PartnershipsSectionPage)


@register.simple_tag(takes_context=True)
def partnership_profile_url(context, partnership) -> str:
    """The public profile's address, or '' for an internal partnership or no section."""
    section = _partnerships_section(context.get("request"))
    return section.profile_url(partnership) if section is not None else ""


@register.simple_tag(takes_context=True)
def organisation_url(context, organisation) -> str:
    """The organisation's public page, or '' when it takes part in no public partnership
    (readers may not learn of it) or there is no Partnerships section."""
    request = context.get("request")
    section = _partnerships_section(request)
    if organisation is None or section is None:
        return ""
    known = getattr(request, "_public_organisations", None) if request is not None else None
    if known is None:
        known = {}
        if request is not None:
            request._public_organisations = known
    if organisation.pk not in known:
        known[organisation.pk] = (
            type(organisation).objects.public().filter(pk=organisation.pk).exists()
        )
    return section.organisation_url(organisation) if known[organisation.pk] else ""


register.filter("measure", achievements.measure)
