"""The research section's tree and the publication editor's checks on bad input."""

import datetime

from django.contrib.auth import get_user_model
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from knowledge.models import (
    PublicationPage,
    ResearchAgendaPage,
    ResearchLibraryPage,
    ResearchPriorityPage,
    ResearchSectionPage,
)
from portal.models import HomePage, StandardPage
from tests.knowledge.factories import (
    ResearchLibraryPageFactory,
    ResearchSectionPageFactory,
)


class ResearchTreeTests(WagtailPageTestCase):
    def test_research_section_holds_agendas_the_library_and_standard_pages(self):
        self.assertAllowedSubpageTypes(
            ResearchSectionPage, {ResearchAgendaPage, ResearchLibraryPage, StandardPage}
        )

    def test_each_research_page_type_lives_where_readers_expect_it(self):
        self.assertAllowedParentPageTypes(ResearchAgendaPage, {ResearchSectionPage})
        self.assertAllowedParentPageTypes(ResearchPriorityPage, {ResearchAgendaPage})
        self.assertAllowedParentPageTypes(ResearchLibraryPage, {ResearchSectionPage})
        self.assertAllowedParentPageTypes(PublicationPage, {ResearchLibraryPage})
        self.assertCanNotCreateAt(HomePage, PublicationPage)
        self.assertCanNotCreateAt(ResearchAgendaPage, PublicationPage)
        self.assertAllowedSubpageTypes(PublicationPage, set())
        self.assertAllowedSubpageTypes(ResearchPriorityPage, set())

    def test_one_library_per_research_section(self):
        section = ResearchSectionPageFactory()
        self.assertTrue(ResearchLibraryPage.can_create_at(section))
        ResearchLibraryPageFactory(parent=section)
        section.refresh_from_db()
        self.assertFalse(ResearchLibraryPage.can_create_at(section))


def publication_form(**overrides):
    data = {
        "title": "A study",
        "slug": "a-study",
        "introduction": "",
        "body": streamfield([]),
        "key_findings": streamfield([]),
        "publication_type": "research-report",
        "publication_date": "2025-01-01",
        "abstract": "What we found.",
        "language": "en",
        "doi": "",
        "isbn": "",
        "external_url": "",
        "topics": "",
        "authors": inline_formset([{"name": "Nomsa Researcher", "affiliation": ""}]),
        "recommendations": inline_formset([]),
        "documents": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


class PublicationEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.user = get_user_model().objects.create_superuser("boss", "", "pw")
        self.client.force_login(self.user)
        self.library = ResearchLibraryPageFactory()

    def post(self, **overrides):
        # Publishing, because Wagtail lets drafts be saved with required fields still empty.
        return self.client.post(
            f"/admin/pages/add/knowledge/publicationpage/{self.library.pk}/",
            {**publication_form(**overrides), "action-publish": "action-publish"},
        )

    def errors(self, **overrides) -> str:
        response = self.post(**overrides)
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PublicationPage.objects.exists())
        return response.content.decode()

    def test_a_valid_publication_is_created(self):
        self.assertCanCreate(self.library, PublicationPage, publication_form(), publish=True)
        publication = PublicationPage.objects.get()
        self.assertEqual([a.name for a in publication.authors.all()], ["Nomsa Researcher"])

    def test_a_date_more_than_a_year_ahead_is_refused_at_the_field(self):
        far = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
        self.assertIn("more than a year ahead", self.errors(publication_date=far))

    def test_an_author_without_a_name_is_refused(self):
        html = self.errors(authors=inline_formset([{"name": "", "affiliation": "A university"}]))
        self.assertIn("This field is required", html)

    def test_a_malformed_doi_and_a_bad_isbn_are_refused(self):
        html = self.errors(doi="doi.org/10.1234", isbn="978-0-00-000000-1")
        self.assertIn("A DOI looks like 10.1234/abc-567", html)
        self.assertIn("not a valid ISBN", html)

    def test_valid_identifiers_are_accepted(self):
        self.post(doi="10.1234/abc-567", isbn="978-3-16-148410-0")
        publication = PublicationPage.objects.get()
        self.assertEqual(publication.doi, "10.1234/abc-567")
        self.assertTrue(publication.live)
