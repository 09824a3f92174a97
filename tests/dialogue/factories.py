import factory
import wagtail_factories

from dialogue.models import DialogueSectionPage
from tests.portal.factories import home_page


class DialogueSectionPageFactory(wagtail_factories.PageFactory):
    title = "National dialogue"
    slug = "national-dialogue"
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = DialogueSectionPage
