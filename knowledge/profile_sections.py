"""How other apps add what cites a partnership to its public profile (practices, dialogues,
assessments) without the register importing them.

An app registers ``fn(request, partnership) -> ProfileSection | None`` under
``PROFILE_SECTIONS_HOOK``; sections with neither items nor actions are not shown. Actions are
what this reader may do about the partnership there (a reference-group member's "Assess this
partnership"): only signed-in people, who never get cached pages, are offered any.

The same goes for an organisation's public page:
``fn(request, organisation, partnerships) -> ProfileSection | None`` under
``ORGANISATION_SECTIONS_HOOK``, given the organisation and the queryset of the public
partnerships it takes part in.
"""

from dataclasses import dataclass, field

from wagtail import hooks

PROFILE_SECTIONS_HOOK = "partnership_profile_sections"
ORGANISATION_SECTIONS_HOOK = "organisation_profile_sections"


@dataclass(frozen=True)
class ProfileLink:
    title: str
    url: str
    meta: str = ""


@dataclass(frozen=True)
class ProfileSection:
    """A heading and its items: links by default, or whatever ``template`` renders from the
    items and ``extra`` (for richer content, such as published assessments)."""

    heading: str
    items: list = field(default_factory=list)
    order: int = 100
    template: str = ""
    extra: dict = field(default_factory=dict)
    anchor: str = ""  # the section's id on the page, for links to it
    actions: list = field(default_factory=list)  # ProfileLinks for this reader


def collect_profile_sections(request, partnership) -> list[ProfileSection]:
    sections = [build(request, partnership) for build in hooks.get_hooks(PROFILE_SECTIONS_HOOK)]
    return sorted((s for s in sections if s and (s.items or s.actions)), key=lambda s: s.order)


def collect_organisation_sections(request, organisation, partnerships) -> list[ProfileSection]:
    sections = [
        build(request, organisation, partnerships)
        for build in hooks.get_hooks(ORGANISATION_SECTIONS_HOOK)
    ]
    return sorted((s for s in sections if s and s.items), key=lambda s: s.order)
