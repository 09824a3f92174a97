"""SQL over the matches of one database-engine search: filtering and one page of results (the
facets are counted in memory, ``search.engines.facet_memory``)."""

# The SQL here is built from fixed fragments, table names and %s placeholders; every word a
# reader typed is a parameter (so bandit's B608 findings are marked `nosec` line by line).

import contextlib

from django.db import connection, transaction

from search.models import DocumentFacet, IndexedDocument
from search.query import PAGE_SIZE

DOCUMENTS = IndexedDocument._meta.db_table
FACET_ROWS = DocumentFacet._meta.db_table


EVERYTHING = f"SELECT id, 0 AS score FROM {DOCUMENTS}"  # nosec B608


def _execute(statement: str, params: list, settings: list[str]) -> list[tuple]:
    # A transaction only to scope planner settings: on SQLite (IMMEDIATE transactions) one
    # would take the write lock, so reads there run without.
    scope = transaction.atomic() if settings else contextlib.nullcontext()
    with scope, connection.cursor() as cursor:
        for setting in settings:
            cursor.execute(setting)
        cursor.execute(statement, params)
        return cursor.fetchall()


def matched_ids(source: str, params: list, settings: list[str]) -> list[int]:
    """The id of every document the words matched, whatever the filters (the facets are counted
    in memory, each under the filters it is counted under). ``source`` needs no scores."""
    rows = _execute(f"SELECT id FROM ({source}) m", params, settings)  # nosec B608
    return [pk for (pk,) in rows]


class Matches:
    """SQL over one search's matches and its filters (facet name -> facet value number).

    ``source`` selects the id and score of what the words matched, or is None when there are no
    words (every document matches). With filters, the word matches are computed once, as a
    materialised common table expression, and filtered over that: left to itself, SQLite's
    planner re-runs the full-text query for every row of a facet filter. Without filters the
    planner ranks the full-text matches directly. Without words, the facet rows' (value,
    document) index finds the filtered documents directly."""

    def __init__(
        self, source: str | None, params: list, filters: dict[str, int], settings: list[str]
    ):
        self.source, self.params, self.filters = source, params, filters
        self.settings = settings  # planner settings for this statement only

    def _narrowed(self) -> tuple[str, list]:
        """Ids and scores of the matches that pass every filter."""
        ids = list(self.filters.values())
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

    def page(self, sort: str, number: int) -> list[int]:
        """The ids of one page of results that pass every filter, in order."""
        narrowed, params = self._narrowed()
        if sort == "relevance":
            key, rows, order = "m.id", f"({narrowed}) m", "m.score, m.id"
        else:
            # Browsing everything reads the newest straight from the date index.
            rows = (
                f"{DOCUMENTS} d"
                if narrowed == EVERYTHING
                else f"({narrowed}) m JOIN {DOCUMENTS} d ON d.id = m.id"
            )
            key, order = "d.id", "d.date DESC NULLS LAST, d.title, d.id"
        statement = f"SELECT {key} FROM {rows} ORDER BY {order} LIMIT %s OFFSET %s"  # nosec B608
        params = [*params, PAGE_SIZE, (number - 1) * PAGE_SIZE]
        if self.source is not None:
            materialised = "MATERIALIZED " if self.filters else ""
            statement = f"WITH matched AS {materialised}({self.source}) {statement}"
            params = [*self.params, *params]
        return [pk for (pk,) in _execute(statement, params, self.settings)]
