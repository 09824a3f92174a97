"""The portal against a real Elasticsearch node (`make test-es`; CI starts one): the strict
index, deliveries through the outbox, a rebuild's alias swap, and a node stopped mid-suite."""

import io
import os
import subprocess
from pathlib import Path

import pytest
from django.core.management import call_command
from elasticsearch import BadRequestError

from search import engines
from search.delivery import drain
from search.engines.elasticsearch import CircuitBreaker
from search.models import OutboxEntry
from search.service import LIMITED_NOTE
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory

pytestmark = [pytest.mark.elasticsearch, pytest.mark.django_db]
ROOT = Path(__file__).resolve().parents[2]


def search_json(client, **params) -> dict:
    response = client.get("/search/", {**params, "format": "json"})
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def portal_on_elasticsearch(elasticsearch_on, deliver):
    PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory(title="Kwanobuhle walking bus"))
    return engines.get(engines.ELASTICSEARCH), partnership


def test_the_index_is_strict_and_reports_its_analysis_chain(portal_on_elasticsearch):
    engine, _ = portal_on_elasticsearch

    with pytest.raises(BadRequestError, match="strict_dynamic_mapping_exception"):
        engine.client.index(index=engine.alias, document={"invented_field": 1})
    status = io.StringIO()
    call_command("search_status", stdout=status)
    output = status.getvalue()
    assert "Engine answering readers: elasticsearch" in output
    assert f"analysis chain: {engine.available_chain()}" in output
    assert "Partnership: 1" in output.split("The elasticsearch engine")[1]


def test_changes_reach_both_engines_and_readers_get_elasticsearch(client, portal_on_elasticsearch):
    engine, partnership = portal_on_elasticsearch

    assert engine.count_by_kind() == {"partnership": 1}
    found = search_json(client, q="walking bus")
    assert [hit["id"] for hit in found["results"]] == [f"partnership:{partnership.pk}"]
    assert found["notes"] == []
    assert not OutboxEntry.waiting().exists()


def test_a_rebuild_swaps_in_a_new_index_and_drops_the_old(portal_on_elasticsearch):
    engine, _ = portal_on_elasticsearch
    (before,) = engine.client.indices.get_alias(name=engine.alias)

    call_command("rebuild_search_index", stdout=io.StringIO())

    (after,) = engine.client.indices.get_alias(name=engine.alias)
    assert after != before
    assert not engine.client.indices.exists(index=before)
    assert engine.count_by_kind() == {"partnership": 1}


def test_an_index_made_before_a_field_was_added_takes_it_without_a_rebuild(elasticsearch_on):
    """An index created by an earlier release has no "added" field, and the mapping is strict:
    the engine adds the field once per process before writing, so deliveries are not refused
    between an upgrade and the next rebuild."""
    import datetime
    import uuid

    from search.documents import SearchDocument
    from search.engines.elasticsearch import ElasticsearchEngine
    from search.engines.es_schema import ADDED_LATER, index_settings, mappings
    from search.query import SearchQuery

    engine = ElasticsearchEngine(url=elasticsearch_on, alias=f"portal_test_{uuid.uuid4().hex[:8]}")
    chain = engine.available_chain()
    earlier = mappings(chain)
    for name in ADDED_LATER:
        del earlier["properties"][name]
    name = engine.new_index_name()
    engine.client.indices.create(
        index=name, settings=index_settings(chain), mappings=earlier, aliases={engine.alias: {}}
    )
    try:
        added = datetime.datetime(2026, 12, 7, 8, tzinfo=datetime.UTC)
        document = SearchDocument(
            kind="practice", object_id=1, title="Walking bus", url="/b/1/", added=added
        )
        assert engine.upsert([document]) == {}
        engine.client.indices.refresh(index=engine.alias)
        (hit,) = engine.search(SearchQuery(sort="added")).hits
        assert hit.added == added
    finally:
        engine.client.options(ignore_status=404).indices.delete(index=name)


@pytest.mark.stops_elasticsearch
def test_a_stopped_node_leaves_readers_on_the_database_and_catches_up_later(
    client, portal_on_elasticsearch, deliver
):
    script = os.environ.get("ES_NODE_SCRIPT")
    if not script:
        pytest.skip("the node was not started by `make es`: this test stops and restarts it")
    _, partnership = portal_on_elasticsearch

    def node(action: str) -> None:
        subprocess.run([ROOT / script, action], check=True, capture_output=True, timeout=300)

    node("stop")
    try:
        partnership.title = "Kwanobuhle walking bus, renamed while the node was down"
        deliver(lambda: partnership.save())
        waiting = OutboxEntry.waiting().get()
        assert waiting.engine == "elasticsearch" and waiting.attempts >= 1

        found = search_json(client, q="renamed")
        assert LIMITED_NOTE in found["notes"]
        assert [hit["id"] for hit in found["results"]] == [f"partnership:{partnership.pk}"]
    finally:
        node("start")
    CircuitBreaker.reset_all()  # what COOL_DOWN seconds would do

    assert drain() == 1
    assert not OutboxEntry.waiting().exists()
    found = search_json(client, q="renamed")
    assert found["notes"] == []
    assert [hit["id"] for hit in found["results"]] == [f"partnership:{partnership.pk}"]
