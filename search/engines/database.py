"""The database engine: documents in a table, searched through Wagtail's database backend
(SQLite FTS5, PostgreSQL full-text search), facets counted in Python over the matches."""

from collections import Counter

from django.db import transaction
from wagtail.search.backends import get_search_backend
from wagtail.search.utils import parse_query_string

from search.documents import SearchDocument
from search.engines.base import FacetValue, Hit, SearchResults
from search.facets import facet_labels
from search.models import IndexedDocument
from search.query import PAGE_SIZE, SearchQuery
from search.text import fold, highlight

MAX_MATCHES = 5000
MATCH_FIELDS = (
    "doc_id",
    "kind",
    "date",
    "title",
    "provinces",
    "settings",
    "categories",
    "rating",
    "partnerships",
)
SUGGESTIONS = 8


def _row(document: SearchDocument) -> dict:
    return {
        "kind": document.kind,
        "source_id": document.object_id,
        "title": document.title,
        "summary": document.summary,
        "body": document.body,
        "url": document.url,
        "date": document.date,
        "provinces": document.provinces,
        "settings": document.settings,
        "categories": document.categories,
        "partnerships": "|" + "|".join(document.partnerships) + "|"
        if document.partnerships
        else "",
        "rating": document.rating,
        "topics": ", ".join(document.topics),
        "title_folded": fold(document.title),
        "summary_folded": fold(document.summary),
        "body_folded": fold(document.body),
        "topics_folded": fold(" ".join(document.topics)),
    }


def _facet_values(row: IndexedDocument) -> dict[str, list[str]]:
    return {
        "kind": [row.kind],
        "province": row.provinces,
        "setting": row.settings,
        "category": row.categories,
        "rating": [row.rating] if row.rating else [],
        "year": [str(row.date.year)] if row.date else [],
        "partnership": [ref for ref in row.partnerships.split("|") if ref],
    }


class DatabaseEngine:
    name = "database"

    def upsert(self, documents: list[SearchDocument]) -> None:
        with transaction.atomic():
            for document in documents:
                IndexedDocument.objects.update_or_create(
                    doc_id=document.doc_id, defaults=_row(document)
                )

    def delete(self, doc_ids: list[str]) -> None:
        IndexedDocument.objects.filter(doc_id__in=doc_ids).delete()

    def clear(self) -> None:
        IndexedDocument.objects.all().delete()

    def count_by_kind(self) -> dict[str, int]:
        return dict(Counter(IndexedDocument.objects.values_list("kind", flat=True)))

    def _matches(self, query: SearchQuery) -> list[IndexedDocument]:
        # Only what facets and ordering need: the long text columns are read for one page of
        # results afterwards, not for every match.
        queryset = IndexedDocument.objects.only(*MATCH_FIELDS)
        if not query.text:
            return list(queryset.order_by("-date", "title")[:MAX_MATCHES])
        _filters, parsed = parse_query_string(fold(query.text), operator="and")
        backend = get_search_backend()
        results = backend.search(parsed, queryset, order_by_relevance=True)
        return list(results[:MAX_MATCHES])

    def search(self, query: SearchQuery) -> SearchResults:
        matches = self._matches(query)
        rows = [(row, _facet_values(row)) for row in matches]
        counts = {
            name: Counter()
            for name in ("kind", "province", "setting", "category", "rating", "year", "partnership")
        }
        selected = []
        for row, values in rows:
            keep = all(filter_value in values[name] for name, filter_value in query.filters.items())
            # Each facet counts what the other filters allow, so its options narrow sensibly.
            for name in counts:
                others = all(
                    value in values[other]
                    for other, value in query.filters.items()
                    if other != name
                )
                if others:
                    counts[name].update(values[name])
            if keep:
                selected.append(row)
        if query.sort == "date":
            selected.sort(
                key=lambda row: (row.date is None, -(row.date.toordinal() if row.date else 0))
            )
        start = (query.page - 1) * PAGE_SIZE
        page_ids = [row.pk for row in selected[start : start + PAGE_SIZE]]
        full_rows = IndexedDocument.objects.in_bulk(page_ids)
        page_rows = [full_rows[pk] for pk in page_ids]
        labels = facet_labels()
        facets = {
            name: [
                FacetValue(
                    value=value,
                    label=labels.get(name, {}).get(value, value),
                    count=count,
                    selected=query.filters.get(name) == value,
                )
                for value, count in sorted(counter.items(), key=lambda item: (-item[1], item[0]))
            ]
            for name, counter in counts.items()
        }
        return SearchResults(
            hits=[
                Hit(
                    doc_id=row.doc_id,
                    kind=row.kind,
                    title=row.title,
                    url=row.url,
                    summary=row.summary,
                    date=row.date,
                    highlight=highlight(row.summary + " " + row.body, query.text)
                    if query.text
                    else highlight(row.summary, ""),
                )
                for row in page_rows
            ],
            total=len(selected),
            facets=facets,
            engine=self.name,
        )

    def suggest(self, text: str) -> list[dict]:
        text = fold(text.strip())[:100]
        if len(text) < 2:
            return []
        results = get_search_backend().autocomplete(text, IndexedDocument.objects.all())
        return [
            {"title": row.title, "url": row.url, "kind": row.kind} for row in results[:SUGGESTIONS]
        ]
