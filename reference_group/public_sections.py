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


# What the profile shows of an assessment, its group and its author: never the reviewer's
# comments, the author's e-mail address or anything else of their account.
SHOWN = (
    "period_start",
    "period_end",
    "ratings",
    "overall_rating",
    "narrative",
    "recommendations",
    "show_author_name",
    "published_at",
    "group__name",
    "author__show_name",
    "author__user__first_name",
    "author__user__last_name",
)

# What a listed assessment shows (and its link needs): never its text or reviewer's comments.
LISTED = (
    "published_at",
    "overall_rating",
    "group__name",
    "partnership__title",
    "partnership__reference",
    "partnership__visibility",
)


def published_assessments(partnership) -> list[Assessment]:
    assessments = list(
        Assessment.objects.published()
        .filter(partnership=partnership)
        .select_related("group", "author__user")
        .only(*SHOWN)
        .order_by("-published_at")
    )
    for assessment in assessments:
        assessment.partnership = partnership  # known already: not read again
    return assessments


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
