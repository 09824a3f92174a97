"""The database engine: documents in a table with the database's own full-text index (FTS5 on
SQLite, tsvector on PostgreSQL), facet counts by GROUP BY over the matches."""

from django.db import connection, transaction
from django.db.models import Count, Q

from search.documents import SearchDocument
from search.engines import fulltext
from search.engines.base import FacetValue, Hit, SearchResults
from search.facets import facet_labels
from search.models import DocumentFacet, IndexedDocument
from search.models import FacetValue as StoredFacetValue
from search.query import FACETS, PAGE_SIZE, SearchQuery
from search.text import WORD, fold, highlight, query_parts

FACET_SIZE = 50  # values listed per facet, most frequent first (as the Elasticsearch engine)
SUGGESTIONS = 8
# PostgreSQL refuses a tsvector over 1 MB; a few hundred pages of report text is plenty to find.
MAX_INDEXED_TEXT = 300_000
DOCUMENTS = IndexedDocument._meta.db_table
FACET_ROWS = DocumentFacet._meta.db_table
FACET_VALUES = StoredFacetValue._meta.db_table
UNKNOWN = 0  # the number of a filter value no document has


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
        title_folded=fold(document.title),
        summary_folded=fold(document.summary)[:MAX_INDEXED_TEXT],
        body_folded=fold(document.body)[:MAX_INDEXED_TEXT],
        topics_folded=fold(" ".join(document.topics)),
    )


def facet_values(document: SearchDocument) -> dict[str, list[str]]:
    return {
        "kind": [document.kind],
        "province": document.provinces,
        "setting": document.settings,
        "category": document.categories,
        "rating": [document.rating] if document.rating else [],
        "year": [str(document.date.year)] if document.date else [],
        "partnership": document.partnerships,
    }


def _facet_ids(pairs: set[tuple[str, str]]) -> dict[tuple[str, str], int]:
    """The numbers of these (name, value) pairs, numbering the new ones."""
    StoredFacetValue.objects.bulk_create(
        [StoredFacetValue(name=name, value=value) for name, value in pairs], ignore_conflicts=True
    )
    ids = {}
    for name in {name for name, _ in pairs}:
        values = sorted(value for pair_name, value in pairs if pair_name == name)
        for start in range(0, len(values), 500):
            found = StoredFacetValue.objects.filter(
                name=name, value__in=values[start : start + 500]
            )
            ids.update({(name, value): pk for value, pk in found.values_list("value", "pk")})
    return ids


class DatabaseEngine:
    name = "database"

    def upsert(self, documents: list[SearchDocument]) -> None:
        """Replace the stored copies of ``documents`` (rows are deleted and inserted again, which
        keeps the full-text triggers and the facet rows simple and fast in bulk)."""
        if not documents:
            return
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
            ids = _facet_ids(set().union(*(pairs for _, pairs in pairs_by_row)))
            DocumentFacet.objects.bulk_create(
                DocumentFacet(document_id=row.pk, facet_id=ids[pair])
                for row, pairs in pairs_by_row
                for pair in pairs
            )

    def delete(self, doc_ids: list[str]) -> None:
        IndexedDocument.objects.filter(doc_id__in=doc_ids).delete()

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

    def clear(self) -> None:
        IndexedDocument.objects.all().delete()

    def count_by_kind(self) -> dict[str, int]:
        counts = IndexedDocument.objects.values_list("kind").annotate(count=Count("pk"))
        return dict(counts.order_by())

    def search(self, query: SearchQuery) -> SearchResults:
        parts = query_parts(query.text)
        if query.text and not parts:
            return SearchResults(hits=[], total=0, facets={}, engine=self.name)
        if parts:
            source, params = fulltext.for_database().matches(parts)
        else:
            source, params = f"SELECT id, 0 AS score FROM {DOCUMENTS}", []
        matches = _Matches(source, params, _filter_ids(query.filters))
        counts = matches.facet_counts()
        # Every document has exactly one kind, so the kind counts add up to the total.
        if "kind" in query.filters:
            total = counts["kind"].get(query.filters["kind"], 0)
        else:
            total = sum(counts["kind"].values())
        page_ids = matches.page(query.sort if parts else "date", query.page)
        rows = IndexedDocument.objects.in_bulk(page_ids)
        return SearchResults(
            hits=[_hit(rows[pk], query.text) for pk in page_ids if pk in rows],
            total=total,
            facets=_facets(counts, query.filters),
            engine=self.name,
        )

    def suggest(self, text: str) -> list[dict]:
        words = [word for word in WORD.findall(fold(text)[:100])][:6]
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


