"""Published assessments on a partnership's public profile: each with its ratings, narrative and
recommendations, the group's name (the author's only if they agreed), and an average per
criterion across them, with how many assessments it rests on."""

from dataclasses import dataclass

from reference_group.criteria import CRITERIA
from reference_group.models import Assessment


@dataclass(frozen=True)
class CriterionSummary:
    label: str
    average: float | None
    count: int


def published_assessments(partnership):
    return (
        Assessment.objects.published()
        .filter(partnership=partnership)
        .select_related("group", "author__user", "partnership")
        .order_by("-published_at")
    )


def criterion_summaries(assessments) -> tuple[list[CriterionSummary], CriterionSummary]:
    """Averages over a handful of published assessments (read once, computed here)."""
    rows = list(assessments)
    summaries = []
    for criterion in CRITERIA:
        ratings = [r.rating_of(criterion.key) for r in rows if r.rating_of(criterion.key)]
        summaries.append(
            CriterionSummary(
                criterion.label,
                round(sum(ratings) / len(ratings), 1) if ratings else None,
                len(ratings),
            )
        )
    overall = [r.overall_rating for r in rows if r.overall_rating]
    return summaries, CriterionSummary(
        "Overall effectiveness",
        round(sum(overall) / len(overall), 1) if overall else None,
        len(overall),
    )
