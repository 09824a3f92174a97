"""The Elasticsearch engine: one index behind an alias, bulk writes, zero-downtime rebuilds,
faceted search with highlights. Queries use only multi_match and match_bool_prefix, built
from the portal's own reading of a question (``search.reading``), never the query_string
syntax, so nothing a reader types is interpreted as Elasticsearch syntax.

It answers as the database engine does (the behaviour suite holds both to it): most meaningful
words are required, stop words never decide, synonyms count as the word, a misspelt question
is offered the index's spelling (``search.corrections``), quoted phrases and ``-word`` are
respected,
each facet is counted under the *other* filters, searches without words list the newest first,
and pages are stable (ties are broken by kind and id).

When the cluster cannot be reached, the engine stops asking it for ``COOL_DOWN`` seconds (a
simple circuit breaker): readers get the database engine's answer at once instead of a timeout.
"""

import contextlib
import datetime
import logging
import threading
import time

from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers

from search.documents import SearchDocument
from search.engines.base import (
    SUGGESTIONS,
    EngineUnavailable,
    FacetValue,
    Hit,
    SearchResults,
)
from search.engines.es_schema import (
    ADDED_LATER,
    CORE,
    FACET_FIELDS,
    FULL,
    HIGHLIGHT_LIMIT,
    REQUIRED_MODULE,
    SEARCH_FIELDS,
    index_settings,
    mappings,
)
from search.facets import BY_NAME, label_text
from search.query import FACET_SIZE, PAGE_SIZE, SearchQuery
from search.reading import Reading
from search.text import SNIPPET_SOURCE

logger = logging.getLogger(__name__)
COOL_DOWN = 30.0  # seconds without asking a cluster that failed to answer
ENGINE_ERRORS = (TransportError, ApiError, ConnectionError)
SNIPPET = 220
TIE_BREAKERS = [{"kind": "asc"}, {"object_id": "asc"}]
# What a hit shows (``parse``); the stored source also holds the body's opening (20,000
# characters) and the facets, which a page of hits does not read.
HIT_FIELDS = ["kind", "title", "url", "summary", "date", "added"]


def source_of(document: SearchDocument) -> dict:
    return {
        **{name: BY_NAME[name].values(document) for name in FACET_FIELDS},
        "kind": document.kind,
        "object_id": document.object_id,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "opening": document.body[:SNIPPET_SOURCE],
        "topics": " ".join([*document.topics, *label_text(document)]),
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "added": document.added.isoformat() if document.added else None,
    }


def _match(words) -> dict:
    """One word, or a phrase of several, in any searchable field."""
    if len(words) == 1:
        return {"multi_match": {"query": words[0], "fields": SEARCH_FIELDS}}
    return {"multi_match": {"query": " ".join(words), "fields": SEARCH_FIELDS, "type": "phrase"}}


def reading_query(reading: Reading) -> dict:
    """The query of a reading, as the database engine reads it: ``required`` of the terms
    (each matched by any of its alternatives), every quoted phrase, none of the excluded words;
    documents with every term rank higher.

    Close spellings add nothing to the score: a fuzzy clause that made them count cost half of
    Elasticsearch's time for a broad question and changed almost nothing (nDCG@10 over the
    judged questions 0.875 with it, 0.873 without; bench/README.md). A misspelt question is
    offered the index's spelling instead, as on the database engine."""
    terms = [
        {"bool": {"should": [_match(words) for words in alternatives], "minimum_should_match": 1}}
        for alternatives in reading.terms
    ]
    must = [_match(words) for words in reading.phrases]
    if terms:
        must.append({"bool": {"should": terms, "minimum_should_match": reading.required}})
    query: dict = {"must": must or [{"match_all": {}}]}
    if len(terms) > reading.required:
        query["should"] = [{"bool": {"must": terms, "boost": 10}}]
    if reading.excluded:
        query["must_not"] = [_match(words) for words in reading.excluded]
    return {"bool": query}


