"""A document an editor chooses inside a page's content (a download link in a body, a session's
papers on an event's agenda, a master class module's materials, a link in rich text) is named
only to readers who may open it: a document in a restricted collection gives its title and
address neither to the public page nor to public search, and a reader the restriction lets
through still sees it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from wagtail.rich_text import RichText

from portal.models import PortalDocument
from search.models import IndexedDocument
from tests.best_practice.factories import MasterClassPageFactory
from tests.dialogue.factories import DialogueEventPageFactory
from tests.knowledge.factories import PublicationPageFactory
from tests.portal.factories import StandardPageFactory
from tests.search.test_integrity import restricted_collection, search_json

pytestmark = pytest.mark.django_db

TITLE = "Wildebeest board paper"


def document(title: str, collection=None) -> PortalDocument:
    doc = PortalDocument(title=title, file=ContentFile(b"plain", name="paper.txt"))
    if collection is not None:
        doc.collection = collection
    doc.save()
    return doc


def link_block(doc):
    return ("document", {"document": doc, "title": ""})


PLACES = {
    "a standard page's body": lambda restricted, open_: StandardPageFactory(
        body=[link_block(restricted), link_block(open_)]
    ),
    "a publication's key findings": lambda restricted, open_: PublicationPageFactory(
        key_findings=[link_block(restricted), link_block(open_)]
    ),
    "an event's agenda": lambda restricted, open_: DialogueEventPageFactory(
        agenda=[
            (
                "session",
                {"starts": "09:00", "title": "Opening", "documents": [restricted, open_]},
            )
        ]
    ),
    "a master class's modules": lambda restricted, open_: MasterClassPageFactory(
        modules=[
            (
                "module",
                {"title": "Module one", "outcomes": "Plan", "materials": [restricted, open_]},
            )
        ]
    ),
}


@pytest.mark.parametrize("place", PLACES)
def test_a_chosen_restricted_document_is_named_only_to_readers_who_may_open_it(
    client, deliver, place
):
    restricted = document(TITLE, restricted_collection())
    open_ = document("Open agenda paper")
    page = deliver(lambda: PLACES[place](restricted, open_))
    deliver(lambda: page.save_revision().publish())

    public = client.get(page.url).content.decode()
    assert "Open agenda paper" in public and open_.url in public
    assert TITLE not in public and restricted.url not in public

    if place != "a standard page's body":  # the one kind public search does not hold
        (stored,) = IndexedDocument.objects.filter(url=page.url).values_list("body", flat=True)
        assert "Open agenda paper" in stored and TITLE not in stored
    assert search_json(client, q="Wildebeest")["total"] == 0

    reader = get_user_model().objects.create_user("reader", password="pw")
    client.force_login(reader)
    signed_in = client.get(page.url).content.decode()
    assert TITLE in signed_in and restricted.url in signed_in


def test_an_events_report_in_a_restricted_collection_is_not_linked_for_the_public(client, deliver):
    restricted = document(TITLE, restricted_collection())
    event = deliver(lambda: DialogueEventPageFactory(report=restricted, key_learnings="Met"))
    deliver(lambda: event.save_revision().publish())

    public = client.get(event.url).content.decode()
    assert "Event report" not in public and restricted.url not in public
    assert "Met" in public  # what came out of it is still shown

    client.force_login(get_user_model().objects.create_user("reader", password="pw"))
    assert restricted.url in client.get(event.url).content.decode()


def test_a_rich_text_link_to_a_restricted_document_keeps_its_words_but_not_its_address(client):
    restricted = document(TITLE, restricted_collection())
    open_ = document("Open agenda paper")
    paragraph = (
        f'<p>See <a linktype="document" id="{restricted.pk}">the minutes</a> and '
        f'<a linktype="document" id="{open_.pk}">the agenda</a>.</p>'
    )
    page = StandardPageFactory(body=[("paragraph", RichText(paragraph))])

    public = client.get(page.url).content.decode()
    assert "the minutes" in public and restricted.url not in public
    assert f'<a href="{open_.url}">the agenda</a>' in public

    client.force_login(get_user_model().objects.create_user("reader", password="pw"))
    assert f'<a href="{restricted.url}">the minutes</a>' in client.get(page.url).content.decode()


def test_a_rebuild_reads_which_collections_are_restricted_once_not_per_document():
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    restricted = restricted_collection()
    for number in range(3):
        papers = [document(f"Paper {number}"), document(f"Board {number}", restricted)]
        PLACES["an event's agenda"](*papers).save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        call_command("rebuild_search_index", stdout=io.StringIO())
    reads = [q for q in queries if 'FROM "wagtailcore_collectionviewrestriction"' in q["sql"]]
    assert len(reads) == 1
    bodies = " ".join(IndexedDocument.objects.values_list("body", flat=True))
    assert "Paper 2" in bodies and "Board" not in bodies
