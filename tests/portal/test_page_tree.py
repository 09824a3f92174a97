"""Editors can only build the tree readers expect: sections under home, one of each."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield

from best_practice.models import BestPracticeSectionPage, MasterClassSectionPage
from dialogue.models import DialogueSectionPage
from knowledge.models import PartnershipsSectionPage, ResearchSectionPage
from portal.models import GlossaryPage, HomePage, StandardPage
from reference_group.models import ReferenceGroupSectionPage
from tests.knowledge.factories import ResearchSectionPageFactory
from tests.portal.factories import StandardPageFactory, home_page

SECTION_MODELS = [
    ResearchSectionPage,
    BestPracticeSectionPage,
    MasterClassSectionPage,
    DialogueSectionPage,
    PartnershipsSectionPage,
    ReferenceGroupSectionPage,
]


class HomePageTreeTests(WagtailPageTestCase):
    def test_home_page_sits_under_the_root_only(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(StandardPage, HomePage)

    def test_only_one_home_page_may_exist(self):
        # The migrations created it; a second one cannot be added anywhere.
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_home_page_allows_the_sections_and_standard_pages(self):
        self.assertAllowedSubpageTypes(HomePage, {*SECTION_MODELS, StandardPage, GlossaryPage})


class SectionTreeTests(WagtailPageTestCase):
    def test_each_section_lives_directly_under_home(self):
        for section in SECTION_MODELS:
            with self.subTest(section=section.__name__):
                self.assertAllowedParentPageTypes(section, {HomePage})
                self.assertCanCreateAt(HomePage, section)
                self.assertCanNotCreateAt(Page, section)
                self.assertCanNotCreateAt(StandardPage, section)
                for other_section in SECTION_MODELS:
                    self.assertCanNotCreateAt(other_section, section)

    def test_a_section_cannot_be_added_twice(self):
        home = home_page()
        self.assertTrue(ResearchSectionPage.can_create_at(home))
        ResearchSectionPageFactory()
        home.refresh_from_db()  # treebeard reads the stored child count
        self.assertFalse(ResearchSectionPage.can_create_at(home))

    def test_sections_accept_standard_pages(self):
        for section in SECTION_MODELS:
            with self.subTest(section=section.__name__):
                self.assertCanCreateAt(section, StandardPage)


class StandardPageTreeTests(WagtailPageTestCase):
    def test_standard_pages_nest_but_never_become_a_site_root(self):
        self.assertCanCreateAt(StandardPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})

    def test_an_editor_can_create_a_standard_page_through_the_admin(self):
        # force_login: django-axes needs the request that Client.login() does not pass.
        self.client.force_login(self.create_superuser("editor"))
        self.assertCanCreate(
            home_page(),
            StandardPage,
            nested_form_data(
                {
                    "title": "Privacy notice",
                    "slug": "privacy-notice",
                    "introduction": "What we keep and why.",
                    "body": streamfield([("heading", {"text": "What we keep", "level": "h2"})]),
                }
            ),
        )
        page = StandardPage.objects.get(slug="privacy-notice")
        self.assertEqual(page.body[0].value["text"], "What we keep")

    def test_home_and_standard_pages_open_and_save_in_the_editor(self):
        # StreamField inputs are built by JavaScript, so the form data is given explicitly.
        for page in (StandardPageFactory(), home_page()):
            with self.subTest(page=page.title):
                self.assertPageIsEditable(
                    page,
                    post_data=nested_form_data(
                        {
                            "title": page.title,
                            "slug": page.slug,
                            "introduction": "Changed in the editor.",
                            "body": streamfield([]),
                        }
                    ),
                )
