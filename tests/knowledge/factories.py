import factory
import wagtail_factories

from knowledge.models import PartnershipsSectionPage, ResearchSectionPage
from tests.portal.factories import home_page


class ResearchSectionPageFactory(wagtail_factories.PageFactory):
    title = "Research"
    slug = "research"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ResearchSectionPage


class PartnershipsSectionPageFactory(wagtail_factories.PageFactory):
    title = "Partnerships"
    slug = "partnerships"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = PartnershipsSectionPage
