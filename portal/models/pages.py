"""The home page and the general-purpose content page (about, legal notices, help)."""

from portal.home_sections import collect_home_sections
from portal.site_structure import section_pages

from .base_page import BasePage

# Each content app owns its own section page type; listed here by name only, so the portal
# does not import the apps that depend on it.
SECTION_PAGE_TYPES = [
    "knowledge.ResearchSectionPage",
    "best_practice.BestPracticeSectionPage",
    "best_practice.MasterClassSectionPage",
    "dialogue.DialogueSectionPage",
    "knowledge.PartnershipsSectionPage",
    "reference_group.ReferenceGroupSectionPage",
]


class HomePage(BasePage):
    """The site root: introduces the portal and shows what is new in each section."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [*SECTION_PAGE_TYPES, "portal.StandardPage", "portal.GlossaryPage"]
    max_count = 1

    def route(self, request, path_components):
        """Any page under home in two queries (portal/routing.py), not two per level."""
        if not path_components:
            return super().route(request, path_components)
        from portal.routing import route_directly

        return route_directly(self, request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["home_sections"] = collect_home_sections(request, self)
        context["section_pages"] = section_pages(request, self)
        return context


class StandardPage(BasePage):
    """About pages, help and legal notices (for example the POPIA privacy notice)."""

    parent_page_types = ["portal.HomePage", "portal.StandardPage", *SECTION_PAGE_TYPES]
    subpage_types = ["portal.StandardPage"]
