"""Best-practice and master-class pages."""

from portal.models import SectionIndexPage


class BestPracticeSectionPage(SectionIndexPage):
    """The Best practice section: the practice library lives beneath it."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Best practice section"


class MasterClassSectionPage(SectionIndexPage):
    """The Master classes section: upcoming and past master classes."""

    subpage_types = ["portal.StandardPage"]

    class Meta:
        verbose_name = "Master classes section"
