"""The research agenda (strategy 4.1.2): an agenda per cycle, and the priorities it sets."""

from django.db import models
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from knowledge.choosers import PublicPartnershipChoicesPageForm
from portal.fields import ChoiceListField
from portal.models import BasePage
from portal.taxonomy import Province, StrategicThrust

from .choices import Visibility
from .research_choices import PriorityStatus, ResearchMethod, ResearchScope, ResponsibleBody


class ResearchAgendaPage(BasePage):
    """One cycle of the research agenda; its priorities are its child pages."""

    parent_page_types = ["knowledge.ResearchSectionPage"]
    subpage_types = ["knowledge.ResearchPriorityPage"]

    class Meta:
        verbose_name = "research agenda"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["priorities"] = (
            ResearchPriorityPage.objects.child_of(self).live().public().order_by("target_date")
        )
        return context


class ResearchPriorityPage(BasePage):
    """A problem area the Secretariat wants researched, and what answers it so far."""

    base_form_class = PublicPartnershipChoicesPageForm

    problem_area = models.TextField(help_text="The problem, in a few sentences.")
    why_it_matters = models.TextField()
    scope = models.CharField(max_length=20, choices=ResearchScope.choices)
    provinces = ChoiceListField(vocabulary=Province, blank=True)
    methods = ChoiceListField("methodology planned", vocabulary=ResearchMethod, blank=True)
    responsible_bodies = ChoiceListField(vocabulary=ResponsibleBody, blank=True)
    target_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=PriorityStatus.choices, default=PriorityStatus.IDENTIFIED
    )
    thrusts = ChoiceListField("strategic thrusts", vocabulary=StrategicThrust, blank=True)
    partnerships = ParentalManyToManyField(
        "knowledge.Partnership",
        blank=True,
        related_name="research_priorities",
        help_text="Only public partnerships are named on the public page.",
    )

    parent_page_types = ["knowledge.ResearchAgendaPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels[:2],
        FieldPanel("problem_area"),
        FieldPanel("why_it_matters"),
        MultiFieldPanel(
            [FieldPanel("scope"), FieldPanel("provinces"), FieldPanel("methods")],
            heading="Scope and method",
        ),
        MultiFieldPanel(
            [
                FieldPanel("responsible_bodies"),
                FieldRowPanel([FieldPanel("target_date"), FieldPanel("status")]),
                FieldPanel("thrusts"),
                FieldPanel("partnerships"),
            ],
            heading="Responsibility and links",
        ),
        *BasePage.content_panels[2:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("problem_area", boost=2),
        index.SearchField("why_it_matters"),
    ]

    class Meta:
        verbose_name = "research priority"

    def get_context(self, request, *args, **kwargs):
        from .publications import PublicationPage

        context = super().get_context(request, *args, **kwargs)
        context["publications"] = (
            PublicationPage.objects.live()
            .public()
            .filter(priority=self)
            .order_by("-publication_date")
        )
        context["projects"] = self.projects.exclude(status="cancelled").select_related(
            "lead_organisation"
        )
        context["public_partnerships"] = self.partnerships.filter(visibility=Visibility.PUBLIC)
        return context
