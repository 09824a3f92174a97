"""Contract tests of the Elasticsearch engine against a local HTTP stub.

They prove exactly what the portal sends (mappings, bulk bodies, query bodies, alias actions)
and that it parses realistic responses. How a real server answers is the behaviour suite's job,
which runs against a real node in CI (see `make es`).
"""

import datetime
import json
import logging
import re

import pytest
from elasticsearch import Elasticsearch

from search import engines
from search.documents import SearchDocument
from search.engines.base import EngineUnavailable
from search.engines.elasticsearch import ElasticsearchEngine
from search.engines.es_schema import CORE, FULL, HIGHLIGHT_LIMIT, index_settings, mappings
from search.facets import FACET_NAMES
from search.query import SearchQuery

PRODUCT = {"X-Elastic-Product": "Elasticsearch"}
ALIAS = "portal_documents"
FULL_NODE = {"nodes": {"n1": {"modules": [{"name": "analysis-common"}, {"name": "x-pack"}]}}}
CORE_NODE = {"nodes": {"n1": {"modules": [{"name": "transport-netty4"}]}}}


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
    added=datetime.datetime(2025, 9, 2, 8, 30, tzinfo=datetime.UTC),
    provinces=["eastern-cape"],
    partnerships=["CSPS-2026-0005"],
    topics=["patrols"],
)


def bulk_ok(httpserver, path=f"/{ALIAS}/_bulk"):
    reply(
        httpserver,
        "PUT",
        path,
        {"took": 1, "errors": False, "items": [{"index": {"_id": DOCUMENT.doc_id, "status": 201}}]},
    )


@pytest.mark.parametrize(("node", "chain"), [(FULL_NODE, FULL), (CORE_NODE, CORE)])
def test_first_write_creates_the_richest_index_the_node_can_analyse(
    httpserver, engine, node, chain, caplog
):
    reply(httpserver, "HEAD", f"/_alias/{ALIAS}", {}, status=404)
    reply(httpserver, "GET", "/_nodes/plugins", node)
    reply(httpserver, "PUT", re.compile(rf"^/{ALIAS}-\d+$"), {"acknowledged": True})
    reply(httpserver, "POST", "/_aliases", {"acknowledged": True})
    bulk_ok(httpserver)

    with caplog.at_level(logging.WARNING, logger="search.engines.elasticsearch"):
        assert engine.upsert([DOCUMENT]) == {}

    (create,) = sent(httpserver, "PUT", rf"/{ALIAS}-\d+")
    assert json.loads(create.data) == {
        "settings": index_settings(chain),
        "mappings": mappings(chain),
    }
    (aliases,) = sent(httpserver, "POST", "/_aliases")
    assert json.loads(aliases.data) == {
        "actions": [{"add": {"index": create.path.lstrip("/"), "alias": ALIAS}}]
    }
    assert engine.chain() == chain
    assert ("core analysis chain" in caplog.text) == (chain == CORE)


def test_the_two_analysis_chains():
    full, core = index_settings(FULL)["analysis"], index_settings(CORE)["analysis"]
    assert full["analyzer"]["folded"]["filter"] == ["lowercase", "asciifolding", "english_stem"]
    assert full["analyzer"]["typed_prefix"]["filter"] == ["lowercase", "asciifolding"]
    assert mappings(FULL)["properties"]["title"]["fields"]["autocomplete"]["analyzer"] == (
        "autocomplete"
    )
    # Only what the server's core offers: no folding, stemming or n-grams, no prefix subfield.
    assert core == {
        "analyzer": {"folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}}
    }
    assert "fields" not in mappings(CORE)["properties"]["title"]
    for chain in (FULL, CORE):
        assert mappings(chain)["dynamic"] == "strict"
        assert mappings(chain)["_meta"] == {"analysis": chain}
        for name in FACET_NAMES:
            assert mappings(chain)["properties"][name] == {"type": "keyword"}
        # Snippets are cut from stored offsets, not by analysing each hit's text again, and
        # from the body's opening: the whole body (PDF text) is indexed, not stored.
        for name in ("summary", "opening"):
            assert mappings(chain)["properties"][name]["index_options"] == "offsets"
        assert mappings(chain)["_source"] == {"excludes": ["body"]}


def test_bulk_body_indexes_each_document_by_its_id(httpserver, engine):
    engine._index_ready = True
    bulk_ok(httpserver)

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
            "opening": "Full text.",
            "topics": "patrols Publication Eastern Cape",  # facet labels are words too
            "url": "/research/library/policing/",
            "date": "2025-09-01",
            "added": "2025-09-02T08:30:00+00:00",
            "year": ["2025"],
            "province": ["eastern-cape"],
            "setting": [],
            "category": [],
            "rating": [],
            "partnership": ["CSPS-2026-0005"],
        },
    ]
    assert bulk.args.get("refresh") == "wait_for"


