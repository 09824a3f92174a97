import factory
import wagtail_factories

from reference_group.models import ReferenceGroupSectionPage
from tests.portal.factories import home_page


class ReferenceGroupSectionPageFactory(wagtail_factories.PageFactory):
    title = "Reference group"
    slug = "reference-group"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ReferenceGroupSectionPage
