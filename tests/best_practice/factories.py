from best_practice.models import BestPracticeSectionPage, MasterClassSectionPage
from tests.portal.factories import section_page_factory

BestPracticeSectionPageFactory = section_page_factory(
    BestPracticeSectionPage, "Best practice", "best-practice"
)
MasterClassSectionPageFactory = section_page_factory(
    MasterClassSectionPage, "Master classes", "master-classes"
)
