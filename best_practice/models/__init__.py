"""The best-practice library and master classes."""

from .evidence_guide import EvidenceGuidePage
from .master_classes import Facilitator, MasterClassPage
from .practices import EvidenceItem, PracticePage
from .sections import BestPracticeSectionPage, MasterClassSectionPage

__all__ = [
    "BestPracticeSectionPage",
    "EvidenceGuidePage",
    "EvidenceItem",
    "Facilitator",
    "MasterClassPage",
    "MasterClassSectionPage",
    "PracticePage",
]
