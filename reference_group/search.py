"""Published assessments in the portal's search: what the profile shows of them, never a
draft, an attachment or a member's e-mail."""

from django.utils.text import Truncator
from django.utils.timezone import localdate

from knowledge.models import Partnership, PartnershipsSectionPage
from portal.sanitising import html_text
from reference_group.models import Assessment, ReferenceGroup
from search.documents import SearchDocument
from search.projection import sentences, shared
from search.registry import Dependency, register


def project_assessment(assessment: Assessment) -> SearchDocument | None:
    section = shared(
        "partnerships-section",
        lambda: PartnershipsSectionPage.objects.live().public().first(),
    )
    partnership = assessment.partnership
    if not assessment.published or not partnership.is_public or section is None:
        return None
    by = assessment.group.name
    if assessment.show_author_name and (name := assessment.author.public_name):
        by = f"{name}, {by}"
    comments = " ".join(
        (value or {}).get("comment", "") for value in (assessment.ratings or {}).values()
    )
    narrative = html_text(assessment.narrative)
    return SearchDocument(
        kind="assessment",
        object_id=assessment.pk,
        title=f"Assessment of {partnership.title} by {by}",
        url=f"{section.profile_url(partnership)}#assessment-{assessment.pk}",
        summary=Truncator(narrative).words(80),
        body=sentences(narrative, assessment.recommendations, comments),
        date=localdate(assessment.published_at) if assessment.published_at else None,
        added=assessment.published_at,
        provinces=list(partnership.provinces),
        partnerships=[partnership.reference],
    )


register(
    "assessment",
    Assessment,
    label="Reference-group assessment",
    project=project_assessment,
    objects=lambda: Assessment.objects.published().select_related(
        "partnership", "group", "author__user"
    ),
    depends_on=[
        Dependency(Partnership, lambda partnership: partnership.assessments.published()),
        Dependency(ReferenceGroup, lambda group: group.assessments.published()),
        Dependency(PartnershipsSectionPage, lambda section: Assessment.objects.published()),
    ],
)
