"""The Elasticsearch engine: one index behind an alias, bulk writes, zero-downtime rebuilds,
faceted search with highlights. Queries use only multi_match and simple_query_string, never the
raw query_string syntax, so nothing a reader types is interpreted as Elasticsearch syntax."""

import contextlib
import datetime

from django.conf import settings
from elasticsearch import ApiError, Elasticsearch, NotFoundError, TransportError, helpers
from elasticsearch.dsl import A, Q, Search

from search.documents import SearchDocument
from search.engines.base import EngineUnavailable, FacetValue, Hit, SearchResults
from search.engines.es_schema import FACET_FIELDS, INDEX_SETTINGS, MAPPINGS, SEARCH_FIELDS
from search.facets import facet_labels
from search.query import FACET_SIZE, PAGE_SIZE, SearchQuery

SUGGESTIONS = 8
ENGINE_ERRORS = (TransportError, ApiError, ConnectionError, helpers.BulkIndexError)


def source_of(document: SearchDocument) -> dict:
    return {
        "kind": document.kind,
        "object_id": document.object_id,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "topics": " ".join(document.topics),
        "url": document.url,
        "date": document.date.isoformat() if document.date else None,
        "year": str(document.date.year) if document.date else None,
        "province": document.provinces,
        "setting": document.settings,
        "category": document.categories,
        "rating": document.rating or None,
        "partnership": document.partnerships,
    }


