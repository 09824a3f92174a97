"""What the best-practice library and the master classes put into the portal's search, and what
their documents are built from (discovered by the search app when it is ready)."""

from django.utils.timezone import localdate

from best_practice.models import EvidenceItem, MasterClassPage, PracticePage
from best_practice.models.choices import EvidenceRating
from knowledge.models import Partnership
from knowledge.search import public_partnerships
from search.documents import SearchDocument
from search.facets import register_labels
from search.projection import is_publicly_visible, stream_text
from search.registry import Dependency, register


def project_practice(practice: PracticePage) -> SearchDocument | None:
    if not is_publicly_visible(practice):
        return None
    published = practice.last_published_at or practice.first_published_at
    return SearchDocument(
        kind="practice",
        object_id=practice.pk,
        title=practice.title,
        url=practice.url,
        summary=practice.summary,
        body=" ".join([practice.problem, practice.mechanism, practice.implementation_steps]),
        date=localdate(published) if published else None,
        provinces=list(practice.provinces_implemented),
        settings=list(practice.place_settings),
        categories=[practice.strategy_category],
        **public_partnerships(
            item.partnership for item in practice.evidence_items.all() if item.partnership
        ),
        rating=practice.evidence_rating,
    )


def project_master_class(master_class: MasterClassPage) -> SearchDocument | None:
    if not is_publicly_visible(master_class):
        return None
    return SearchDocument(
        kind="master-class",
        object_id=master_class.pk,
        title=master_class.title,
        url=master_class.url,
        summary=master_class.theme,
        body=" ".join([master_class.learning_outcomes, stream_text(master_class.modules)]),
        date=master_class.start_date,
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
    ],
)
register(
    "master-class",
    MasterClassPage,
    label="Master class",
    project=project_master_class,
    objects=lambda: MasterClassPage.objects.live().public(),
)
register_labels("rating", EvidenceRating.choices)
