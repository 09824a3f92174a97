import datetime

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from knowledge.models import (
    KPI,
    Agreement,
    AnnualReview,
    Cost,
    KPIMeasurement,
    Organisation,
    OrganisationContact,
    Partnership,
    PartnershipParty,
    PartnershipsSectionPage,
    PublicationAuthor,
    PublicationPage,
    ResearchAgendaPage,
    ResearchLibraryPage,
    ResearchPriorityPage,
    ResearchSectionPage,
    Risk,
)
from knowledge.models.choices import (
    AgreementKind,
    AgreementStatus,
    CostKind,
    Formality,
    FundingModel,
    Level,
    PartnershipStatus,
    ReviewRecommendation,
    ReviewStatus,
    Scope,
    Stance,
    Term,
    Visibility,
)
from knowledge.models.research_choices import PublicationType, ResearchScope
from portal.demo_helpers import placeholder_pdf
from portal.taxonomy import Province, Sector
from tests.portal.factories import section_page_factory

ResearchSectionPageFactory = section_page_factory(ResearchSectionPage, "Research", "research")
PartnershipsSectionPageFactory = section_page_factory(
    PartnershipsSectionPage, "Partnerships", "partnerships"
)


class OrganisationContactFactory(factory.django.DjangoModelFactory):
    name = "Thandi Private"
    email = "thandi.private@example.org"
    phone = "082 555 0101"

    class Meta:
        model = OrganisationContact


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An organisation with a contact person (``contact__email=...`` to choose one)."""

    name = factory.Sequence(lambda n: f"Organisation {n}")
    sector = Sector.NGO
    provinces = [Province.GAUTENG]
    contact = factory.RelatedFactory(OrganisationContactFactory, "organisation")

    class Meta:
        model = Organisation
        skip_postgeneration_save = True


class PartnershipFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Partnership {n}")
    summary = "A public summary."
    purpose = "Purpose and objectives."
    scope = Scope.PROVINCIAL
    provinces = [Province.GAUTENG]
    level = Level.COOPERATION
    formality = Formality.INFORMAL
    funding_model = FundingModel.SELF_FUNDED
    term = Term.LONG
    stance = Stance.PURSUE
    responsible_unit = "Partnerships directorate"
    start_date = datetime.date(2025, 1, 1)
    status = PartnershipStatus.ACTIVE
    visibility = Visibility.PUBLIC

    class Meta:
        model = Partnership
        skip_postgeneration_save = True

    @factory.post_generation
    def parties(self, create, organisations, **kwargs):
        if not create:
            return
        for order, organisation in enumerate(organisations or [OrganisationFactory()]):
            PartnershipParty.objects.create(
                partnership=self, organisation=organisation, sort_order=order
            )


class AgreementFactory(factory.django.DjangoModelFactory):
    partnership = factory.SubFactory(PartnershipFactory)
    kind = AgreementKind.MOA
    version = factory.Sequence(str)
    status = AgreementStatus.SIGNED
    signatories = "Director, Organisation"
    signed_on = datetime.date(2025, 1, 15)
    expires_on = datetime.date(2030, 1, 14)
    signed_scan = factory.LazyFunction(
        lambda: ContentFile(placeholder_pdf("Signed agreement"), name="scan.pdf")
    )

    class Meta:
        model = Agreement


class RiskFactory(factory.django.DjangoModelFactory):
    partnership = factory.SubFactory(PartnershipFactory)
    description = "Volunteer fatigue"
    mitigation = "Keep a roster"

    class Meta:
        model = Risk


class CostFactory(factory.django.DjangoModelFactory):
    partnership = factory.SubFactory(PartnershipFactory)
    kind = CostKind.EXPLICIT
    description = "Venue hire"
    amount = 1000

    class Meta:
        model = Cost


class AnnualReviewFactory(factory.django.DjangoModelFactory):
    partnership = factory.SubFactory(PartnershipFactory)
    year = 2026
    status = ReviewStatus.COMPLETED
    completed_on = datetime.date(2026, 6, 1)
    recommendation = ReviewRecommendation.CONTINUE

    class Meta:
        model = AnnualReview


def research_section() -> ResearchSectionPage:
    return ResearchSectionPage.objects.first() or ResearchSectionPageFactory()


def research_library() -> ResearchLibraryPage:
    return ResearchLibraryPage.objects.first() or ResearchLibraryPageFactory()


def research_agenda() -> ResearchAgendaPage:
    return ResearchAgendaPage.objects.first() or ResearchAgendaPageFactory()


class ResearchAgendaPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Research agenda {n}")
    parent = factory.LazyFunction(research_section)

    class Meta:
        model = ResearchAgendaPage


class ResearchLibraryPageFactory(wagtail_factories.PageFactory):
    title = "Research library"
    slug = "library"
    parent = factory.LazyFunction(research_section)

    class Meta:
        model = ResearchLibraryPage


class ResearchPriorityPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Research priority {n}")
    parent = factory.LazyFunction(research_agenda)
    problem_area = "Robberies of learners on the way to school."
    why_it_matters = "Learners miss school when routes are unsafe."
    scope = ResearchScope.LOCAL
    provinces = [Province.EASTERN_CAPE]
    target_date = datetime.date(2027, 6, 30)

    class Meta:
        model = ResearchPriorityPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Publication {n}")
    parent = factory.LazyFunction(research_library)
    publication_type = PublicationType.RESEARCH_REPORT
    publication_date = datetime.date(2025, 9, 1)
    abstract = "What the study found, in brief."

    class Meta:
        model = PublicationPage
        skip_postgeneration_save = True

    @factory.post_generation
    def authors(self, create, names, **kwargs):
        if not create:
            return
        for order, name in enumerate(names or ["Nomsa Researcher"]):
            PublicationAuthor.objects.create(
                publication=self, name=name, affiliation="A university", sort_order=order
            )


def user_in(group_name: str):
    """A user who belongs to one of the register groups ("Register editors", ...)."""
    user = get_user_model().objects.create_user(group_name.replace(" ", "-"), password="pw")
    user.groups.add(Group.objects.get(name=group_name))
    return user


class KPIFactory(factory.django.DjangoModelFactory):
    partnership = factory.SubFactory(PartnershipFactory)
    indicator = factory.Sequence(lambda n: f"Indicator {n}")
    unit = "incidents"
    baseline = 60
    target = 30
    is_public = True

    class Meta:
        model = KPI


class KPIMeasurementFactory(factory.django.DjangoModelFactory):
    kpi = factory.SubFactory(KPIFactory)
    measured_on = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(30 * n))
    value = 50
    note = "Counted from the station's occurrence book"

    class Meta:
        model = KPIMeasurement