class ElasticsearchEngine:
    name = "elasticsearch"

    def __init__(self, client: Elasticsearch | None = None, alias: str | None = None):
        self.client = client or Elasticsearch(
            settings.ELASTICSEARCH_URL,
            request_timeout=getattr(settings, "ELASTICSEARCH_TIMEOUT", 5),
            max_retries=1,
        )
        self.alias = alias or f"{settings.ELASTICSEARCH_INDEX_PREFIX}documents"
        self._index_ready = False

    def _guard(self, call, *args, **kwargs):
        try:
            return call(*args, **kwargs)
        except ENGINE_ERRORS as error:
            raise EngineUnavailable(str(error)) from error

    # Writing -------------------------------------------------------------------------------

    def new_index_name(self) -> str:
        return f"{self.alias}-{datetime.datetime.now(datetime.UTC):%Y%m%d%H%M%S%f}"

    def create_index(self, name: str) -> None:
        self._guard(
            self.client.indices.create, index=name, settings=INDEX_SETTINGS, mappings=MAPPINGS
        )

    def ensure_index(self) -> None:
        """Create the first index and point the alias at it, if there is none yet (so writes
        never make Elasticsearch invent an index with guessed mappings)."""
        if self._index_ready or self._guard(self.client.indices.exists_alias, name=self.alias):
            self._index_ready = True
            return
        name = self.new_index_name()
        self.create_index(name)
        self._guard(
            self.client.indices.update_aliases,
            actions=[{"add": {"index": name, "alias": self.alias}}],
        )
        self._index_ready = True

    def _bulk(self, actions, index: str | None = None, **options) -> None:
        self._guard(
            helpers.bulk,
            self.client,
            actions,
            index=index or self.alias,
            refresh="wait_for",
            **options,
        )

    def upsert(self, documents: list[SearchDocument], index: str | None = None) -> None:
        if index is None:
            self.ensure_index()
        self._bulk(
            (
                {"_op_type": "index", "_id": doc.doc_id, "_source": source_of(doc)}
                for doc in documents
            ),
            index,
        )

    def delete(self, doc_ids: list[str]) -> None:
        # Deleting what is not there is fine: the document is gone either way.
        self.ensure_index()
        self._bulk(({"_op_type": "delete", "_id": doc_id} for doc_id in doc_ids), ignore_status=404)

    def rebuild(self, documents) -> str:
        """Build a new index beside the live one, then swap the alias in one step."""
        new_index = self.new_index_name()
        self.create_index(new_index)
        self.upsert(list(documents), index=new_index)
        try:
            old = list(self._guard(self.client.indices.get_alias, name=self.alias))
        except EngineUnavailable:
            old = []
        actions = [{"remove": {"index": index, "alias": self.alias}} for index in old]
        actions.append({"add": {"index": new_index, "alias": self.alias}})
        self._guard(self.client.indices.update_aliases, actions=actions)
        for index in old:
            with contextlib.suppress(NotFoundError):
                self.client.indices.delete(index=index)
        return new_index

    def count_by_kind(self) -> dict[str, int]:
        response = self._guard(
            self.client.search,
            index=self.alias,
            size=0,
            aggs={"kind": {"terms": {"field": "kind", "size": FACET_SIZE}}},
        )
        return {b["key"]: b["doc_count"] for b in response["aggregations"]["kind"]["buckets"]}

    # Reading -------------------------------------------------------------------------------

    def build_search(self, query: SearchQuery) -> Search:
        search = Search(index=self.alias)
        if query.text:
            search = search.query(
                Q(
                    "bool",
                    should=[
                        Q(
                            "simple_query_string",
                            query=query.text,
                            fields=SEARCH_FIELDS,
                            default_operator="and",
                            flags="PHRASE|PREFIX|WHITESPACE|AND|OR|NOT",
                        ),
                        Q(
                            "multi_match",
                            query=query.text,
                            fields=SEARCH_FIELDS,
                            fuzziness="AUTO",
                            operator="and",
                        ),
                    ],
                    minimum_should_match=1,
                )
            )
        for name, value in query.filters.items():
            search = search.filter("term", **{name: value})
        for name in FACET_FIELDS:
            search.aggs.bucket(name, A("terms", field=name, size=FACET_SIZE))
        search = search.highlight_options(
            encoder="html", pre_tags=["<mark>"], post_tags=["</mark>"], number_of_fragments=1
        ).highlight("summary", "body", fragment_size=220)
        if query.sort == "date":
            search = search.sort({"date": {"order": "desc", "missing": "_last"}})
        start = (query.page - 1) * PAGE_SIZE
        return search.extra(from_=start, size=PAGE_SIZE, track_total_hits=True)

    def search(self, query: SearchQuery) -> SearchResults:
        body = self.build_search(query).to_dict()
        response = self._guard(self.client.search, index=self.alias, body=body)
        return self.parse(response, query)

    def parse(self, response, query: SearchQuery) -> SearchResults:
        labels = facet_labels()
        hits = []
        for raw in response["hits"]["hits"]:
            source = raw["_source"]
            fragments = raw.get("highlight", {})
            highlight = (fragments.get("summary") or fragments.get("body") or [""])[0]
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
                    highlight=highlight,
                )
            )
        facets = {
            name: [
                FacetValue(
                    value=str(bucket["key"]),
                    label=labels.get(name, {}).get(str(bucket["key"]), str(bucket["key"])),
                    count=bucket["doc_count"],
                    selected=query.filters.get(name) == str(bucket["key"]),
                )
                for bucket in response.get("aggregations", {}).get(name, {}).get("buckets", [])
            ]
            for name in FACET_FIELDS
        }
        return SearchResults(
            hits=hits, total=response["hits"]["total"]["value"], facets=facets, engine=self.name
        )

    def suggest(self, text: str) -> list[dict]:
        text = text.strip()[:100]
        if len(text) < 2:
            return []
        response = self._guard(
            self.client.search,
            index=self.alias,
            body={
                "size": SUGGESTIONS,
                "_source": ["title", "url", "kind"],
                "query": {
                    "multi_match": {
                        "query": text,
                        "fields": ["title.autocomplete"],
                        "operator": "and",
                    }
                },
            },
        )
        return [
            {
                "title": h["_source"]["title"],
                "url": h["_source"]["url"],
                "kind": h["_source"]["kind"],
            }
            for h in response["hits"]["hits"]
        ]
