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
