"""When Elasticsearch cannot answer, readers still get results from the database engine, and
changes wait in the outbox for it."""

import pytest

from search.delivery import drain
from search.models import IndexedDocument, OutboxEntry
from search.query import SearchQuery
from search.service import LIMITED_NOTE, count, run_search
from search.sync import enqueue
from tests.knowledge.factories import PublicationPageFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there


def test_search_falls_back_to_the_database_with_a_note(settings, client):
    publication = PublicationPageFactory(title="Patrol evaluation")
    OutboxEntry.objects.create(kind="publication", object_id=publication.pk, action="upsert")
    drain()
    settings.ELASTICSEARCH_URL = UNREACHABLE
    settings.ELASTICSEARCH_TIMEOUT = 1

    results = run_search(SearchQuery(text="patrol"))

    assert [hit.title for hit in results.hits] == ["Patrol evaluation"]
    assert LIMITED_NOTE in results.notes
    assert count(SearchQuery(text="patrol")) == 1
    page = client.get("/search/", {"q": "patrol"})
    assert page.status_code == 200
    assert "Search is temporarily limited" in page.content.decode()
    # The spelling offer is counted through the fallback too.
    misspelt = client.get("/search/", {"q": "patrl", "format": "json"}).json()
    assert misspelt["offers"]["spelling"] == {"q": "patrol", "total": 1}


def test_an_unreachable_elasticsearch_keeps_the_change_in_the_outbox(settings):
    publication = PublicationPageFactory(title="Saved while Elasticsearch is down")
    settings.ELASTICSEARCH_URL = UNREACHABLE
    settings.ELASTICSEARCH_TIMEOUT = 1
    OutboxEntry.objects.all().delete()
    enqueue("publication", [publication.pk])

    assert drain() == 1  # to the database engine; Elasticsearch keeps its row

    entry = OutboxEntry.waiting().get()
    assert (entry.engine, entry.attempts) == ("elasticsearch", 1)
    # The database engine, the fallback, already has it.
    assert IndexedDocument.objects.filter(doc_id=f"publication:{publication.pk}").exists()
