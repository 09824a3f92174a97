"""Knowledge-management pages and, as they land, the partnership register's models."""

from portal.models import SectionIndexPage


class ResearchSectionPage(SectionIndexPage):
    """The Research section: the research agenda and the research library live beneath it."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Research section"


class PartnershipsSectionPage(SectionIndexPage):
    """The Partnerships section: public profiles from the partnership register."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Partnerships section"
