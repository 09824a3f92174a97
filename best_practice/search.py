"""What the best-practice library and the master classes put into the portal's search, and what
their documents are built from (discovered by the search app when it is ready)."""

from best_practice.models import EvidenceGuidePage, EvidenceItem, MasterClassPage, PracticePage
from best_practice.models.choices import EvidenceRating, EvidenceStrength
from knowledge.models import Partnership
from knowledge.search import public_partnerships
from search.documents import SearchDocument
from search.facets import register_labels
from search.projection import (
    linked_documents,
    page_document,
    page_text,
    published_on,
    sentences,
    stream_text,
)
from search.registry import Dependency, register


def emmie_notes(practice: PracticePage) -> list[str]:
    """The evidence notes the practice's page shows (effect, mechanism, moderators,
    implementation, economic cost)."""
    return [
        practice.effect_note,
        practice.mechanism_note,
        practice.moderators_note,
        practice.implementation_note,
        practice.economic_note,
    ]


def project_practice(practice: PracticePage) -> SearchDocument | None:
    return page_document(
        "practice",
        practice,
        summary=practice.summary,
        body=sentences(
            practice.problem,
            practice.mechanism,
            *practice.steps,
            *practice.get_structures_labels(),
            practice.resources_and_cost,
            practice.where_it_does_not_work,
            *emmie_notes(practice),
            page_text(practice),
        ),
        date=published_on(practice),
        provinces=list(practice.provinces_implemented),
        settings=list(practice.place_settings),
        categories=[practice.strategy_category],
        **public_partnerships(
            item.partnership for item in practice.evidence_items.all() if item.partnership
        ),
        rating=practice.evidence_rating,
    )


def project_master_class(master_class: MasterClassPage) -> SearchDocument | None:
    return page_document(
        "master-class",
        master_class,
        summary=master_class.theme,
        body=sentences(
            *master_class.outcomes,
            stream_text(master_class.modules),
            *master_class.get_audience_labels(),
            master_class.venue,
            master_class.how_to_take_part,
            *(facilitator.name for facilitator in master_class.facilitators.all()),
            page_text(master_class),
        ),
        date=master_class.start_date,
    )


def project_evidence_guide(guide: EvidenceGuidePage) -> SearchDocument | None:
    return page_document(
        "evidence-guide",
        guide,
        summary=guide.introduction,
        body=sentences(
            guide.rating_explanation,
            guide.emmie_explanation,
            guide.priority_explanation,
            *(label for _, label in [*EvidenceRating.choices, *EvidenceStrength.choices]),
            page_text(guide),
        ),
        date=published_on(guide),
    )


register(
    "practice",
    PracticePage,
    label="Best practice",
    project=project_practice,
    objects=lambda: (
        PracticePage.objects.live().public().prefetch_related("evidence_items__partnership")
    ),
    depends_on=[
        Dependency(
            Partnership,
            lambda partnership: PracticePage.objects.filter(
                evidence_items__partnership=partnership
            ),
        ),
        Dependency(EvidenceItem, lambda item: [item.practice]),
        *linked_documents(PracticePage),
    ],
)
register(
    "master-class",
    MasterClassPage,
    label="Master class",
    project=project_master_class,
    objects=lambda: MasterClassPage.objects.live().public().prefetch_related("facilitators"),
    depends_on=linked_documents(MasterClassPage),
)
register(
    "evidence-guide",
    EvidenceGuidePage,
    label="Evidence guide",
    project=project_evidence_guide,
    objects=lambda: EvidenceGuidePage.objects.live().public(),
    depends_on=linked_documents(EvidenceGuidePage),
)
register_labels("rating", EvidenceRating.choices)