class CircuitBreaker:
    """Open for COOL_DOWN seconds after a failure to reach the cluster; shared by every engine
    of one process that talks to the same address."""

    _open_until: dict[str, float] = {}
    _lock = threading.Lock()

    def __init__(self, key: str):
        self.key = key

    def check(self) -> None:
        if time.monotonic() < self._open_until.get(self.key, 0):
            raise EngineUnavailable("Elasticsearch failed moments ago; not asking it again yet.")

    def trip(self) -> None:
        with self._lock:
            self._open_until[self.key] = time.monotonic() + COOL_DOWN

    def reset(self) -> None:
        with self._lock:
            self._open_until.pop(self.key, None)

    @classmethod
    def reset_all(cls) -> None:
        with cls._lock:
            cls._open_until.clear()


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(
        self,
        *,
        url: str = "",
        alias: str = "portal_documents",
        timeout: float = 5,
        client: Elasticsearch | None = None,
    ):
        self.client = client or Elasticsearch(url, request_timeout=timeout, max_retries=1)
        self.alias = alias
        self.breaker = CircuitBreaker(url or alias)
        self._index_ready = False
        self._chain: str | None = None

    def _guard(self, call, *args, **kwargs):
        """Call the cluster; a cluster that cannot answer raises EngineUnavailable (and opens
        the breaker when it could not be reached at all)."""
        self.breaker.check()
        try:
            result = call(*args, **kwargs)
        except TransportError as error:  # connection refused, timeout: the cluster is away
            self.breaker.trip()
            raise EngineUnavailable(str(error)) from error
        except (ApiError, ConnectionError) as error:
            raise EngineUnavailable(str(error)) from error
        self.breaker.reset()
        return result

    # Analysis -------------------------------------------------------------------------------

    def available_chain(self) -> str:
        """The richest analysis chain every node of the cluster can run."""
        response = self._guard(self.client.nodes.info, metric="plugins")
        nodes = response["nodes"].values()
        if nodes and all(
            REQUIRED_MODULE in {module["name"] for module in node.get("modules", [])}
            for node in nodes
        ):
            return FULL
        logger.warning(
            "Elasticsearch has no %s module: the index uses the core analysis chain "
            "(no accent folding, no English stemming, suggestions by prefix query).",
            REQUIRED_MODULE,
        )
        return CORE

    def chain(self) -> str:
        """The analysis chain of the live index (read from its mapping once)."""
        if self._chain is None:
            response = self._guard(self.client.indices.get_mapping, index=self.alias)
            index_mapping = next(iter(response.values()))
            meta = index_mapping["mappings"].get("_meta", {})
            self._chain = meta.get("analysis", FULL)
        return self._chain

    # Writing -------------------------------------------------------------------------------

    def new_index_name(self) -> str:
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    def create_index(self, name: str) -> str:
        chain = self.available_chain()
        self._guard(
            self.client.indices.create,
            index=name,
            settings=index_settings(chain),
            mappings=mappings(chain),
        )
        return chain

    def ensure_index(self) -> None:
        """Create the first index and point the alias at it, if there is none yet (so writes
        never make Elasticsearch invent an index with guessed mappings)."""
        if self._index_ready:
            return
        if self._guard(self.client.indices.exists_alias, name=self.alias):
            self._guard(self.client.indices.put_mapping, index=self.alias, properties=ADDED_LATER)
            self._index_ready = True
            return
        name = self.new_index_name()
        self._chain = self.create_index(name)
        self._guard(
            self.client.indices.update_aliases,
            actions=[{"add": {"index": name, "alias": self.alias}}],
        )
        self._index_ready = True

    def _bulk(self, actions, index: str) -> dict[str, str]:
        """Send the actions in bulk; returns the ones refused, by doc id."""
        _, errors = self._guard(
            helpers.bulk,
            self.client,
            actions,
            index=index,
            refresh="wait_for",
            raise_on_error=False,
        )
        refused = {}
        for error in errors:
            ((operation, detail),) = error.items()
            if operation == "delete" and detail.get("status") == 404:
                continue  # deleting what is not there is fine: it is gone either way
            reason = detail.get("error", {})
            refused[detail.get("_id", "")] = (
                f"{reason.get('type', 'refused')}: {reason.get('reason', '')}"
                if isinstance(reason, dict)
                else str(reason)
            )
        return refused

    def upsert(self, documents: list[SearchDocument], index: str | None = None) -> dict[str, str]:
        if not documents:
            return {}
        if index is None:
            self.ensure_index()
        return self._bulk(
            (
                {"_op_type": "index", "_id": doc.doc_id, "_source": source_of(doc)}
                for doc in documents
            ),
            index or self.alias,
        )

    def delete(self, doc_ids: list[str]) -> None:
        if not doc_ids:
            return
        self.ensure_index()
        refused = self._bulk(
            ({"_op_type": "delete", "_id": doc_id} for doc_id in doc_ids), self.alias
        )
        if refused:
            raise EngineUnavailable(f"Elasticsearch refused deletes: {refused}")

    def start_rebuild(self) -> "ElasticsearchRebuild":
        return ElasticsearchRebuild(self)

    def count_by_kind(self) -> dict[str, int]:
        response = self._guard(
            self.client.search,
            index=self.alias,
            size=0,
            aggs={"kind": {"terms": {"field": "kind", "size": FACET_SIZE}}},
        )
        return {b["key"]: b["doc_count"] for b in response["aggregations"]["kind"]["buckets"]}

    def describe(self) -> list[str]:
        indices = list(self._guard(self.client.indices.get_alias, name=self.alias))
        return [
            f"index {', '.join(indices)} behind the alias {self.alias}",
            f"analysis chain: {self.chain()}"
            + ("" if self.chain() == FULL else f" (the node has no {REQUIRED_MODULE} module)"),
        ]

    # Reading -------------------------------------------------------------------------------

    def build_search(self, query: SearchQuery) -> dict:
        """The request body of one search."""
        body: dict = {}
        reading = query.reading()
        by_date = query.sort == "date" or reading.empty
        if not reading.empty:
            body["query"] = reading_query(reading)
        # Filters apply to the hits after the facets are counted; each facet is counted under
        # every filter but its own, so a reader can switch between its values.
        filters = {name: {"term": {name: value}} for name, value in query.filters.items()}
        if filters:
            body["post_filter"] = {"bool": {"filter": list(filters.values())}}
        body["aggs"] = {name: _facet_aggregation(name, filters) for name in FACET_FIELDS}
        body["highlight"] = {
            "encoder": "html",
            "pre_tags": ["<mark>"],
            "post_tags": ["</mark>"],
            "number_of_fragments": 1,
            "max_analyzed_offset": HIGHLIGHT_LIMIT,
            "fields": {
                # The summary's opening when no word matched it (a title-only match).
                "summary": {"fragment_size": SNIPPET, "no_match_size": SNIPPET},
                # The query names the body, not its opening: any field's words are marked.
                "opening": {"fragment_size": SNIPPET, "require_field_match": False},
            },
        }
        newest = {"date": {"order": "desc", "missing": "_last"}}
        if query.sort == "added":  # a feed: what appeared on the portal last first
            body["sort"] = [{"added": {"order": "desc", "missing": "_last"}}, *TIE_BREAKERS]
        elif by_date:
            body["sort"] = [newest, *TIE_BREAKERS]
        else:
            body["sort"] = ["_score", newest, *TIE_BREAKERS]
        body["from"] = (query.page - 1) * PAGE_SIZE
        body["size"] = PAGE_SIZE
        body["track_total_hits"] = True
        body["_source"] = HIT_FIELDS
        return body

    def search(self, query: SearchQuery) -> SearchResults:
        response = self._guard(self.client.search, index=self.alias, body=self.build_search(query))
        return self.parse(response, query)

    def count(self, query: SearchQuery) -> int:
        """The count API over what ``search`` matches, its filters included: no scores,
        aggregations or highlights are computed."""
        reading = query.reading()
        found = {"match_all": {}}
        if not reading.empty:
            found = reading_query(reading)
        filters = [{"term": {name: value}} for name, value in query.filters.items()]
        counted = {"bool": {"must": [found], "filter": filters}} if filters else found
        response = self._guard(self.client.count, index=self.alias, query=counted)
        return response["count"]

    def parse(self, response, query: SearchQuery) -> SearchResults:
        hits = []
        for raw in response["hits"]["hits"]:
            source = raw["_source"]
            hits.append(
                Hit(
                    doc_id=raw["_id"],
                    kind=source["kind"],
                    title=source["title"],
                    url=source["url"],
                    summary=source.get("summary", ""),
                    date=datetime.date.fromisoformat(source["date"])
                    if source.get("date")
                    else None,
                    highlight=_snippet(raw.get("highlight", {})),
                    added=datetime.datetime.fromisoformat(source["added"])
                    if source.get("added")
                    else None,
                )
            )
        aggregations = response.get("aggregations", {})
        facets = {}
        for name in FACET_FIELDS:
            counted = aggregations.get(name, {})
            buckets = counted.get(name, counted).get("buckets", [])  # under a filter, or not
            facet = BY_NAME[name]
            facets[name] = sorted(
                (
                    FacetValue(
                        value=str(bucket["key"]),
                        label=facet.label(str(bucket["key"])),
                        count=bucket["doc_count"],
                        selected=query.filters.get(name) == str(bucket["key"]),
                    )
                    for bucket in buckets
                ),
                key=lambda value: (-value.count, value.value),
            )
        return SearchResults(
            hits=hits, total=response["hits"]["total"]["value"], facets=facets, engine=self.name
        )

    def suggest(self, text: str) -> list[dict]:
        text = text.strip()[:100]
        if len(text) < 2:
            return []
        if self.chain() == FULL:
            match = {
                "multi_match": {
                    "query": text,
                    "fields": ["title.autocomplete"],
                    "operator": "and",
                }
            }
        else:
            match = {"match_bool_prefix": {"title": {"query": text, "operator": "and"}}}
        response = self._guard(
            self.client.search,
            index=self.alias,
            size=SUGGESTIONS,
            source=["title", "url", "kind"],
            query=match,
        )
        return [
            {
                "title": h["_source"]["title"],
                "url": h["_source"]["url"],
                "kind": h["_source"]["kind"],
            }
            for h in response["hits"]["hits"]
        ]


