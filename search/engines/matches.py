"""SQL over the matches of one database-engine search: filtering, facet counts and one page."""

# The SQL here is built from fixed fragments, table names and %s placeholders; every word a
# reader typed is a parameter (so bandit's B608 findings are marked `nosec` line by line).

import contextlib

from django.db import connection, transaction

from search.facets import FACET_NAMES
from search.models import DocumentFacet, IndexedDocument
from search.models import FacetValue as StoredFacetValue
from search.query import FACET_SIZE, PAGE_SIZE

DOCUMENTS = IndexedDocument._meta.db_table
FACET_ROWS = DocumentFacet._meta.db_table
FACET_VALUES = StoredFacetValue._meta.db_table


EVERYTHING = f"SELECT id, 0 AS score FROM {DOCUMENTS}"  # nosec B608


class Matches:
    """SQL over one search's matches and its filters (facet name -> facet value number).

    ``source`` selects the id and score of what the words matched, or is None when there are no
    words (every document matches). Each statement computes the word matches once, as a
    materialised common table expression, and filters and counts over that: left to itself,
    SQLite's planner re-runs the full-text query for every row of a facet filter. Without
    words, the facet rows' (value, document) index finds the filtered documents directly."""

    def __init__(
        self, source: str | None, params: list, filters: dict[str, int], settings: list[str]
    ):
        self.source, self.params, self.filters = source, params, filters
        self.settings = settings  # planner settings for this statement only

    def _run(self, statement: str, params: list) -> list[tuple]:
        if self.source is not None:
            statement = f"WITH matched AS MATERIALIZED ({self.source}) {statement}"
            params = [*self.params, *params]
        # A transaction only to scope planner settings: on SQLite (IMMEDIATE transactions) one
        # would take the write lock, so reads there run without.
        scope = transaction.atomic() if self.settings else contextlib.nullcontext()
        with scope, connection.cursor() as cursor:
            for setting in self.settings:
                cursor.execute(setting)
            cursor.execute(statement, params)
            return cursor.fetchall()

    def _narrowed(self, leave_out: str | None = None) -> tuple[str, list]:
        """Ids and scores of the matches that pass every filter but ``leave_out``."""
        ids = [facet_id for name, facet_id in self.filters.items() if name != leave_out]
        in_value = f"IN (SELECT document_id FROM {FACET_ROWS} WHERE facet_id = %s)"  # nosec B608
        if self.source is not None:
            where = " AND ".join([f"id {in_value}"] * len(ids))
            return f"SELECT id, score FROM matched{' WHERE ' + where if ids else ''}", ids  # nosec B608
        if not ids:
            return EVERYTHING, []
        also = "".join(f" AND document_id {in_value}" for _ in ids[1:])
        return (
            f"SELECT document_id AS id, 0 AS score FROM {FACET_ROWS} WHERE facet_id = %s{also}",  # nosec B608
            ids,
        )

    def counts_and_page(self, sort: str, number: int) -> tuple[dict[str, dict[str, int]], list]:
        """Facet counts and the ids of one page of results, in one statement, so the words are
        matched once per search."""
        facets, facet_params, groups = self._facet_counts()
        page, page_params = self._page(sort, number)
        rows = self._run(f"{facets} UNION ALL {page}", [*facet_params, FACET_SIZE, *page_params])
        counts = {name: {} for name in FACET_NAMES}
        page_ids = []
        for group, name, value, count, _position in sorted(rows, key=lambda row: row[4]):
            if group < 0:
                page_ids.append(count)  # a result row carries its document id in this column
            elif name in groups[group]:
                counts[name][value] = count
        return counts, page_ids

    def _facet_counts(self) -> tuple[str, list, list[list[str]]]:
        """Per facet, the most frequent values and their counts. A facet with a selected value
        counts what the other filters allow, so a reader can switch between its values; the
        rest count the matches that pass every filter."""
        free = [name for name in FACET_NAMES if name not in self.filters]
        groups = [(free, None)] + [([name], name) for name in self.filters]
        statements, params = [], []
        for number, (_names, leave_out) in enumerate(groups):
            narrowed, narrowed_params = self._narrowed(leave_out)
            only_its_values = ""
            if leave_out is not None:
                only_its_values = (
                    f" WHERE f.facet_id IN (SELECT id FROM {FACET_VALUES} WHERE name = %s)"  # nosec B608
                )
                narrowed_params.append(leave_out)
            # Over every document, the facet rows need no join to count.
            rows = (
                f"{FACET_ROWS} f"
                if narrowed == EVERYTHING
                else f"({narrowed}) m JOIN {FACET_ROWS} f ON f.document_id = m.id"
            )
            statements.append(
                f"SELECT {number} AS facet_group, f.facet_id, COUNT(*) AS n "  # nosec B608
                f"FROM {rows}{only_its_values} GROUP BY f.facet_id"
            )
            params += narrowed_params
        ranked = (
            "SELECT c.facet_group, v.name, v.value, c.n, ROW_NUMBER() OVER "  # nosec B608
            "(PARTITION BY c.facet_group, v.name ORDER BY c.n DESC, v.value) AS position "
            f"FROM ({' UNION ALL '.join(statements)}) c JOIN {FACET_VALUES} v ON v.id = c.facet_id"
        )
        listed = (
            f"SELECT facet_group, name, value, n, position FROM ({ranked}) r WHERE position <= %s"  # nosec B608
        )
        return listed, params, [names for names, _ in groups]

    def _page(self, sort: str, number: int) -> tuple[str, list]:
        """Rows (-1, NULL, NULL, document id, position) of one page of results."""
        narrowed, params = self._narrowed()
        if sort == "relevance":
            keys, rows = "m.id, m.score", f"({narrowed}) m"
            inner_order, outer_order = "m.score, m.id", "score, id"
        else:
            # Browsing everything reads the newest straight from the date index.
            rows = (
                f"{DOCUMENTS} d"
                if narrowed == EVERYTHING
                else f"({narrowed}) m JOIN {DOCUMENTS} d ON d.id = m.id"
            )
            keys = "d.id, d.date, d.title"
            inner_order = "d.date DESC NULLS LAST, d.title, d.id"
            outer_order = "date DESC NULLS LAST, title, id"
        limited = f"SELECT {keys} FROM {rows} ORDER BY {inner_order} LIMIT %s OFFSET %s"  # nosec B608
        return (
            f"SELECT -1, NULL, NULL, id, ROW_NUMBER() OVER (ORDER BY {outer_order}) "  # nosec B608
            f"FROM ({limited}) page",
            [*params, PAGE_SIZE, (number - 1) * PAGE_SIZE],
        )
