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


@pytest.fixture
def elasticsearch_url(settings) -> str:
    """The node of `make es` (ELASTICSEARCH_URL), or a skip that says there is none."""
    if not settings.TEST_ELASTICSEARCH_URL:
        pytest.skip("no Elasticsearch node: set ELASTICSEARCH_URL or run `make test-es`")
    return settings.TEST_ELASTICSEARCH_URL


@pytest.fixture
def elasticsearch_on(settings, elasticsearch_url):
    """The portal configured with the real node, under index names of this test's own, removed
    afterwards."""
    import uuid

    from elasticsearch import Elasticsearch

    prefix = f"portal_test_{uuid.uuid4().hex[:10]}_"
    settings.ELASTICSEARCH_URL = elasticsearch_url
    settings.ELASTICSEARCH_INDEX_PREFIX = prefix
    settings.ELASTICSEARCH_TIMEOUT = 5
    yield elasticsearch_url
    client = Elasticsearch(elasticsearch_url, request_timeout=30)
    client.options(ignore_status=404).indices.delete(index=f"{prefix}*")


def skip_unless_full_analysis(request, engine) -> None:
    """A test marked `full_analysis` does not apply to a node without analysis-common."""
    from tests.conftest import NOT_APPLICABLE

    if request.node.get_closest_marker("full_analysis") and engine.available_chain() != "full":
        pytest.skip(
            f"{NOT_APPLICABLE} on the node's core analysis chain (no analysis-common module: "
            "no accent folding, no English stemming)"
        )
