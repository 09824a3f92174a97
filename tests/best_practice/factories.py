import datetime

import factory
import wagtail_factories

from best_practice.models import (
    BestPracticeSectionPage,
    EvidenceGuidePage,
    MasterClassPage,
    MasterClassSectionPage,
    PracticePage,
)
from portal.taxonomy import Setting, StrategyCategory
from tests.portal.factories import section_page_factory

BestPracticeSectionPageFactory = section_page_factory(
    BestPracticeSectionPage, "Best practice", "best-practice"
)
MasterClassSectionPageFactory = section_page_factory(
    MasterClassSectionPage, "Master classes", "master-classes"
)


def practice_library() -> BestPracticeSectionPage:
    return BestPracticeSectionPage.objects.first() or BestPracticeSectionPageFactory()


def master_class_section() -> MasterClassSectionPage:
    return MasterClassSectionPage.objects.first() or MasterClassSectionPageFactory()


class PracticePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Practice {n}")
    parent = factory.LazyFunction(practice_library)
    strategy_category = StrategyCategory.PATROL
    place_settings = [Setting.RURAL]
    problem = "Stock theft at night."
    summary = "Joint patrols of farmers and police."
    mechanism = "Visible patrols raise the risk for thieves."
    implementation_steps = "Agree routes\nShare a radio channel"

    class Meta:
        model = PracticePage


class EvidenceGuidePageFactory(wagtail_factories.PageFactory):
    title = "How we rate evidence"
    slug = "how-we-rate-evidence"
    parent = factory.LazyFunction(practice_library)
    rating_explanation = "Rating and strength are separate."
    emmie_explanation = "Five notes."
    priority_explanation = "Impact times ease."

    class Meta:
        model = EvidenceGuidePage


class MasterClassPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Master class {n}")
    parent = factory.LazyFunction(master_class_section)
    theme = "Community policing in practice"
    audience = ["saps", "cpf"]
    start_date = datetime.date(2027, 3, 1)
    venue = "Pretoria"
    learning_outcomes = "Plan a joint patrol"

    class Meta:
        model = MasterClassPage