def test_a_document_the_engine_refuses_is_returned_not_raised(httpserver, engine):
    engine._index_ready = True
    reply(
        httpserver,
        "PUT",
        f"/{ALIAS}/_bulk",
        {
            "took": 1,
            "errors": True,
            "items": [
                {
                    "index": {
                        "_id": "publication:7",
                        "status": 400,
                        "error": {"type": "document_parsing_exception", "reason": "bad date"},
                    }
                }
            ],
        },
    )

    refused = engine.upsert([DOCUMENT])

    assert refused == {"publication:7": "document_parsing_exception: bad date"}


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


def test_the_query_is_the_portals_reading_of_the_question(engine):
    query = SearchQuery(text='title:x "school routes" in rural patrols streets -cctv *', page=2)

    body = engine.build_search(query)

    text = json.dumps(body)
    assert "query_string" not in text and '"in"' not in text  # a stop word never decides
    boolean = body["query"]["bool"]
    fields = ["title^4", "topics^3", "summary^2", "body"]
    phrase, terms = boolean["must"]
    assert phrase == {"multi_match": {"query": "school routes", "fields": fields, "type": "phrase"}}
    # four terms (title, rural, patrols, streets): at least two of them
    assert terms["bool"]["minimum_should_match"] == 2
    assert [t["bool"]["should"][0]["multi_match"]["query"] for t in terms["bool"]["should"]] == [
        "title",
        "rural",
        "patrols",
        "streets",
    ]
    (every_term,) = boolean["should"]  # and nothing for close spellings
    assert every_term["bool"]["boost"] == 10  # documents with every term rank first
    assert boolean["must_not"] == [{"multi_match": {"query": "cctv", "fields": fields}}]
    assert "fuzziness" not in text


def test_snippets_mark_the_words_the_query_reads(engine):
    body = engine.build_search(SearchQuery(text="neighbourhood watch volunteers -cctv"))

    assert "highlight_query" not in body["highlight"]  # the query itself: no close spellings
    assert "fuzziness" not in json.dumps(body)


def test_synonyms_are_alternatives_of_one_term(engine):
    body = engine.build_search(SearchQuery(text="CPF"))
    (term,) = body["query"]["bool"]["must"][0]["bool"]["should"]
    assert [m["multi_match"]["query"] for m in term["bool"]["should"]] == [
        "cpf",
        "cpfs",
        "community police forum",
        "community police forums",
        "community policing forum",
        "community policing forums",
    ]
    assert term["bool"]["should"][2]["multi_match"]["type"] == "phrase"


def test_ranking_sorts_by_score_then_newest_then_a_stable_tie_breaker(engine):
    body = engine.build_search(SearchQuery(text="patrol", page=2))
    assert body["sort"] == [
        "_score",
        {"date": {"order": "desc", "missing": "_last"}},
        {"kind": "asc"},
        {"object_id": "asc"},
    ]
    assert (body["from"], body["size"], body["track_total_hits"]) == (10, 10, True)


def test_a_search_does_not_ask_for_the_documents_bodies(engine):
    """A publication's body holds its PDFs' text; a hit shows its title, summary and snippet."""
    fields = engine.build_search(SearchQuery(text="patrol"))["_source"]
    assert "body" not in fields
    assert {"kind", "title", "url", "summary", "date"} <= set(fields)


def test_filters_narrow_the_hits_and_each_facet_counts_under_the_other_filters(engine):
    query = SearchQuery(text="patrol", filters={"kind": "practice", "province": "gauteng"})

    body = engine.build_search(query)

    assert body["post_filter"] == {
        "bool": {"filter": [{"term": {"kind": "practice"}}, {"term": {"province": "gauteng"}}]}
    }
    assert "filter" not in body["query"]["bool"]
    assert set(body["aggs"]) == set(FACET_NAMES)
    assert body["aggs"]["kind"] == {
        "filter": {"bool": {"filter": [{"term": {"province": "gauteng"}}]}},
        "aggs": {"kind": {"terms": {"field": "kind", "size": 50}}},
    }
    assert body["aggs"]["province"]["filter"] == {
        "bool": {"filter": [{"term": {"kind": "practice"}}]}
    }
    assert body["aggs"]["setting"]["filter"] == {
        "bool": {"filter": list(body["post_filter"]["bool"]["filter"])}
    }


def test_a_facet_with_no_other_filter_is_counted_without_one(engine):
    """An empty filter around the count cost Elasticsearch time for nothing."""
    plain = engine.build_search(SearchQuery(text="patrol"))
    one_filter = engine.build_search(SearchQuery(text="patrol", filters={"kind": "practice"}))

    assert plain["aggs"]["kind"] == {"terms": {"field": "kind", "size": 50}}
    assert all("filter" not in counted for counted in plain["aggs"].values())
    assert one_filter["aggs"]["kind"] == {"terms": {"field": "kind", "size": 50}}
    assert one_filter["aggs"]["province"]["filter"] == {
        "bool": {"filter": [{"term": {"kind": "practice"}}]}
    }


