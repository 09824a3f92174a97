"""Every page type of the portal mapped to a factory that builds a valid, published instance.

tests/portal/test_page_rendering.py fails when a page type has no entry here, so each new page
type is rendered, unpublished and checked for a 404 without anyone remembering to add a test.
"""

from best_practice.models import (
    BestPracticeSectionPage,
    EvidenceGuidePage,
    MasterClassPage,
    MasterClassSectionPage,
    PracticePage,
)
from dialogue.models import DialogueEventPage, DialogueSectionPage
from knowledge.models import (
    PartnershipsSectionPage,
    PublicationPage,
    ResearchAgendaPage,
    ResearchLibraryPage,
    ResearchPriorityPage,
    ResearchSectionPage,
)
from portal.models import GlossaryPage, StandardPage
from reference_group.models import ReferenceGroupSectionPage
from tests.best_practice.factories import (
    BestPracticeSectionPageFactory,
    EvidenceGuidePageFactory,
    MasterClassPageFactory,
    MasterClassSectionPageFactory,
    PracticePageFactory,
)
from tests.dialogue.factories import DialogueEventPageFactory, DialogueSectionPageFactory
from tests.knowledge.factories import (
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
    ResearchAgendaPageFactory,
    ResearchLibraryPageFactory,
    ResearchPriorityPageFactory,
    ResearchSectionPageFactory,
)
from tests.portal.factories import GlossaryPageFactory, StandardPageFactory
from tests.reference_group.factories import ReferenceGroupSectionPageFactory

# HomePage is not listed: the migrations create it, and its own tests cover it.
PAGE_FACTORIES = {
    StandardPage: StandardPageFactory,
    GlossaryPage: GlossaryPageFactory,
    EvidenceGuidePage: EvidenceGuidePageFactory,
    ResearchSectionPage: ResearchSectionPageFactory,
    PartnershipsSectionPage: PartnershipsSectionPageFactory,
    ResearchAgendaPage: ResearchAgendaPageFactory,
    ResearchPriorityPage: ResearchPriorityPageFactory,
    ResearchLibraryPage: ResearchLibraryPageFactory,
    PublicationPage: PublicationPageFactory,
    BestPracticeSectionPage: BestPracticeSectionPageFactory,
    MasterClassSectionPage: MasterClassSectionPageFactory,
    PracticePage: PracticePageFactory,
    MasterClassPage: MasterClassPageFactory,
    DialogueSectionPage: DialogueSectionPageFactory,
    DialogueEventPage: DialogueEventPageFactory,
    ReferenceGroupSectionPage: ReferenceGroupSectionPageFactory,
}
