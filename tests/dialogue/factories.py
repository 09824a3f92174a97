from dialogue.models import DialogueSectionPage
from tests.portal.factories import section_page_factory

DialogueSectionPageFactory = section_page_factory(
    DialogueSectionPage, "National dialogue", "national-dialogue"
)
