"""Fixtures shared by the search tests."""

import pytest

from search.engines.elasticsearch import CircuitBreaker


@pytest.fixture(autouse=True)
def closed_circuit_breakers():
    """Each test starts with every Elasticsearch address trusted again (a test that trips the
    breaker must not make the next one skip Elasticsearch)."""
    CircuitBreaker.reset_all()
    yield
    CircuitBreaker.reset_all()


@pytest.fixture
def deliver(django_capture_on_commit_callbacks):
    """Run ``action`` and what its commit would trigger: the outbox drain task (immediate in
    tests). A test never commits, so a drain registered by an earlier, undelivered change in
    the same test still waits for the commit: the commit would run it too, so this does."""

    def run(action):
        from search.delivery import drain

        with django_capture_on_commit_callbacks(execute=True):
            result = action()
        drain()
        return result

    return run


def indexed_ids() -> set[str]:
    from search.models import IndexedDocument

    return set(IndexedDocument.objects.values_list("doc_id", flat=True))
