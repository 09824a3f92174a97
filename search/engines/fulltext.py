"""The database engine's full-text statements, one class per database (the indexes they read are
created by migration search 0003). A query arrives read (``search.reading``): terms with their
alternatives, of which ``required`` must match, quoted phrases, excluded words. Words are folded
and made of word characters only, and every value is passed as a query parameter.

A statement of matches returns one row: the documents' ids and their scores, each as one
comma-separated list (no scores when unranked). Thousands of matches then reach Python as two
strings instead of thousands of row tuples (at 50,000 documents, "patrol" matches 22,237: about
a quarter of its time went on making and reading those rows; bench/README.md). A score is an
integer, lower first: -ln(relevance) * 1e15, which keeps the database's order of relevance to
fifteen significant digits whatever its scale (FTS5's bm25 of the commonest words is near
1e-6, its best near 10).

On SQLite a question's relevance may instead be added up from each phrase's part of bm25
(``bm25_parts``, ``matching``); PostgreSQL's ts_rank is not such a sum. SQLite's ``ln`` is its
own where it is built with its math functions (Debian's is); elsewhere Django registers one in
Python, which is correct but slower."""

# The SQL here is built from fixed fragments, table names and %s placeholders; every word a
# reader typed is a parameter (so bandit's B608 findings are marked `nosec` line by line).

from itertools import combinations

import numpy as np
from django.db import connection

from search.engines import bm25_parts
from search.reading import Reading

SCALE = "1e15"  # relevance kept to fifteen significant digits (see above)


def _either(reading: Reading, join_and, join_or, term, phrase):
    """The positive part of a query: every phrase, and ``required`` of the terms (every
    combination of that many, OR-ed), in the syntax the callables give."""
    phrases = [phrase(words) for words in reading.phrases]
    terms = [term(alternatives) for alternatives in reading.terms]
    if not terms:
        return join_and(phrases) if phrases else None
    if reading.required >= len(terms):
        return join_and(terms + phrases)
    either = join_or([join_and(list(chosen)) for chosen in combinations(terms, reading.required)])
    return join_and([either, *phrases])


class _FullText:
    """What both databases' statements share: listing matches as one row (see above)."""

    list_of = ""  # the aggregate joining a column's values with commas, "{}" for the column
    listed_order = ""

    def _listed(
        self, id_column: str, rest: str, params: list, score: str | None = None
    ) -> tuple[str, list]:
        """The statement ``SELECT <id_column>[, <score>] <rest>`` as one row: its ids, and its
        scores (NULL without ``score``), each as one comma-separated list in the same order."""
        scored = f", {score} AS score" if score else ""
        scores = self.list_of.format("score") if score else "NULL"
        return (
            f"SELECT {self.list_of.format('id')}, {scores} FROM "  # nosec B608
            f"(SELECT {id_column} AS id{scored} {rest}{self.listed_order}) AS found",
            params,
        )


