import factory
import wagtail_factories

from best_practice.models import BestPracticeSectionPage, MasterClassSectionPage
from tests.portal.factories import home_page


class BestPracticeSectionPageFactory(wagtail_factories.PageFactory):
    title = "Best practice"
    slug = "best-practice"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = BestPracticeSectionPage


class MasterClassSectionPageFactory(wagtail_factories.PageFactory):
    title = "Master classes"
    slug = "master-classes"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = MasterClassSectionPage
