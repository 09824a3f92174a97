"""Contract tests of the Elasticsearch engine against a local HTTP stub.

They prove exactly what the portal sends (mappings, bulk bodies, query bodies, alias actions)
and that it parses realistic responses. They do not prove how a real server answers: that is
the behaviour suite's job, which runs when ELASTICSEARCH_URL points at a server.
"""

import datetime
import json
import re

import pytest
from elasticsearch import Elasticsearch

from search.documents import SearchDocument
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es_schema import INDEX_SETTINGS, MAPPINGS
from search.query import SearchQuery

PRODUCT = {"X-Elastic-Product": "Elasticsearch"}
ALIAS = "portal_documents"


@pytest.fixture
def engine(httpserver):
    client = Elasticsearch(httpserver.url_for("/"), request_timeout=5, max_retries=0)
    return ElasticsearchEngine(client=client, alias=ALIAS)


def reply(httpserver, method, uri, body, status=200):
    httpserver.expect_request(uri, method=method).respond_with_json(
        body, status=status, headers=PRODUCT
    )


def sent(httpserver, method, pattern):
    return [
        request
        for request, _ in httpserver.log
        if request.method == method and re.fullmatch(pattern, request.path)
    ]


DOCUMENT = SearchDocument(
    kind="publication",
    object_id=7,
    title="Policing in Mthátha",
    url="/research/library/policing/",
    summary="Patrols on school routes.",
    body="Full text.",
    date=datetime.date(2025, 9, 1),
    provinces=["eastern-cape"],
    partnerships=["CSPS-2026-0005"],
    topics=["patrols"],
)


def test_first_write_creates_the_index_with_explicit_mappings_behind_the_alias(httpserver, engine):
    reply(httpserver, "HEAD", f"/_alias/{ALIAS}", {}, status=404)
    reply(httpserver, "PUT", re.compile(rf"^/{ALIAS}-\d+$"), {"acknowledged": True})
    reply(httpserver, "POST", "/_aliases", {"acknowledged": True})
    reply(
        httpserver,
        "PUT",
        f"/{ALIAS}/_bulk",
        {"took": 1, "errors": False, "items": [{"index": {"_id": DOCUMENT.doc_id, "status": 201}}]},
    )

    engine.upsert([DOCUMENT])

    (create,) = sent(httpserver, "PUT", rf"/{ALIAS}-\d+")
    assert json.loads(create.data) == {"settings": INDEX_SETTINGS, "mappings": MAPPINGS}
    (aliases,) = sent(httpserver, "POST", "/_aliases")
    assert json.loads(aliases.data) == {
        "actions": [{"add": {"index": create.path.lstrip("/"), "alias": ALIAS}}]
    }
    assert MAPPINGS["dynamic"] == "strict"
    analyzers = INDEX_SETTINGS["analysis"]["analyzer"]
    assert analyzers["folded"]["filter"] == ["lowercase", "asciifolding", "english_stem"]
    title_prefixes = MAPPINGS["properties"]["title"]["fields"]["autocomplete"]
    assert analyzers[title_prefixes["search_analyzer"]]["filter"] == ["lowercase", "asciifolding"]


def test_bulk_body_indexes_each_document_by_its_id(httpserver, engine):
    engine._index_ready = True
    reply(
        httpserver,
        "PUT",
        f"/{ALIAS}/_bulk",
        {"took": 1, "errors": False, "items": [{"index": {"_id": DOCUMENT.doc_id, "status": 200}}]},
    )

    engine.upsert([DOCUMENT])

    (bulk,) = sent(httpserver, "PUT", f"/{ALIAS}/_bulk")
    lines = [json.loads(line) for line in bulk.data.decode().strip().split("\n")]
    assert lines == [
        {"index": {"_id": "publication:7"}},
        {
            "kind": "publication",
            "object_id": 7,
            "title": "Policing in Mthátha",
            "summary": "Patrols on school routes.",
            "body": "Full text.",
            "topics": "patrols",
            "url": "/research/library/policing/",
            "date": "2025-09-01",
            "year": "2025",
            "province": ["eastern-cape"],
            "setting": [],
            "category": [],
            "rating": None,
            "partnership": ["CSPS-2026-0005"],
        },
    ]
    assert bulk.args.get("refresh") == "wait_for"


def test_deletes_are_bulk_deletes_and_a_missing_document_is_not_an_error(httpserver, engine):
    engine._index_ready = True
    reply(
        httpserver,
        "PUT",
        f"/{ALIAS}/_bulk",
        {
            "took": 1,
            "errors": True,
            "items": [{"delete": {"_id": "practice:3", "status": 404, "result": "not_found"}}],
        },
    )

    engine.delete(["practice:3"])

    (bulk,) = sent(httpserver, "PUT", f"/{ALIAS}/_bulk")
    assert bulk.data.decode().strip() == '{"delete":{"_id":"practice:3"}}'


