"""Practices in the best-practice library, rated on their evidence, each claim traceable to the
register partnerships and publications where it was tried."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index

from best_practice.forms import PracticePageForm
from knowledge.choosers import PublicPartnershipChooser
from knowledge.models.choices import Visibility
from portal.fields import ChoiceListField
from portal.models import BasePage
from portal.taxonomy import Province, Setting, StrategyCategory

from .choices import EffectDirection, EvidenceRating, EvidenceStrength, Structure

score_validators = [
    MinValueValidator(1, "Use a score from 1 to 5."),
    MaxValueValidator(5, "Use a score from 1 to 5."),
]


class PracticePage(BasePage):
    strategy_category = models.CharField(max_length=30, choices=StrategyCategory.choices)
    place_settings = ChoiceListField("settings where it applies", vocabulary=Setting)
    problem = models.TextField("problem it addresses")
    summary = models.TextField()
    mechanism = models.TextField("how it works", help_text="Why the practice should work.")
    implementation_steps = models.TextField(
        "implementation guidance", help_text="The steps, one per line."
    )
    structures = ChoiceListField("who is involved", vocabulary=Structure, blank=True)
    resources_and_cost = models.TextField(blank=True)
    where_it_does_not_work = models.TextField("contexts where it does not work", blank=True)
    provinces_implemented = ChoiceListField(
        "provinces where it has been implemented", vocabulary=Province, blank=True
    )

    evidence_rating = models.CharField(
        max_length=20,
        choices=EvidenceRating.choices,
        blank=True,
        help_text="Needs at least one evidence item.",
    )
    evidence_strength = models.CharField(
        max_length=30, choices=EvidenceStrength.choices, blank=True
    )
    effect_note = models.TextField("effect", blank=True)
    mechanism_note = models.TextField("mechanism", blank=True)
    moderators_note = models.TextField("moderators", blank=True)
    implementation_note = models.TextField("implementation", blank=True)
    economic_note = models.TextField("economic cost", blank=True)

    expected_impact = models.PositiveSmallIntegerField(validators=score_validators, default=3)
    ease_of_implementation = models.PositiveSmallIntegerField(
        validators=score_validators, default=3
    )
    priority_score = models.PositiveSmallIntegerField(
        editable=False, default=9, help_text="Expected impact times ease (1 to 25)."
    )

    parent_page_types = ["best_practice.BestPracticeSectionPage"]
    subpage_types = []
    base_form_class = PracticePageForm

    content_panels = [
        *BasePage.content_panels[:2],
        FieldRowPanel([FieldPanel("strategy_category"), FieldPanel("place_settings")]),
        FieldPanel("problem"),
        FieldPanel("summary"),
        FieldPanel("mechanism"),
        MultiFieldPanel(
            [
                FieldPanel("implementation_steps"),
                FieldPanel("structures"),
                FieldPanel("resources_and_cost"),
                FieldPanel("where_it_does_not_work"),
                FieldPanel("provinces_implemented"),
            ],
            heading="Putting it into practice",
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("evidence_rating"), FieldPanel("evidence_strength")]),
                FieldPanel("effect_note"),
                FieldPanel("mechanism_note"),
                FieldPanel("moderators_note"),
                FieldPanel("implementation_note"),
                FieldPanel("economic_note"),
            ],
            heading="Evidence rating (EMMIE)",
        ),
        InlinePanel("evidence_items", heading="Evidence items", label="Evidence item"),
        FieldRowPanel(
            [FieldPanel("expected_impact"), FieldPanel("ease_of_implementation")],
            heading="Prioritisation (1 to 5)",
        ),
        *BasePage.content_panels[2:],
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary", boost=2),
        index.SearchField("problem"),
        index.SearchField("mechanism"),
        index.FilterField("strategy_category"),
        index.FilterField("evidence_rating"),
    ]

    class Meta:
        verbose_name = "practice"
        # The library's default order (highest priority first, then by title) walks this
        # index and stops after a page of practices; without it every practice is sorted.
        indexes = [models.Index(fields=["-priority_score"], name="practice_priority_first")]

    def get_context(self, request, *args, **kwargs):
        from portal.routing import routed_parent

        context = super().get_context(request, *args, **kwargs)
        context["evidence_items"] = self.evidence_items.select_related("partnership", "publication")
        # Its strategy, settings and provinces lead to the practice library filtered by them.
        context["library"] = routed_parent(request, self)
        return context

    @property
    def steps(self) -> list[str]:
        return [line.strip() for line in self.implementation_steps.splitlines() if line.strip()]

    def save(self, *args, **kwargs):
        self.priority_score = (self.expected_impact or 0) * (self.ease_of_implementation or 0)
        super().save(*args, **kwargs)


class EvidenceItem(Orderable):
    """One finding: where the practice was tried, what was measured, and which way it went.

    It cites a public register partnership, a publication, or both. Internal partnerships are
    refused: a public practice page must not reveal that they exist.
    """

    practice = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="evidence_items")
    partnership = models.ForeignKey(
        "knowledge.Partnership",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence_items",
    )
    publication = models.ForeignKey(
        "knowledge.PublicationPage",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence_items",
    )
    outcome = models.CharField("outcome measured", max_length=255)
    effect = models.CharField(max_length=20, choices=EffectDirection.choices)
    note = models.TextField(blank=True)

    panels = [
        FieldRowPanel(
            [
                FieldPanel("partnership", widget=PublicPartnershipChooser),
                FieldPanel("publication"),
            ]
        ),
        FieldRowPanel([FieldPanel("outcome"), FieldPanel("effect")]),
        FieldPanel("note"),
    ]

    def __str__(self):
        return self.outcome

    def clean(self):
        super().clean()
        if self.partnership_id is None and self.publication_id is None:
            raise ValidationError(
                "Cite the register partnership or the publication this finding comes from."
            )
        if self.partnership_id and self.partnership.visibility != Visibility.PUBLIC:
            raise ValidationError(
                {
                    "partnership": f"{self.partnership.reference} is internal to the register, "
                    "so a public page cannot cite it. Make it public in the register, or cite "
                    "the publication instead."
                }
            )
