"""The database engine's own storage: replacing documents, removing stale ones, and a rebuild
whose query count does not grow with the number of objects."""

import io
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search.documents import SearchDocument
from search.engines.database import DatabaseEngine
from search.engines.index_memory import Scored
from search.models import DocumentFacet, IndexedDocument
from search.query import PAGE_SIZE, SearchQuery
from search.text import SNIPPET_SOURCE
from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import (
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
    ResearchPriorityPageFactory,
)

pytestmark = pytest.mark.django_db


def document(**changes) -> SearchDocument:
    fields = {"kind": "practice", "object_id": 1, "title": "Rural patrols", "url": "/b/1/"}
    return SearchDocument(**{**fields, **changes})


def test_upserting_again_replaces_the_document_and_its_facets():
    engine = DatabaseEngine()
    engine.upsert([document(provinces=["limpopo"], summary="Stock theft")])
    engine.upsert([document(provinces=["free-state"], summary="Night watch")])

    assert IndexedDocument.objects.count() == 1
    facets = set(DocumentFacet.objects.values_list("facet__name", "facet__value"))
    assert facets == {("kind", "practice"), ("province", "free-state")}
    assert engine.search(SearchQuery(text="stock")).total == 0
    assert engine.search(SearchQuery(text="watch")).total == 1


def test_the_same_document_twice_in_one_batch_keeps_the_last():
    DatabaseEngine().upsert([document(title="First"), document(title="Second")])
    assert list(IndexedDocument.objects.values_list("title", flat=True)) == ["Second"]


def test_delete_except_removes_only_what_a_rebuild_did_not_see():
    engine = DatabaseEngine()
    engine.upsert([document(object_id=number) for number in range(1, 4)])

    assert engine.delete_except({"practice:1", "practice:3"}) == 1
    assert set(IndexedDocument.objects.values_list("doc_id", flat=True)) == {
        "practice:1",
        "practice:3",
    }
    assert not DocumentFacet.objects.filter(document__doc_id="practice:2").exists()


def test_documents_with_only_some_words_are_scored_when_a_page_reaches_them():
    """A question that needs only some of its words lists the documents with every word first.
    The others are scored only for a page that reaches past those, and then in their own order
    (a word in the title before a word in the body)."""
    engine = DatabaseEngine()
    engine.upsert(
        [
            document(object_id=n, title=f"Stokvel savings {n}", url=f"/b/{n}/")
            for n in range(PAGE_SIZE + 5)
        ]
        + [
            document(object_id=101, title="Clubs", body="A stokvel met.", url="/b/101/"),
            document(object_id=102, title="Stokvel", url="/b/102/"),
            document(object_id=103, title="Unrelated", url="/b/103/"),
        ]
    )

    def search(page):
        with CaptureQueriesContext(connection) as queries:
            results = engine.search(SearchQuery(text="stokvel savings", page=page))
        sql = [q["sql"] for q in queries.captured_queries]
        matching = [one for one in sql if " AS id" in one]
        # A ranked statement of matches, or (SQLite) a word's part of bm25 (bm25_parts.py).
        scoring = [
            one for one in sql if " AS score " in one or ("bm25(" in one and " AS id" not in one)
        ]
        return results, len(matching), len(scoring)

    first, statements, scoring = search(1)
    assert first.total == PAGE_SIZE + 7
    assert all(hit.title.startswith("Stokvel savings") for hit in first.hits)
    assert (statements, scoring) == (2, 1)  # every word, ranked; any word, not ranked
    second, statements, scoring = search(2)
    assert [hit.title for hit in second.hits][-2:] == ["Stokvel", "Clubs"]
    assert all(hit.title.startswith("Stokvel savings") for hit in second.hits[:-2])
    if connection.vendor == "sqlite":  # asked again: each word's part, and no statement of matches
        assert (statements, scoring) == (0, 2)
    else:  # and any word, ranked
        assert (statements, scoring) == (3, 2)
    assert engine.count(SearchQuery(text="stokvel savings")) == PAGE_SIZE + 7


def test_a_word_in_every_document_still_ranks_where_it_weighs_most():
    """The commonest words score near zero (bm25's weight of a word in most documents is
    1e-6); their order must survive the scores' trip from the database as integers."""
    engine = DatabaseEngine()
    engine.upsert(
        [
            document(object_id=1, title="Notes", body="safety " * 3, url="/b/1/"),
            document(object_id=2, title="Safety", summary="safety", url="/b/2/"),
            document(object_id=3, title="Notes", body="safety", url="/b/3/"),
            document(object_id=4, title="Safety", url="/b/4/"),
        ]
    )
    hits = engine.search(SearchQuery(text="safety")).hits
    assert [hit.url for hit in hits] == ["/b/2/", "/b/4/", "/b/1/", "/b/3/"]


def test_a_snippet_is_looked_for_in_the_opening_of_a_long_body():
    """A publication's body holds its PDFs' text (millions of characters); a page of hits reads
    only the opening of each, and a word found only further in still finds the document."""
    engine = DatabaseEngine()
    long_text = "Minutes of the forum \u2013 " + "ward meeting notes " * (SNIPPET_SOURCE // 10)
    engine.upsert(
        [
            document(object_id=1, summary="A report.", body="stokvel " + long_text, url="/b/1/"),
            document(object_id=2, summary="Another report.", body=long_text + " shebeen"),
        ]
    )
    (early,) = engine.search(SearchQuery(text="stokvel")).hits
    assert "<mark>stokvel</mark>" in early.highlight
    with CaptureQueriesContext(connection) as queries:
        (late,) = engine.search(SearchQuery(text="shebeen")).hits
    assert late.highlight.startswith("Another report.")  # the opening, nothing to mark
    assert "<mark>" not in late.highlight
    sql = " ".join(q["sql"] for q in queries.captured_queries)
    body_read = re.findall(r'(SUBSTR(?:ING)?\()?"search_indexeddocument"\."body"', sql)
    assert body_read and all(body_read)  # the body is read only through SUBSTR(body, 1, n)


def test_matches_and_scores_that_do_not_pair_up_are_refused():
    with pytest.raises(ValueError, match="3 matches came with 2 scores"):
        Scored.from_lists("4,5,6", "10,11")
    assert list(Scored.from_lists("4,5", None).scores) == [0, 0]
    assert len(Scored.from_lists(None, None).ids) == 0


def test_text_without_words_finds_nothing_rather_than_everything():
    engine = DatabaseEngine()
    engine.upsert([document()])
    assert engine.search(SearchQuery(text="* ~ /")).total == 0
    assert engine.search(SearchQuery(text="")).total == 1


def rebuild_queries() -> int:
    """Queries of a rebuild over a full index (a first rebuild has nothing to replace)."""
    call_command("rebuild_search_index", stdout=io.StringIO())
    with CaptureQueriesContext(connection) as queries:
        call_command("rebuild_search_index", stdout=io.StringIO())
    return len(queries.captured_queries)


def add_searchable_things(count: int) -> None:
    for _ in range(count):
        partnership = PartnershipFactory()
        publication = PublicationPageFactory()
        publication.partnerships.add(partnership)
        publication.save()
        PracticePageFactory()
        ResearchPriorityPageFactory()


def test_a_rebuild_reads_in_batches_not_once_per_object():
    PartnershipsSectionPageFactory()
    add_searchable_things(2)
    few = rebuild_queries()
    add_searchable_things(4)
    many = rebuild_queries()

    assert IndexedDocument.objects.count() == 24
    assert many == few
