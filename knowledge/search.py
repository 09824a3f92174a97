"""What the register and the research library put into the portal's search, and what their
documents are built from (discovered by the search app when it is ready)."""

import re

from django.db.models import Prefetch
from django.utils.timezone import localdate
from wagtail.models import CollectionViewRestriction

from knowledge import achievements
from knowledge.models import (
    KPI,
    AnnualReview,
    Organisation,
    Partnership,
    PartnershipsSectionPage,
    PublicationPage,
    ResearchPriorityPage,
)
from knowledge.models.choices import Visibility
from knowledge.models.references import REFERENCE_START
from portal.models import PortalDocument
from search.documents import SearchDocument
from search.engines.base import SUGGESTIONS
from search.projection import (
    collections_under,
    is_document_public,
    linked_documents,
    page_document,
    page_text,
    sentences,
    shared,
    stream_text,
)
from search.registry import Dependency, register

MAX_REFERENCE = 40  # longer than any reference: what is typed beyond it names none


def public_partnerships(partnerships) -> dict:
    """A document's partnership facet: the references of the public ones among
    ``partnerships`` and their names (searchable words). Internal ones are left out."""
    public = {p.reference: p.title for p in partnerships if p.visibility == Visibility.PUBLIC}
    return {
        "partnerships": sorted(public),
        "partnership_names": [public[reference] for reference in sorted(public)],
    }


def project_partnership(partnership: Partnership) -> SearchDocument | None:
    """Public partnerships only, and only what their public profile shows."""
    section = shared(
        "partnerships-section",
        lambda: PartnershipsSectionPage.objects.live().public().first(),
    )
    if not partnership.is_public or section is None:
        return None
    parties = [party.organisation.name for party in partnership.parties.all()]
    review = achievements.latest_public_review(partnership)
    return SearchDocument(
        kind="partnership",
        object_id=partnership.pk,
        title=partnership.title,
        url=section.profile_url(partnership),
        summary=partnership.summary,
        body=sentences(
            partnership.purpose,
            *parties,
            partnership.locality,
            partnership.get_level_display(),
            *partnership.get_thrusts_labels(),
            # What it has achieved, as its profile shows it: the public KPIs and the
            # public summary of its latest completed review.
            *(kpi.indicator for kpi in partnership.public_kpi_names),
            review.summary if review else "",
            partnership.reference,
        ),
        date=partnership.start_date,
        added=partnership.made_public_at,
        provinces=list(partnership.provinces),
        # The partnership facet narrows to what cites a partnership; a profile does not cite
        # itself (and 40,000 one-document values would only slow the facet down).
    )


def partnerships_by_reference(text: str) -> list[dict]:
    """The search box's suggestions for a reference being typed ("csps-2026-00"): the public
    partnerships whose reference starts with it, in reference order, as the search would show
    them (none while profiles are not public)."""
    start = text.strip().upper()
    if len(start) > MAX_REFERENCE or not re.fullmatch(REFERENCE_START, start):
        return []
    section = PartnershipsSectionPage.objects.live().public().first()
    if section is None:
        return []
    named = Partnership.objects.public().filter(reference__startswith=start)
    return [
        {"title": str(partnership), "url": section.profile_url(partnership), "kind": "partnership"}
        for partnership in named.only("reference", "title", "visibility")[:SUGGESTIONS]
    ]


def project_publication(publication: PublicationPage) -> SearchDocument | None:
    # Only documents anyone may download: a PDF in a restricted collection gives no text.
    documents_text = " ".join(
        item.document.extracted_text
        for item in publication.documents.all()
        if is_document_public(item.document)
    )
    authors = " ".join(author.name for author in publication.authors.all())
    return page_document(
        "publication",
        publication,
        summary=publication.abstract,
        body=sentences(
            authors, stream_text(publication.key_findings), page_text(publication), documents_text
        ),
        date=publication.publication_date,
        provinces=list(publication.provinces),
        settings=list(publication.place_settings),
        **public_partnerships(publication.partnerships.all()),
        topics=[tag.name for tag in publication.topics.all()],
    )


def project_priority(priority: ResearchPriorityPage) -> SearchDocument | None:
    return page_document(
        "research-priority",
        priority,
        summary=priority.problem_area,
        body=sentences(
            priority.why_it_matters,
            page_text(priority),
            *priority.get_methods_labels(),
            *priority.get_responsible_bodies_labels(),
            *priority.get_thrusts_labels(),
        ),
        # The year facet is when things were published or happened, never a target date.
        date=localdate(priority.first_published_at) if priority.first_published_at else None,
        provinces=list(priority.provinces),
        **public_partnerships(priority.partnerships.all()),
    )


def _publications_with_documents_in(restriction: CollectionViewRestriction):
    return PublicationPage.objects.filter(
        documents__document__collection__in=collections_under(restriction)
    )


register(
    "partnership",
    Partnership,
    label="Partnership",
    project=project_partnership,
    objects=lambda: achievements.with_public_record(
        Partnership.objects.public()
        .with_public_parties()
        .prefetch_related(
            Prefetch(
                "kpis",
                KPI.objects.filter(is_public=True).only("partnership", "indicator"),
                to_attr="public_kpi_names",
            )
        )
    ),
    depends_on=[
        Dependency(KPI, lambda kpi: [kpi.partnership]),
        Dependency(AnnualReview, lambda review: [review.partnership]),
        Dependency(
            Organisation,
            lambda organisation: Partnership.objects.filter(parties__organisation=organisation),
        ),
        # Profiles live under the partnerships section: its address and privacy are theirs.
        Dependency(PartnershipsSectionPage, lambda section: Partnership.objects.public()),
    ],
    identified_by=partnerships_by_reference,
)
register(
    "publication",
    PublicationPage,
    label="Publication",
    project=project_publication,
    objects=lambda: (
        PublicationPage.objects.live()
        .public()
        .prefetch_related("authors", "topics", "documents__document", "partnerships")
    ),
    depends_on=[
        Dependency(Partnership, lambda partnership: partnership.publications.all()),
        Dependency(
            PortalDocument,
            lambda document: PublicationPage.objects.filter(documents__document=document),
        ),
        Dependency(CollectionViewRestriction, _publications_with_documents_in),
        *linked_documents(PublicationPage),
    ],
)
register(
    "research-priority",
    ResearchPriorityPage,
    label="Research priority",
    project=project_priority,
    objects=lambda: ResearchPriorityPage.objects.live().public().prefetch_related("partnerships"),
    depends_on=[
        Dependency(
            Partnership,
            lambda partnership: ResearchPriorityPage.objects.filter(partnerships=partnership),
        ),
        *linked_documents(ResearchPriorityPage),
    ],
)
