"""The database engine: documents in a table with the database's own full-text index (FTS5 on
SQLite, tsvector on PostgreSQL) that finds and scores what the words match; filters, facet
counts and the page of results come from each worker's copy of the documents' facet values and
date order (``index_memory``)."""

from django.db import connection, transaction
from django.db.models import Count
from django.db.models.functions import Substr

from search.documents import SearchDocument
from search.engines import fulltext, index_memory
from search.engines.base import SUGGESTIONS, FacetValue, Hit, SearchResults
from search.engines.facet_rows import facet_ids
from search.engines.matching import Matching
from search.facets import facet_labels, facet_values, label_text
from search.models import DocumentFacet, IndexedDocument
from search.query import SearchQuery
from search.text import SNIPPET_SOURCE, WORD, fold, highlight

FOLDED_FIELDS = ("title_folded", "summary_folded", "body_folded", "topics_folded")
# PostgreSQL refuses a tsvector over 1 MB; a few hundred pages of report text is plenty to find.
MAX_INDEXED_TEXT = 300_000


def indexed_words(text: str) -> str:
    """``text`` folded and cut to what is indexed, as the words a reading finds in a question
    (``search.text.WORD``), one space apart. PostgreSQL's own parser reads "CSPS-2026-0001" as
    "csps", "-2026" and "-0001" (signed numbers) and "COVID-19" as "covid" and "-19", so the
    words a reader types ("2026", "19") never matched them; SQLite's tokenizer splits them as
    the reading does either way."""
    return " ".join(WORD.findall(fold(text)[:MAX_INDEXED_TEXT]))


def _row(document: SearchDocument) -> IndexedDocument:
    return IndexedDocument(
        doc_id=document.doc_id,
        kind=document.kind,
        source_id=document.object_id,
        title=document.title,
        summary=document.summary,
        body=document.body,
        url=document.url,
        date=document.date,
        added=document.added,
        title_folded=indexed_words(document.title),
        summary_folded=indexed_words(document.summary),
        body_folded=indexed_words(document.body),
        # Topics and the labels of the document's facet values ("Rural", "Gauteng", "Target
        # hardening"), so the words of the field find what is tagged with them.
        topics_folded=indexed_words(" ".join([*document.topics, *label_text(document)])),
    )