class _Matches:
    """SQL over one search's matches (``source`` selects id and score) and its filters, given
    as facet name -> facet value number.

    Each statement computes the matches once, as a materialised common table expression, and
    filters and counts over that: left to itself, SQLite's planner re-runs the full-text
    query for every row of a facet filter."""

    def __init__(self, source: str, params: list, filters: dict[str, int]):
        self.source, self.params, self.filters = source, params, filters

    def _run(self, statement: str, params: list) -> list[tuple]:
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH matched AS MATERIALIZED ({self.source}) {statement}",
                [*self.params, *params],
            )
            return cursor.fetchall()

    def _narrowed(self, leave_out: str | None = None) -> tuple[str, list]:
        """Ids and scores of the matches that pass every filter but ``leave_out``."""
        clauses, params = [], []
        for name, facet_id in self.filters.items():
            if name != leave_out:
                clauses.append(f"id IN (SELECT document_id FROM {FACET_ROWS} WHERE facet_id = %s)")
                params.append(facet_id)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        return f"SELECT id, score FROM matched{where}", params

    def facet_counts(self) -> dict[str, dict[str, int]]:
        """Per facet, value -> count of the most frequent values. A facet with a selected value
        counts what the other filters allow, so a reader can switch between its values; the
        rest count the matches that pass every filter."""
        free = [name for name in FACETS if name not in self.filters]
        groups = [(free, None)] + [([name], name) for name in self.filters]
        statements, params = [], []
        for number, (_names, leave_out) in enumerate(groups):
            narrowed, narrowed_params = self._narrowed(leave_out)
            only_its_values = ""
            if leave_out is not None:
                only_its_values = (
                    f" WHERE f.facet_id IN (SELECT id FROM {FACET_VALUES} WHERE name = %s)"
                )
                narrowed_params.append(leave_out)
            statements.append(
                f"SELECT {number} AS facet_group, f.facet_id, COUNT(*) AS n "
                f"FROM ({narrowed}) m JOIN {FACET_ROWS} f ON f.document_id = m.id"
                f"{only_its_values} GROUP BY f.facet_id"
            )
            params += narrowed_params
        ranked = (
            "SELECT c.facet_group, v.name, v.value, c.n, ROW_NUMBER() OVER "
            "(PARTITION BY c.facet_group, v.name ORDER BY c.n DESC, v.value) AS position "
            f"FROM ({' UNION ALL '.join(statements)}) c JOIN {FACET_VALUES} v ON v.id = c.facet_id"
        )
        rows = self._run(
            f"SELECT facet_group, name, value, n FROM ({ranked}) r WHERE position <= %s",
            [*params, FACET_SIZE],
        )
        counts = {name: {} for name in FACETS}
        for group, name, value, count in rows:
            if name in groups[group][0]:
                counts[name][value] = count
        return counts

    def page(self, sort: str, number: int) -> list[int]:
        narrowed, params = self._narrowed()
        if sort == "relevance":
            order, join = "m.score, m.id", ""
        else:
            order = "d.date IS NULL, d.date DESC, d.title, m.id"
            join = f" JOIN {DOCUMENTS} d ON d.id = m.id"
        rows = self._run(
            f"SELECT m.id FROM ({narrowed}) m{join} ORDER BY {order} LIMIT %s OFFSET %s",
            [*params, PAGE_SIZE, (number - 1) * PAGE_SIZE],
        )
        return [pk for (pk,) in rows]


def _filter_ids(filters: dict[str, str]) -> dict[str, int]:
    """Each filter's facet value number (a value no document has matches nothing)."""
    if not filters:
        return {}
    condition = Q()
    for name, value in filters.items():
        condition |= Q(name=name, value=value)
    found = dict(
        ((name, value), pk)
        for name, value, pk in StoredFacetValue.objects.filter(condition).values_list(
            "name", "value", "pk"
        )
    )
    return {name: found.get((name, value), UNKNOWN) for name, value in filters.items()}


def _hit(row: IndexedDocument, text: str) -> Hit:
    return Hit(
        doc_id=row.doc_id,
        kind=row.kind,
        title=row.title,
        url=row.url,
        summary=row.summary,
        date=row.date,
        highlight=highlight(row.summary + " " + row.body, text)
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
