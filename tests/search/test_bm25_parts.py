"""SQLite's relevance added up from each phrase's part of bm25 (search/engines/bm25_parts.py):
the very doubles FTS5 computes for a whole question, each part read once per state of the index,
and the worker's memory of them bounded."""

import numpy as np
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.engines import bm25_parts
from search.engines.database import DatabaseEngine
from search.engines.fulltext import SQLiteFullText
from search.models import IndexedDocument
from search.query import SearchQuery
from search.reading import read
from tests.search.test_database_engine import document

sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="PostgreSQL's ts_rank is not a sum: it ranks in SQL"
)

TEXTS = [
    ("Rural patrols", "stock theft;farm watch", "Farmers patrol at night.", "Livestock theft."),
    ("Stock theft forum", "rural", "A forum on stock theft.", "Patrols by farm watch groups."),
    ("Neighbourhood watch", "patrol", "Volunteers walk the streets.", "Street lighting helped."),
    ("Street lighting", "", "Lights on the rank.", "Community patrol and street lighting."),
    ("School safety", "learners", "Pupils walk home safely.", "A neighbourhood watch near school."),
    ("Farm safety", "rural", "Rural safety plan.", "Stock theft and farm attacks; patrols."),
    ("Taxi rank", "", "Marshals at the rank.", "Rank marshals patrol; lighting was poor."),
    # Two of the three terms of "rural stock theft farm": the pairs with "farm" do not hold,
    # so their "rural" and "stock theft" add nothing.
    ("Rural stock theft", "", "Cattle taken at night.", "Herders met the police."),
]
QUESTIONS = [
    "patrol",
    "rural patrols",
    "rural stock theft farm",  # three terms, two needed: every pair, OR-ed
    "neighbourhood watch volunteers -school",
    '"street lighting" rank patrol',
    "community patrol lighting",  # a synonym of several words
    "-school",
]


@pytest.fixture
def documents(db):
    DatabaseEngine().upsert(
        [
            document(
                object_id=n,
                title=title,
                topics=topics.split(";") if topics else [],
                summary=summary,
                body=body,
                url=f"/b/{n}/",
            )
            for n, (title, topics, summary, body) in enumerate(TEXTS, start=1)
        ]
    )


def _database_relevance(expression: str) -> dict[int, float]:
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, -{SQLiteFullText.BM25} FROM {SQLiteFullText.FTS} "  # noqa: S608
            f"WHERE {SQLiteFullText.FTS} MATCH %s",  # constants; the expression is a parameter
            [expression],
        )
        return dict(cursor.fetchall())


@sqlite_only
@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("every_term", [False, True])
def test_the_parts_match_what_the_database_matches_and_add_up_to_its_own_bm25(
    documents, question, every_term
):
    database = SQLiteFullText()
    reading = read(question)
    expression = database.match_expression(reading, every_term)
    tree = database.tree(reading, every_term)
    if expression is None:
        assert tree is None
        return
    expected = _database_relevance(expression)
    assert expected, "the question matches nothing: it tests nothing"
    documents = np.array(sorted(IndexedDocument.objects.values_list("pk", flat=True)))

    def part(phrase):
        with connection.cursor() as cursor:
            cursor.execute(*database.phrase_part(phrase))
            rows = cursor.fetchall()
        ids = np.array([pk for pk, _ in rows], dtype=np.int64)
        return np.searchsorted(documents, ids), np.array([value for _, value in rows])

    matched, added = bm25_parts.evaluate(tree, reading.excluded, len(documents), part)
    assert documents[matched].tolist() == sorted(expected)
    assert added[matched].tolist() == [expected[pk] for pk in sorted(expected)]  # same doubles


@sqlite_only
def test_a_words_part_is_read_when_it_is_asked_again_and_kept_until_the_index_changes(db):
    engine = DatabaseEngine()
    engine.upsert([document(object_id=n, summary=f"Stokvel savings {n}") for n in range(3)])

    def search(text):
        with CaptureQueriesContext(connection) as queries:
            hits = engine.search(SearchQuery(text=text)).hits
        sql = [q["sql"] for q in queries.captured_queries if "bm25(" in q["sql"]]
        ranked = sum(" AS score " in one for one in sql)
        return [hit.url for hit in hits], (ranked, len(sql) - ranked)

    first, statements = search("stokvel")
    assert statements == (1, 0)  # asked once: the database ranks it
    assert search("stokvel") == (first, (0, 1))  # asked again: its part is read
    with CaptureQueriesContext(connection) as queries:
        assert search("stokvel") == (first, (0, 0))  # and kept:
    assert not [q for q in queries.captured_queries if "MATCH" in q["sql"]]  # no statement at all
    # A new word: the database ranks (documents with both words, then with either).
    assert search("stokvel savings")[1] == (2, 0)
    assert search("stokvel savings")[1] == (0, 1)  # only the new word's part
    engine.upsert([document(object_id=9, title="Stokvel", url="/b/9/")])
    hits, statements = search("stokvel")
    assert statements == (1, 0)  # the index changed: every part is stale
    assert hits[0] == "/b/9/"  # the word in the title, ranked with the new document
    assert search("stokvel") == (hits, (0, 1))


@sqlite_only
def test_with_no_rows_to_keep_every_question_is_left_to_the_database(documents, settings):
    settings.SEARCH_PHRASE_PARTS_ROWS = 0
    engine = DatabaseEngine()
    for _ in range(3):
        with CaptureQueriesContext(connection) as queries:
            engine.search(SearchQuery(text="rural patrols"))
        assert not [
            q for q in queries.captured_queries if " AS id" not in q["sql"] and "bm25(" in q["sql"]
        ]


@sqlite_only
def test_the_database_and_the_parts_rank_alike(documents):
    """A question's first answer is ranked by the database, later ones from the parts: the
    same hits in the same order."""
    engine = DatabaseEngine()
    for question in QUESTIONS:
        answers = [
            [hit.url for hit in engine.search(SearchQuery(text=question)).hits] for _ in range(3)
        ]
        assert answers[0] == answers[1] == answers[2], question


def test_the_parts_kept_are_bounded_and_the_least_recently_used_go_first():
    loads = []

    def load(phrase):
        loads.append(phrase)
        size = {"a": 3, "b": 2, "c": 2, "huge": 6}[phrase[0]]
        return np.arange(size, dtype=np.int64), np.ones(size)

    parts = bm25_parts.PhraseParts(budget=5)
    parts.get(("a",), load)
    parts.get(("b",), load)
    parts.get(("a",), load)  # now the most recently used
    parts.get(("c",), load)  # over budget: "b" goes
    assert (("a",) in parts, ("b",) in parts, ("c",) in parts) == (True, False, True)
    assert parts.rows == 5
    assert len(parts.get(("huge",), load)[0]) == 6  # answered, but larger than the budget
    assert ("huge",) not in parts and parts.rows == 5
    # A question with it is left to the database from now on (its part would be read each time).
    assert not parts.ready([("a",), ("huge",)])
    assert parts.ready([("a",), ("c",)])
    parts.get(("b",), load)
    assert loads == [("a",), ("b",), ("c",), ("huge",), ("b",)]