class DatabaseEngine:
    name = "database"

    def upsert(self, documents: list[SearchDocument]) -> dict[str, str]:
        """Replace the stored copies of ``documents`` (rows are deleted and inserted again, which
        keeps the full-text triggers and the facet rows simple and fast in bulk). It refuses
        nothing: a database error is raised."""
        if not documents:
            return {}
        latest = {document.doc_id: document for document in documents}
        with transaction.atomic():
            self.delete(list(latest))
            rows = IndexedDocument.objects.bulk_create(
                [_row(document) for document in latest.values()]
            )
            pairs_by_row = [
                (
                    row,
                    {
                        (name, value)
                        for name, values in facet_values(document).items()
                        for value in values
                    },
                )
                for row, document in zip(rows, latest.values(), strict=True)
            ]
            ids = facet_ids(set().union(*(pairs for _, pairs in pairs_by_row)))
            DocumentFacet.objects.bulk_create(
                DocumentFacet(document_id=row.pk, facet_id=ids[pair])
                for row, pairs in pairs_by_row
                for pair in pairs
            )
            index_memory.changed()
        return {}

    def delete(self, doc_ids: list[str]) -> None:
        with transaction.atomic():
            deleted, _ = IndexedDocument.objects.filter(doc_id__in=doc_ids).delete()
            if deleted:
                index_memory.changed()

    def delete_except(self, doc_ids: set[str]) -> int:
        """Remove every document not in ``doc_ids`` (what a rebuild did not see is stale)."""
        stale = [
            doc_id
            for doc_id in IndexedDocument.objects.values_list("doc_id", flat=True).iterator()
            if doc_id not in doc_ids
        ]
        for start in range(0, len(stale), 500):
            self.delete(stale[start : start + 500])
        return len(stale)

    def tidy(self) -> None:
        """Database housekeeping after a rebuild (see ``fulltext``'s ``maintenance``)."""
        with connection.cursor() as cursor:
            for statement in fulltext.for_database().maintenance:
                cursor.execute(statement)

    def start_rebuild(self) -> "DatabaseRebuild":
        return DatabaseRebuild(self)

    def describe(self) -> list[str]:
        if connection.vendor == "sqlite":
            return ["SQLite FTS5 tables (English stemming, diacritics removed)"]
        return ["PostgreSQL tsvector columns (English stemming) with GIN indexes"]

    def count_by_kind(self) -> dict[str, int]:
        counts = IndexedDocument.objects.values_list("kind").annotate(count=Count("pk"))
        return dict(counts.order_by())

    def search(self, query: SearchQuery) -> SearchResults:
        reading = query.reading()
        if query.text and reading.empty:
            return SearchResults(hits=[], total=0, facets={}, engine=self.name)
        memory = index_memory.current()
        # Sorting by date needs no scores.
        matches = Matching(reading, memory).matches(ranked=query.sort == "relevance")
        answer = memory.answer(
            matches, memory.filter_numbers(query.filters), query.sort, query.page
        )
        page_ids = answer.page
        # The folded copies are for the full-text index only, and a snippet is looked for in
        # the body's opening only (``SNIPPET_SOURCE``): a page of hits reads no more.
        rows = (
            IndexedDocument.objects.defer(*FOLDED_FIELDS, "body")
            .annotate(body_start=Substr("body", 1, SNIPPET_SOURCE))
            .in_bulk(page_ids)
        )
        return SearchResults(
            hits=[_hit(rows[pk], " ".join(reading.words)) for pk in page_ids if pk in rows],
            total=answer.total,
            facets=_facets(answer.counts, query.filters),
            engine=self.name,
        )

    def count(self, query: SearchQuery) -> int:
        reading = query.reading()
        if query.text and reading.empty:
            return 0
        memory = index_memory.current()
        matches = Matching(reading, memory).matches(ranked=False)
        return memory.count(matches, memory.filter_numbers(query.filters))

    def suggest(self, text: str) -> list[dict]:
        words = WORD.findall(fold(text)[:100])[:6]
        if not words or len("".join(words)) < 2:
            return []
        sql, params = fulltext.for_database().title_prefix(words, SUGGESTIONS)
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            ids = [pk for (pk,) in cursor.fetchall()]
        rows = IndexedDocument.objects.only("title", "url", "kind").in_bulk(ids)
        return [
            {"title": rows[pk].title, "url": rows[pk].url, "kind": rows[pk].kind}
            for pk in ids
            if pk in rows
        ]


class DatabaseRebuild:
    """Documents are replaced in place and the stale ones removed at the end, so readers never
    search a half-built index."""

    def __init__(self, engine: DatabaseEngine):
        self.engine = engine

    def write(self, documents: list[SearchDocument]) -> dict[str, str]:
        return self.engine.upsert(documents)

    def finish(self, seen: set[str]) -> int:
        removed = self.engine.delete_except(seen)
        self.engine.tidy()
        return removed


def _hit(row: IndexedDocument, text: str) -> Hit:
    return Hit(
        doc_id=row.doc_id,
        kind=row.kind,
        title=row.title,
        url=row.url,
        summary=row.summary,
        date=row.date,
        added=row.added,
        highlight=highlight(row.summary + " " + row.body_start, text)
        if text
        else highlight(row.summary, ""),
    )


def _facets(counts: dict[str, dict[str, int]], filters: dict[str, str]) -> dict:
    labels = facet_labels()
    return {
        name: [
            FacetValue(
                value=value,
                label=labels.get(name, {}).get(value, value),
                count=count,
                selected=filters.get(name) == value,
            )
            for value, count in sorted(values.items(), key=lambda item: (-item[1], item[0]))
        ]
        for name, values in counts.items()
    }
