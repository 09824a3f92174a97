"""Every public page type costs the same number of SQL queries whatever the amount of data, and
no more than QUERY_BUDGET. Measured as production renders a page the cache does not hold: the
site's structure cached per generation, the page itself rendered (a messages cookie keeps the
request out of the page cache)."""

from datetime import time
from urllib.parse import urlparse

import pytest
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Collection, CollectionViewRestriction

from portal.models import PortalDocument
from reference_group.models.assessments import AssessmentStatus
from tests.best_practice.factories import PracticePageFactory
from tests.dialogue.factories import DialogueEventPageFactory, SpeakerFactory
from tests.knowledge.factories import (
    KPIFactory,
    KPIMeasurementFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
)
from tests.page_factories import PAGE_FACTORIES
from tests.reference_group.factories import AssessmentFactory

pytestmark = pytest.mark.django_db

# The target: at most 12 queries for any public page, whatever the data.
QUERY_BUDGET = 12
# The pages whose bodies are kept per generation for readers without a session.
KEPT_BODIES = ("partnership profile", "PublicationPage")


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def session_papers(scale: int) -> list:
    """An open paper and one in the restricted collection (which the reader may not open)."""
    restricted = Collection.objects.filter(name="Board papers").first()
    if restricted is None:
        restricted = Collection.get_first_root_node().add_child(name="Board papers")
        CollectionViewRestriction.objects.create(
            collection=restricted, restriction_type=CollectionViewRestriction.LOGIN
        )
    papers = []
    for collection in (Collection.get_first_root_node(), restricted):
        paper = PortalDocument(
            title=f"Paper {scale}", collection=collection, file=ContentFile(b"x", name="p.txt")
        )
        paper.save()
        papers.append(paper)
    return papers


def add_content(partnership, event, scale: int):
    """``scale`` times every kind of content the pages list, count or link to."""
    sessions = [
        (
            "session",
            {
                "starts": time(9),
                "title": f"Session {n}",
                "speakers": [speaker],
                "documents": session_papers(n),
            },
        )
        for n, speaker in enumerate(
            SpeakerFactory(organisation=OrganisationFactory()) for _ in range(scale)
        )
    ]
    event.agenda.extend(sessions)
    event.save_revision().publish()
    organisations = OrganisationFactory.create_batch(scale)
    partnerships = [PartnershipFactory(parties=organisations[:3]) for _ in range(2 * scale)]
    for kpi in (KPIFactory(partnership=partnership) for _ in range(scale)):
        KPIMeasurementFactory.create_batch(scale, kpi=kpi)
    for _ in range(scale):
        publication = PublicationPageFactory()
        publication.partnerships.add(partnership, *partnerships[:5])
        publication.save_revision().publish()
    for _ in range(scale):
        practice = PracticePageFactory()
        practice.evidence_items.create(partnership=partnership, outcome="x", effect="improved")
        practice.save_revision().publish()
    AssessmentFactory.create_batch(
        scale,
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        published_at=timezone.now(),
    )
    for _ in range(scale):
        event = DialogueEventPageFactory()
        event.partnerships.add(partnership)
        event.save_revision().publish()


def test_public_pages_cost_a_flat_bounded_number_of_queries(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["default"].clear()
    caches["pages"].clear()
    client.cookies["messages"] = "keeps this request out of the page cache"

    # One page of each type (a section made for another page's parent counts as its type's).
    pages = {
        model.__name__: model.objects.first() or factory()
        for model, factory in PAGE_FACTORIES.items()
    }
    section = PartnershipsSectionPageFactory._meta.model.objects.get()
    partnership = PartnershipFactory()
    organisation = partnership.parties.get().organisation
    add_content(partnership, pages["DialogueEventPage"], scale=1)
    urls = {name: urlparse(page.url).path for name, page in pages.items()}
    urls["home"] = "/"
    urls["partnership profile"] = f"{section.url}{partnership.reference}/"
    urls["organisation"] = section.organisation_url(organisation)
    urls["search"] = "/search/?q=patrol"

    def warm(*, skip=()):
        """The site-structure cache and per-process caches, in the same state each time: a
        search's words are kept by the engine once asked for twice (search/engines/
        bm25_parts.py), so the search is asked for three times."""
        for name, url in urls.items():
            if name not in skip:
                client.get(url)
        for _ in range(2):
            client.get(urls["search"])

    def count() -> dict:
        warm()
        counts = {name: queries_for(client, url) for name, url in urls.items()}
        # These pages' bodies are kept per generation (portal/kept_bodies.py): count them also
        # as the first reader after a change has them, read and rendered.
        caches["pages"].clear()  # as a change does: a new generation
        warm(skip=KEPT_BODIES)
        for name in KEPT_BODIES:
            counts[f"{name}, body rendered"] = queries_for(client, urls[name])
        return counts

    small = count()
    add_content(partnership, pages["DialogueEventPage"], scale=12)
    large = count()

    grew = {name: (small[name], large[name]) for name in small if large[name] != small[name]}
    assert grew == {}, "queries grew with the data (before, after)"
    over = {name: count for name, count in large.items() if count > QUERY_BUDGET}
    assert over == {}, f"over the budget of {QUERY_BUDGET}"
    print("queries per page:", dict(sorted(large.items(), key=lambda item: -item[1])))
