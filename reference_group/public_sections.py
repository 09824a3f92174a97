"""Published assessments in public: on a partnership's profile, each with its ratings, narrative
and recommendations, the group's name (the author's only if they agreed), and an average per
criterion across them, with how many assessments it rests on; and listed, the latest first, on
the Reference group page and the home page; and, for a member who may assess the partnership,
the way to start."""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from django.urls import reverse
from django.utils.timezone import localdate

from knowledge.profile_sections import ProfileLink
from portal.home_sections import HomeSection
from portal.site_structure import first_live_public
from reference_group.auth import signed_in_member
from reference_group.criteria import CRITERIA
from reference_group.models import Assessment, ReferenceGroupSectionPage


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


def recent_public_assessments(request, limit: int) -> list[Assessment]:
    """The latest published assessments of public partnerships, each with ``public_url``: where
    its profile shows it (none while the partnerships section is not public)."""
    from knowledge.models import PartnershipsSectionPage
    from knowledge.models.choices import Visibility

    profiles = first_live_public(request, PartnershipsSectionPage)
    if profiles is None:
        return []
    assessments = list(
        Assessment.objects.published()
        .filter(partnership__visibility=Visibility.PUBLIC)
        .select_related("partnership", "group")
        .only(*LISTED)
        .order_by("-published_at")[:limit]
    )
    for assessment in assessments:
        assessment.public_url = (
            f"{profiles.profile_url(assessment.partnership)}#assessment-{assessment.pk}"
        )
    return assessments


ASSESSMENTS_ON_HOME = 3


@dataclass(frozen=True)
class AssessmentItem:
    title: str
    url: str
    summary: str
    date: date | None


def latest_assessments(request, home_page) -> HomeSection | None:
    """The latest independent assessments on the home page, each linking to where its
    partnership's profile shows it."""
    assessments = recent_public_assessments(request, ASSESSMENTS_ON_HOME)
    section = first_live_public(request, ReferenceGroupSectionPage)
    return HomeSection(
        title="Independent assessments",
        order=33,
        items=[
            AssessmentItem(
                a.partnership.title,
                a.public_url,
                f"{a.group.name}: overall effectiveness {a.overall_rating} out of 5"
                if a.overall_rating
                else a.group.name,
                localdate(a.published_at) if a.published_at else None,
            )
            for a in assessments
        ],
        more_url=section.get_url(request) if section else "",
        more_label="The reference groups and their assessments",
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


def assess_it(request, partnership) -> list[ProfileLink]:
    """A signed-in member who may assess this partnership is offered to, with the partnership
    named on the form; nobody else is (anonymous readers cost no query)."""
    member = signed_in_member(request)
    if member is None or not member.may_assess(partnership):
        return []
    start = reverse("reference_group:assessment_new")
    return [
        ProfileLink(
            "Assess this partnership",
            f"{start}?{urlencode({'partnership': partnership.reference})}",
        )
    ]
