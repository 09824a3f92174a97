"""Page types and site settings owned by the portal itself (not by a content app)."""

from .base_page import BasePage, SectionIndexPage
from .documents import PortalDocument
from .glossary import LINKED_TERMS, GlossaryPage, GlossaryTerm
from .pages import HomePage, StandardPage
from .site_settings import FooterSettings

__all__ = [
    "LINKED_TERMS",
    "BasePage",
    "FooterSettings",
    "GlossaryPage",
    "GlossaryTerm",
    "HomePage",
    "PortalDocument",
    "SectionIndexPage",
    "StandardPage",
]
