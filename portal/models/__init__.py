"""Page types and site settings owned by the portal itself (not by a content app)."""

from .base_page import BasePage, SectionIndexPage
from .documents import PortalDocument
from .pages import HomePage, StandardPage
from .site_settings import FooterSettings

__all__ = [
    "BasePage",
    "FooterSettings",
    "HomePage",
    "PortalDocument",
    "SectionIndexPage",
    "StandardPage",
]