class SQLiteFullText(_FullText):
    """FTS5: bm25 with column weights title 4, topics 3, summary 2, body 1. A question's
    relevance may also be added up from its phrases' parts (``bm25_parts``): ``tree`` is the
    expression a statement matches, ``phrase_part`` reads one phrase's part, ``scores`` turns
    relevance into scores as the statement does."""

    settings = []
    list_of = "group_concat({})"
    # Keeps SQLite from merging a statement of matches into the aggregate that lists them,
    # where bm25 cannot be called. FTS5 reads in rowid order anyway, so it sorts nothing.
    listed_order = " ORDER BY id"
    scores_by_phrase = True
    # After a rebuild: merge the full-text indexes' segments, refresh the planner's statistics.
    # SQLite has no autovacuum to gather them, and without them it reads the whole page tree
    # for a listing's first page instead of walking an index (the library's newest
    # publications: 5 ms against 0.05 ms at 5,000 publications). The whole database is
    # analysed, each index from a bounded sample of rows (well under a second at 50,000).
    maintenance = [
        "INSERT INTO search_document_fts(search_document_fts) VALUES ('optimize')",
        "INSERT INTO search_title_fts(search_title_fts) VALUES ('optimize')",
        "PRAGMA analysis_limit = 1000",
        "ANALYZE",
    ]
    FTS = "search_document_fts"
    BM25 = f"bm25({FTS}, 4.0, 3.0, 2.0, 1.0)"  # negative: better is lower

    @staticmethod
    def _phrase(words) -> str:
        return '"' + " ".join(words) + '"'

    @staticmethod
    def _positive(reading: Reading, every_term: bool) -> Reading:
        if every_term:
            return Reading(reading.terms, reading.phrases, [], len(reading.terms))
        return reading

    def _expression(self, reading: Reading, every_term: bool = False) -> str | None:
        def join_and(parts):
            return "(" + " AND ".join(parts) + ")"

        def join_or(parts):
            return "(" + " OR ".join(parts) + ")"

        def term(alternatives):
            return join_or([self._phrase(words) for words in alternatives])

        return _either(self._positive(reading, every_term), join_and, join_or, term, self._phrase)

    def tree(self, reading: Reading, every_term: bool = False):
        """The positive part of the expression ``matches`` writes, as ``bm25_parts`` reads it
        (excluded words add nothing to a row they are not in); None for exclusions alone."""
        return _either(self._positive(reading, every_term), *bm25_parts.tree_builders())

    def match_expression(self, reading: Reading, every_term: bool = False) -> str | None:
        """What ``matches`` asks FTS5 to match (None for exclusions alone)."""
        positive = self._expression(reading, every_term)
        excluded = " OR ".join(self._phrase(words) for words in reading.excluded)
        return f"{positive} NOT ({excluded})" if positive and excluded else positive

    def matches(
        self, reading: Reading, ranked: bool = True, every_term: bool = False
    ) -> tuple[str, list]:
        """The ids and scores of the documents the reading matches (only those with every term,
        with ``every_term``), as one row of two lists (see above; no scores unless ``ranked``).
        bm25 sums over the expression's phrases, and the reading's expression holds each term
        equally often, so documents with every term rank in the same order either way (unless
        the question also quotes a phrase and has three or more terms: the phrase then weighs a
        little more with ``every_term``)."""
        fts = self.FTS
        expression = self.match_expression(reading, every_term)
        if expression is None:  # only exclusions: everything but what they name
            return self._listed(
                "id",
                "FROM search_indexeddocument WHERE id NOT IN "  # nosec B608
                f"(SELECT rowid FROM {fts} WHERE {fts} MATCH %s)",
                [" OR ".join(self._phrase(words) for words in reading.excluded)],
            )
        return self._listed(
            "rowid",
            f"FROM {fts} WHERE {fts} MATCH %s",
            [expression],
            score=f"CAST(-ln(max(-{self.BM25}, 1e-300)) * {SCALE} AS INTEGER)" if ranked else None,
        )

    def phrase_part(self, words) -> tuple[str, list]:
        """Every row holding the phrase, by id, and the phrase's part of bm25 in it (as a
        number: a list of text would round it)."""
        return (
            f"SELECT rowid, -{self.BM25} FROM {self.FTS} WHERE {self.FTS} MATCH %s "  # nosec B608
            "ORDER BY rowid",
            [self._phrase(words)],
        )

    @staticmethod
    def scores(relevance):
        """Integer scores, lower first, from relevance (see above)."""
        return (-np.log(np.maximum(relevance, 1e-300)) * float(SCALE)).astype(np.int64)

    def title_prefix(self, words: list[str], limit: int) -> tuple[str, list]:
        expression = " ".join(f'"{word}"' for word in words) + "*"
        return (
            "SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH %s "
            "ORDER BY rank LIMIT %s",
            [expression, limit],
        )


