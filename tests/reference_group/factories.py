from reference_group.models import ReferenceGroupSectionPage
from tests.portal.factories import section_page_factory

ReferenceGroupSectionPageFactory = section_page_factory(
    ReferenceGroupSectionPage, "Reference group", "reference-group"
)