def _facet_aggregation(name: str, filters: dict[str, dict]) -> dict:
    """A facet's most frequent values, counted under every filter but its own. With no such
    filter, a plain terms aggregation: wrapped in an empty filter it cost the node about a
    third more for a broad question (bench/README.md)."""
    terms = {"terms": {"field": name, "size": FACET_SIZE}}
    others = [term for other, term in filters.items() if other != name]
    if not others:
        return terms
    return {"filter": {"bool": {"filter": others}}, "aggs": {name: terms}}


def _snippet(fragments: dict) -> str:
    """The summary's fragment if a word matched there (or nothing matched the body's opening),
    otherwise the opening's: the database engine shows the same."""
    summary = (fragments.get("summary") or [""])[0]
    opening = (fragments.get("opening") or [""])[0]
    return summary if "<mark>" in summary or not opening else opening


class ElasticsearchRebuild:
    """A new index beside the live one, filled as documents are projected, then an alias swap:
    readers never see a half-built index."""

    def __init__(self, engine: ElasticsearchEngine):
        self.engine = engine
        self.index = engine.new_index_name()
        self.chain = engine.create_index(self.index)

    def write(self, documents: list[SearchDocument]) -> dict[str, str]:
        return self.engine.upsert(documents, index=self.index)

    def finish(self, seen: set[str]) -> int:
        engine = self.engine
        try:
            old = list(engine._guard(engine.client.indices.get_alias, name=engine.alias))
        except EngineUnavailable:
            old = []
        actions = [{"remove": {"index": index, "alias": engine.alias}} for index in old]
        actions.append({"add": {"index": self.index, "alias": engine.alias}})
        engine._guard(engine.client.indices.update_aliases, actions=actions)
        for index in old:
            with contextlib.suppress(NotFoundError):
                engine.client.indices.delete(index=index)
        engine._index_ready = True
        engine._chain = self.chain
        return 0  # the old index, stale documents and all, is gone