def test_browsing_without_words_lists_the_newest_first_and_highlights_any_length(engine):
    body = engine.build_search(SearchQuery(filters={"kind": "publication"}))

    assert "query" not in body
    assert body["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
    assert body["highlight"]["max_analyzed_offset"] == HIGHLIGHT_LIMIT
    assert body["highlight"]["fields"]["summary"]["no_match_size"] == 220
    assert body["highlight"]["encoder"] == "html"
    assert "highlight_query" not in body["highlight"]  # no words: the summary's opening


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
                    "highlight": {
                        "summary": ["Patrols on school &lt;routes&gt;."],
                        "opening": ["the <mark>patrols</mark> went on"],
                    },
                }
            ],
        },
        "aggregations": {
            "kind": {"doc_count": 1, "kind": {"buckets": [{"key": "publication", "doc_count": 1}]}},
            "province": {  # the filtered facet itself: counted without a filter
                "buckets": [
                    {"key": "gauteng", "doc_count": 2},
                    {"key": "eastern-cape", "doc_count": 1},
                ]
            },
            "setting": {"doc_count": 0, "setting": {"buckets": []}},
            "category": {"doc_count": 0, "category": {"buckets": []}},
            "rating": {"doc_count": 0, "rating": {"buckets": []}},
            "year": {"doc_count": 1, "year": {"buckets": [{"key": "2025", "doc_count": 1}]}},
            "partnership": {
                "doc_count": 1,
                "partnership": {"buckets": [{"key": "CSPS-2026-0005", "doc_count": 1}]},
            },
        },
    }
    reply(httpserver, "POST", f"/{ALIAS}/_search", response)
    query = SearchQuery(text="patrols", filters={"province": "eastern-cape"})

    results = engine.search(query)

    assert results.total == 1
    (hit,) = results.hits
    assert (hit.doc_id, hit.title, hit.date) == (
        "publication:7",
        "Policing in Mthátha",
        datetime.date(2025, 9, 1),
    )
    assert hit.highlight == "the <mark>patrols</mark> went on"  # the body matched, not the summary
    assert [(v.value, v.label, v.count, v.selected) for v in results.facets["province"]] == [
        ("gauteng", "Gauteng", 2, False),
        ("eastern-cape", "Eastern Cape", 1, True),
    ]
    (search_request,) = sent(httpserver, "POST", f"/{ALIAS}/_search")
    assert json.loads(search_request.data) == engine.build_search(query)


def test_rebuild_fills_a_new_index_then_swaps_the_alias_and_drops_the_old(httpserver, engine):
    reply(httpserver, "GET", "/_nodes/plugins", FULL_NODE)
    reply(httpserver, "PUT", re.compile(rf"^/{ALIAS}-\d+$"), {"acknowledged": True})
    bulk_ok(httpserver, re.compile(rf"/{ALIAS}-\d+/_bulk"))
    reply(httpserver, "GET", f"/_alias/{ALIAS}", {f"{ALIAS}-old": {"aliases": {ALIAS: {}}}})
    reply(httpserver, "POST", "/_aliases", {"acknowledged": True})
    reply(httpserver, "DELETE", f"/{ALIAS}-old", {"acknowledged": True})

    rebuild = engine.start_rebuild()
    rebuild.write([DOCUMENT])
    rebuild.finish({DOCUMENT.doc_id})

    (bulk,) = sent(httpserver, "PUT", rf"/{ALIAS}-\d+/_bulk")
    assert bulk.path == f"/{rebuild.index}/_bulk"
    (aliases,) = sent(httpserver, "POST", "/_aliases")
    assert json.loads(aliases.data) == {
        "actions": [
            {"remove": {"index": f"{ALIAS}-old", "alias": ALIAS}},
            {"add": {"index": rebuild.index, "alias": ALIAS}},
        ]
    }
    assert sent(httpserver, "DELETE", f"/{ALIAS}-old")
    order = [request.method for request, _ in httpserver.log]
    assert order.index("POST") > order.index("PUT")  # the swap comes after the new index is full


def test_an_unreachable_cluster_is_not_asked_again_for_a_while():
    client = Elasticsearch("http://127.0.0.1:9", request_timeout=1, max_retries=0)
    engine = ElasticsearchEngine(client=client, alias="unreachable")
    with pytest.raises(EngineUnavailable):
        engine.search(SearchQuery(text="patrol"))

    def must_not_be_called(*args, **kwargs):
        raise AssertionError("the breaker should have answered")

    engine.client = type("Client", (), {"search": must_not_be_called})()
    with pytest.raises(EngineUnavailable, match="moments ago"):
        engine.search(SearchQuery(text="patrol"))


def test_one_client_per_configuration_with_the_configured_timeout(settings):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 3

    first, second = engines.get("elasticsearch"), engines.get("elasticsearch")

    assert first is second
    assert first.client._request_timeout == 3
    assert engines.configured() == ["database", "elasticsearch"]
    assert engines.primary() is first


def test_a_sort_by_date_matches_what_a_sort_by_relevance_matches(engine):
    by_relevance = engine.build_search(SearchQuery(text="community safety -cctv"))
    by_date = engine.build_search(SearchQuery(text="community safety -cctv", sort="date"))

    assert by_date["query"] == by_relevance["query"]
    assert by_date["sort"][0] == {"date": {"order": "desc", "missing": "_last"}}
