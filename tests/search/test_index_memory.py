"""Each worker's copy of the database engine's facet values and date order: kept while the index
is unchanged, replaced after any write to it, never stale after a write that was rolled back."""

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from search.documents import SearchDocument
from search.engines import index_memory
from search.engines.database import DatabaseEngine
from search.query import SearchQuery

pytestmark = pytest.mark.django_db


def document(object_id: int, province: str) -> SearchDocument:
    return SearchDocument(
        kind="practice",
        object_id=object_id,
        title=f"Rural patrols {object_id}",
        url=f"/b/{object_id}/",
        provinces=[province],
    )


def provinces(engine, **filters) -> dict[str, int]:
    results = engine.search(SearchQuery(text="patrols", filters=filters))
    return {value.value: value.count for value in results.facets["province"]}


def test_a_worker_keeps_its_copy_until_the_index_changes():
    engine = DatabaseEngine()
    engine.upsert([document(1, "limpopo")])
    held = index_memory.current()

    with CaptureQueriesContext(connection) as queries:
        assert index_memory.current() is held
    assert len(queries) == 1  # the token, not the facet rows again

    engine.upsert([document(2, "gauteng")])
    assert index_memory.current() is not held
    assert provinces(engine) == {"limpopo": 1, "gauteng": 1}

    engine.delete(["practice:1"])
    assert provinces(engine) == {"gauteng": 1}
    engine.upsert([document(2, "free-state")])  # the same document, changed
    assert provinces(engine) == {"free-state": 1}


def test_a_write_that_was_rolled_back_never_leaves_its_facets_behind():
    engine = DatabaseEngine()
    with pytest.raises(RuntimeError), transaction.atomic():
        engine.upsert([document(1, "limpopo")])
        assert provinces(engine) == {"limpopo": 1}  # read, and held, inside the transaction
        raise RuntimeError("rolled back")

    # The next row may well get the same id (SQLite reuses it after a rollback).
    engine.upsert([document(1, "gauteng")])
    assert provinces(engine) == {"gauteng": 1}


def test_each_facet_is_counted_under_the_other_filters():
    engine = DatabaseEngine()
    engine.upsert(
        [
            document(1, "limpopo"),
            document(2, "limpopo"),
            document(3, "gauteng"),
            SearchDocument(
                kind="publication", object_id=4, title="Patrols", url="/p/4/", provinces=["limpopo"]
            ),
        ]
    )

    results = engine.search(
        SearchQuery(text="patrols", filters={"province": "limpopo", "kind": "practice"})
    )

    facets = {name: {v.value: v.count for v in values} for name, values in results.facets.items()}
    assert results.total == 2
    assert facets["province"] == {"limpopo": 2, "gauteng": 1}  # practices, in any province
    assert facets["kind"] == {"practice": 2, "publication": 1}  # in Limpopo, of any kind
    assert sorted(hit.doc_id for hit in results.hits) == ["practice:1", "practice:2"]
