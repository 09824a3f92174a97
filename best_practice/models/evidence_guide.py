""" "How we rate evidence": the page every rating on the site links to. Editors write the
explanations; the lists of ratings and strengths and the priority grid come from the same
vocabularies and formula the practices use, so the page cannot drift from them."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from portal.models import BasePage

from .choices import EvidenceRating, EvidenceStrength

SCORES = range(1, 6)
# The bands readers see on the priority grid (the score is impact times ease, 1 to 25).
PRIORITY_BANDS = [(15, "High"), (8, "Medium"), (1, "Low")]


def priority_band(score: int) -> str:
    return next(label for floor, label in PRIORITY_BANDS if score >= floor)


class EvidenceGuidePage(BasePage):
    rating_explanation = models.TextField(
        "rating and strength of evidence",
        help_text="Why a practice has both a rating (what the evidence says) and a strength "
        "(how much evidence there is).",
    )
    emmie_explanation = models.TextField(
        "the EMMIE notes",
        help_text="Effect, mechanism, moderators, implementation and economic cost.",
    )
    priority_explanation = models.TextField(
        "how a priority is set", help_text="Expected impact times ease of implementation."
    )

    parent_page_types = ["best_practice.BestPracticeSectionPage"]
    subpage_types = []
    max_count = 1

    content_panels = [
        *BasePage.content_panels[:2],
        MultiFieldPanel(
            [
                FieldPanel("rating_explanation"),
                FieldPanel("emmie_explanation"),
                FieldPanel("priority_explanation"),
            ],
            heading="Explanations",
        ),
        *BasePage.content_panels[2:],
    ]

    class Meta:
        verbose_name = "evidence guide"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            ratings=EvidenceRating.choices,
            strengths=EvidenceStrength.choices,
            scores=list(SCORES),
            priority_grid=[
                (impact, [(ease, impact * ease, priority_band(impact * ease)) for ease in SCORES])
                for impact in reversed(SCORES)
            ],
        )
        return context
