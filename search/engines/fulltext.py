"""The database engine's full-text statements, one class per database (the indexes they read are
created by migration search 0003). Words arrive folded and made of word characters only
(``search.text.query_parts``), and every value is passed as a query parameter."""

from django.db import connection

Parts = list[tuple[str, ...]]


class SQLiteFullText:
    """FTS5: bm25 with column weights title 4, topics 3, summary 2, body 1 (lower is better)."""

    settings = []
    # After a rebuild: merge the full-text indexes' segments, refresh the planner's statistics.
    maintenance = [
        "INSERT INTO search_document_fts(search_document_fts) VALUES ('optimize')",
        "INSERT INTO search_title_fts(search_title_fts) VALUES ('optimize')",
        "ANALYZE search_indexeddocument",
        "ANALYZE search_documentfacet",
        "ANALYZE search_facetvalue",
    ]

    def matches(self, parts: Parts, ranked: bool = True) -> tuple[str, list]:
        expression = " ".join('"' + " ".join(words) + '"' for words in parts)
        score = "bm25(search_document_fts, 4.0, 3.0, 2.0, 1.0)" if ranked else "0"
        return (
            f"SELECT rowid AS id, {score} AS score "
            "FROM search_document_fts WHERE search_document_fts MATCH %s",
            [expression],
        )

    def title_prefix(self, words: list[str], limit: int) -> tuple[str, list]:
        expression = " ".join(f'"{word}"' for word in words) + "*"
        return (
            "SELECT rowid FROM search_title_fts WHERE search_title_fts MATCH %s "
            "ORDER BY rank LIMIT %s",
            [expression, limit],
        )


class PostgresFullText:
    """Matching through the GIN index on the weighted tsvector of every field; ranking by
    ts_rank over the title, topics and summary only (the score is negated so that, as on
    SQLite, lower is better). Reading the whole vector of each match to rank it costs ten times
    as much at 50,000 documents, because the body's vector is stored out of line.

    For a very common word the planner prefers scanning the table to the index, which also
    reads every row's full vector; ``settings`` turns that off for the search statement only
    (measured in bench/: 200 ms against 100 ms for a word in 44% of 50,000 documents)."""

    settings = ["SET LOCAL enable_seqscan = off"]
    # After a rebuild: refresh the planner's statistics (autovacuum would, later).
    maintenance = ["ANALYZE search_indexeddocument, search_documentfacet, search_facetvalue"]

    def matches(self, parts: Parts, ranked: bool = True) -> tuple[str, list]:
        words = [words[0] for words in parts if len(words) == 1]
        phrases = [" ".join(words) for words in parts if len(words) > 1]
        queries = ["plainto_tsquery('english', %s)"] * bool(words)
        queries += ["phraseto_tsquery('english', %s)"] * len(phrases)
        params = [" ".join(words)] * bool(words) + phrases
        score = "-ts_rank(head_vector, query)" if ranked else "0"
        return (
            f"SELECT id, {score} AS score "
            f"FROM search_indexeddocument, (SELECT {' && '.join(queries)}) AS typed(query) "
            "WHERE search_vector @@ query",
            params,
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
