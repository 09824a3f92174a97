"""Knowledge management: the partnership register and the Research and Partnerships sections."""

from .agreements import COMPLIANCE_CHECKS, Agreement
from .organisations import Organisation, OrganisationContact
from .partnerships import Partnership, PartnershipParty
from .performance import KPI, Cost, KPIMeasurement, Risk, ValueDelivered
from .publications import (
    PublicationAuthor,
    PublicationDocument,
    PublicationPage,
    PublicationRecommendation,
    PublicationTag,
)
from .references import ReferenceCounter, allocate_reference
from .research_agenda import ResearchAgendaPage, ResearchPriorityPage
from .research_library import ResearchLibraryPage
from .research_projects import ResearchProject
from .reviews import AnnualReview
from .sections import PartnershipsSectionPage, ResearchSectionPage

__all__ = [
    "COMPLIANCE_CHECKS",
    "KPI",
    "Agreement",
    "AnnualReview",
    "Cost",
    "KPIMeasurement",
    "Organisation",
    "OrganisationContact",
    "Partnership",
    "PartnershipParty",
    "PartnershipsSectionPage",
    "PublicationAuthor",
    "PublicationDocument",
    "PublicationPage",
    "PublicationRecommendation",
    "PublicationTag",
    "ReferenceCounter",
    "ResearchAgendaPage",
    "ResearchLibraryPage",
    "ResearchPriorityPage",
    "ResearchProject",
    "ResearchSectionPage",
    "Risk",
    "ValueDelivered",
    "allocate_reference",
]