def test_query_body_uses_simple_query_string_and_multi_match_only(engine):
    query = SearchQuery(
        text='title:x "school routes" *',
        filters={"kind": "practice", "province": "gauteng"},
        page=2,
        sort="date",
    )

    body = engine.build_search(query).to_dict()

    assert "query_string" not in json.dumps(body).replace("simple_query_string", "")
    should = (
        body["query"]["bool"]["must"][0]["bool"]["should"]
        if "must" in body["query"]["bool"]
        else body["query"]["bool"]["should"]
    )
    assert should[0]["simple_query_string"]["query"] == 'title:x "school routes" *'
    assert should[0]["simple_query_string"]["default_operator"] == "and"
    assert should[1]["multi_match"]["fuzziness"] == "AUTO"
    assert {"term": {"kind": "practice"}} in body["query"]["bool"]["filter"]
    assert {"term": {"province": "gauteng"}} in body["query"]["bool"]["filter"]
    assert set(body["aggs"]) == {
        "kind",
        "province",
        "setting",
        "category",
        "rating",
        "year",
        "partnership",
    }
    assert body["highlight"]["encoder"] == "html"
    assert body["sort"] == [{"date": {"order": "desc", "missing": "_last"}}]
    assert (body["from"], body["size"]) == (10, 10)


def test_a_realistic_response_is_parsed_into_hits_and_facets(httpserver, engine):
    response = {
        "took": 3,
        "timed_out": False,
        "hits": {
            "total": {"value": 1, "relation": "eq"},
            "max_score": 2.1,
            "hits": [
                {
                    "_index": f"{ALIAS}-20261123",
                    "_id": "publication:7",
                    "_score": 2.1,
                    "_source": {
                        "kind": "publication",
                        "title": "Policing in Mthátha",
                        "url": "/research/library/policing/",
                        "summary": "Patrols on school routes.",
                        "date": "2025-09-01",
                    },
                    "highlight": {"summary": ["<mark>Patrols</mark> on school &lt;routes&gt;."]},
                }
            ],
        },
        "aggregations": {
            "kind": {
                "doc_count_error_upper_bound": 0,
                "sum_other_doc_count": 0,
                "buckets": [{"key": "publication", "doc_count": 1}],
            },
            "province": {"buckets": [{"key": "eastern-cape", "doc_count": 1}]},
            "setting": {"buckets": []},
            "category": {"buckets": []},
            "rating": {"buckets": []},
            "year": {"buckets": [{"key": "2025", "doc_count": 1}]},
            "partnership": {"buckets": [{"key": "CSPS-2026-0005", "doc_count": 1}]},
        },
    }
    reply(httpserver, "POST", f"/{ALIAS}/_search", response)

    results = engine.search(SearchQuery(text="patrols", filters={"province": "eastern-cape"}))

    assert results.total == 1
    (hit,) = results.hits
    assert (hit.doc_id, hit.title, hit.date) == (
        "publication:7",
        "Policing in Mthátha",
        datetime.date(2025, 9, 1),
    )
    assert hit.highlight == "<mark>Patrols</mark> on school &lt;routes&gt;."
    province = results.facets["province"][0]
    assert (province.value, province.label, province.count, province.selected) == (
        "eastern-cape",
        "Eastern Cape",
        1,
        True,
    )
    (search_request,) = sent(httpserver, "POST", f"/{ALIAS}/_search")
    assert (
        json.loads(search_request.data)
        == engine.build_search(
            SearchQuery(text="patrols", filters={"province": "eastern-cape"})
        ).to_dict()
    )


def test_rebuild_fills_a_new_index_then_swaps_the_alias_and_drops_the_old(httpserver, engine):
    reply(httpserver, "PUT", re.compile(rf"^/{ALIAS}-\d+$"), {"acknowledged": True})
    reply(
        httpserver,
        "PUT",
        re.compile(rf"/{ALIAS}-\d+/_bulk"),
        {"took": 1, "errors": False, "items": [{"index": {"_id": DOCUMENT.doc_id, "status": 201}}]},
    )
    reply(httpserver, "GET", f"/_alias/{ALIAS}", {f"{ALIAS}-old": {"aliases": {ALIAS: {}}}})
    reply(httpserver, "POST", "/_aliases", {"acknowledged": True})
    reply(httpserver, "DELETE", f"/{ALIAS}-old", {"acknowledged": True})

    new_index = engine.rebuild([DOCUMENT])

    (bulk,) = sent(httpserver, "PUT", rf"/{ALIAS}-\d+/_bulk")
    assert bulk.path == f"/{new_index}/_bulk"
    (aliases,) = sent(httpserver, "POST", "/_aliases")
    assert json.loads(aliases.data) == {
        "actions": [
            {"remove": {"index": f"{ALIAS}-old", "alias": ALIAS}},
            {"add": {"index": new_index, "alias": ALIAS}},
        ]
    }
    assert sent(httpserver, "DELETE", f"/{ALIAS}-old")
    order = [request.method for request, _ in httpserver.log]
    assert order.index("POST") > order.index("PUT")  # the swap comes after the new index is full
