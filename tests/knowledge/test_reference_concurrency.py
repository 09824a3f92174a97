"""References stay unique when several editors create partnerships at the same moment.

Real concurrency needs a database server, so this runs on PostgreSQL (CI runs the suite there);
on SQLite the test is skipped, and transactions are serialised by IMMEDIATE mode anyway.
"""

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.conf import settings
from django.db import connections

from knowledge.models import Partnership
from tests.knowledge.factories import OrganisationFactory, PartnershipFactory

CREATORS = 8


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL: SQLite serialises writers, so there is no race to test",
)
# serialized_rollback restores the home page and site that the migrations created.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_creation_gives_unique_sequential_references():
    organisation = OrganisationFactory()

    def create(number: int) -> str:
        try:
            return PartnershipFactory(
                title=f"Concurrent {number}", parties=[organisation]
            ).reference
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=CREATORS) as pool:
        references = list(pool.map(create, range(CREATORS)))

    assert len(set(references)) == CREATORS
    numbers = sorted(int(reference[-4:]) for reference in references)
    assert numbers == list(range(numbers[0], numbers[0] + CREATORS))
    assert Partnership.objects.count() == CREATORS
