"""National dialogue pages."""

from portal.models import SectionIndexPage


class DialogueSectionPage(SectionIndexPage):
    """The National dialogue section: events, their outcomes and commitments."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "National dialogue section"
