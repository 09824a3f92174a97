"""Reference-group pages and, as they land, members and assessments."""

from portal.models import SectionIndexPage


class ReferenceGroupSectionPage(SectionIndexPage):
    """The Reference group section: who the groups are and their published assessments."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Reference group section"