class PostgresFullText(_FullText):
    """Matching through the GIN index on the weighted tsvector of every field; ranking by
    ts_rank over the title, topics and summary only (the score is negated so that, as on
    SQLite, lower is better). Reading the whole vector of each match to rank it costs ten times
    as much at 50,000 documents, because the body's vector is stored out of line.

    For a very common word the planner prefers scanning the table to the index, which also
    reads every row's full vector; ``settings`` turns that off for the search statement only
    (measured in bench/: 200 ms against 100 ms for a word in 44% of 50,000 documents)."""

    settings = ["SET LOCAL enable_seqscan = off"]
    list_of = "string_agg({}::text, ',')"
    listed_order = ""
    scores_by_phrase = False
    # After a rebuild: refresh the planner's statistics (autovacuum would, later).
    maintenance = ["ANALYZE search_indexeddocument, search_documentfacet, search_facetvalue"]

    @staticmethod
    def _tsquery(reading: Reading) -> tuple[str | None, list]:
        """The tsquery SQL of a reading and its parameters. Parts are (sql, params) pairs, so a
        term repeated in several combinations brings its parameters each time."""

        def phrase(words):
            function = "plainto_tsquery" if len(words) == 1 else "phraseto_tsquery"
            return (f"{function}('english', %s)", [" ".join(words)])

        def joined(operator):
            def join(parts):
                sql = "(" + f" {operator} ".join(part_sql for part_sql, _ in parts) + ")"
                return (sql, [param for _, params in parts for param in params])

            return join

        def term(alternatives):
            return joined("||")([phrase(words) for words in alternatives])

        found = _either(reading, joined("&&"), joined("||"), term, phrase)
        return found if found is not None else (None, [])

    def matches(
        self, reading: Reading, ranked: bool = True, every_term: bool = False
    ) -> tuple[str, list]:
        """The ids and scores of the documents the reading matches (only those with every term,
        with ``every_term``, still ranked by the reading's own query), as one row of two lists
        (see above; no scores unless ``ranked``)."""
        positive, params = self._tsquery(reading)
        excluded_sql, excluded_params = self._tsquery(
            Reading(terms=[tuple(reading.excluded)], required=1) if reading.excluded else Reading()
        )
        if positive is None:  # only exclusions: everything but what they name
            return self._listed(
                "id",
                f"FROM search_indexeddocument WHERE NOT (search_vector @@ {excluded_sql})",
                excluded_params,
            )

        def without_excluded(sql, sql_params):
            if not excluded_sql:
                return sql, sql_params
            return f"({sql} && !!{excluded_sql})", [*sql_params, *excluded_params]

        ranking, ranking_params = without_excluded(positive, params)
        query, query_params = ranking, ranking_params
        if every_term:
            full = Reading(reading.terms, reading.phrases, [], len(reading.terms))
            query, query_params = without_excluded(*self._tsquery(full))
        relevance = "ts_rank(head_vector, ranking)::float8"
        return self._listed(
            "id",
            f"FROM search_indexeddocument, (SELECT {query}, {ranking}) "
            "AS typed(query, ranking) WHERE search_vector @@ query",
            [*query_params, *ranking_params],
            score=f"CAST(-ln(greatest({relevance}, 1e-300)) * {SCALE} AS bigint)"
            if ranked
            else None,
        )

    def title_prefix(self, words: list[str], limit: int) -> tuple[str, list]:
        expression = " & ".join(words) + ":*"
        return (
            "SELECT id FROM search_indexeddocument "
            "WHERE to_tsvector('simple'::regconfig, title_folded) "
            "@@ to_tsquery('simple'::regconfig, %s) "
            "ORDER BY length(title), title LIMIT %s",
            [expression, limit],
        )


def for_database():
    if connection.vendor == "sqlite":
        return SQLiteFullText()
    if connection.vendor == "postgresql":
        return PostgresFullText()
    raise NotImplementedError("The portal's search needs SQLite or PostgreSQL.")
