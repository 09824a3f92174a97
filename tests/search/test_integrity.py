"""Search never shows what it should not: restricted documents, partnerships made internal, and
every declared dependency re-projected when it changes. Each test tries it as a reader would,
through the search page, the JSON and the public pages."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.management import call_command
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from best_practice.models import EvidenceItem
from knowledge.models.choices import Visibility
from knowledge.models.publications import PublicationDocument
from portal.models import PortalDocument
from search import registry
from search.models import IndexedDocument, OutboxEntry
from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
    ResearchPriorityPageFactory,
)
from tests.search.conftest import indexed_ids

pytestmark = pytest.mark.django_db

SECRET_WORD = "quokkaphrase"


def search_json(client, **params) -> dict:
    response = client.get("/search/", {**params, "format": "json"})
    assert response.status_code == 200
    return response.json()


def restricted_collection() -> Collection:
    collection = Collection.get_first_root_node().add_child(name="Members only")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def document_with_text(text: str, collection=None) -> PortalDocument:
    document = PortalDocument(
        title="Confidential annex", file=ContentFile(b"plain", name="annex.txt")
    )
    if collection is not None:
        document.collection = collection
    document.save()
    PortalDocument.objects.filter(pk=document.pk).update(extracted_text=text)
    document.refresh_from_db()
    return document


def publication_with(document, deliver, **fields):
    publication = PublicationPageFactory(**fields)
    PublicationDocument.objects.create(publication=publication, document=document)
    deliver(lambda: publication.save_revision().publish())
    return publication


def test_a_restricted_pdf_gives_no_text_to_public_search_or_page(client, deliver):
    document = document_with_text(f"The {SECRET_WORD} findings.", restricted_collection())
    publication = publication_with(document, deliver, title="Open study")

    assert search_json(client, q=SECRET_WORD)["total"] == 0
    stored = IndexedDocument.objects.get(doc_id=f"publication:{publication.pk}")
    assert SECRET_WORD not in stored.body
    page = client.get(publication.url).content.decode()
    assert "Confidential annex" not in page  # nor is its title listed to readers who cannot open it
    assert client.get(document.url).status_code in (302, 403)  # and Wagtail refuses it, as before


def test_a_document_moved_into_a_restricted_collection_leaves_search(client, deliver):
    document = document_with_text(f"The {SECRET_WORD} findings.")
    publication_with(document, deliver)
    assert search_json(client, q=SECRET_WORD)["total"] == 1

    document.collection = restricted_collection()
    deliver(lambda: document.save())

    assert search_json(client, q=SECRET_WORD)["total"] == 0


def test_restricting_and_opening_a_collection_re_projects_its_publications(client, deliver):
    collection = Collection.get_first_root_node().add_child(name="Annexes")
    document = document_with_text(f"The {SECRET_WORD} findings.", collection)
    publication_with(document, deliver)
    assert search_json(client, q=SECRET_WORD)["total"] == 1

    restriction = deliver(
        lambda: CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    )
    assert search_json(client, q=SECRET_WORD)["total"] == 0

    deliver(lambda: restriction.delete())
    assert search_json(client, q=SECRET_WORD)["total"] == 1


def test_a_partnership_made_internal_is_named_by_no_public_page_or_search(client, deliver):
    section = PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory(title="Orlando night patrols"))
    practice = PracticePageFactory(title="Night patrols")
    EvidenceItem.objects.create(
        practice=practice, partnership=partnership, outcome="Robberies", effect="improved"
    )
    publication = PublicationPageFactory(title="Patrol study")
    publication.partnerships.add(partnership)
    priority = ResearchPriorityPageFactory(title="Patrol research")
    priority.partnerships.add(partnership)
    for page in (practice, publication, priority):
        deliver(lambda page=page: page.save_revision().publish())
    reference = partnership.reference
    offered = search_json(client, partnership=reference)
    assert offered["total"] == 3
    assert reference in [v["value"] for v in search_json(client)["facets"]["partnership"]]

    partnership.visibility = Visibility.INTERNAL
    deliver(lambda: partnership.save())

    everything = search_json(client)
    assert reference not in [v["value"] for v in everything["facets"].get("partnership", [])]
    assert search_json(client, partnership=reference)["total"] == 0
    assert search_json(client, q="Orlando")["total"] == 0
    for page in (practice, publication, priority):
        html = client.get(page.url).content.decode()
        assert "Orlando night patrols" not in html, page.url
        assert reference not in html, page.url
    assert client.get(f"{section.url}{reference}/").status_code == 404


def test_renaming_an_organisation_re_projects_its_partnerships(client, deliver):
    PartnershipsSectionPageFactory()
    organisation = OrganisationFactory(name="Ubuntu Patrollers")
    partnership = deliver(lambda: PartnershipFactory(parties=[organisation]))
    assert search_json(client, q="Ubuntu")["total"] == 1

    organisation.name = "Masakhane Safety Forum"
    deliver(lambda: organisation.save())

    assert search_json(client, q="Masakhane")["results"][0]["id"] == (
        f"partnership:{partnership.pk}"
    )
    assert search_json(client, q="Ubuntu")["total"] == 0


def test_unpublishing_the_partnerships_section_takes_the_profiles_out(deliver):
    section = PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory())
    assert f"partnership:{partnership.pk}" in indexed_ids()

    deliver(lambda: section.unpublish())

    assert f"partnership:{partnership.pk}" not in indexed_ids()


def test_an_evidence_item_saved_on_its_own_re_projects_its_practice(client, deliver):
    PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory())
    practice = PracticePageFactory()
    deliver(lambda: practice.save_revision().publish())
    assert search_json(client, partnership=partnership.reference)["total"] == 0

    deliver(
        lambda: EvidenceItem.objects.create(
            practice=practice, partnership=partnership, outcome="Burglary", effect="improved"
        )
    )

    assert search_json(client, partnership=partnership.reference)["total"] == 1


def test_every_declared_dependency_is_listened_to():
    from django.db.models.signals import post_save, pre_delete

    for search_kind in registry.kinds():
        for dependency in search_kind.depends_on:
            for signal in (post_save, pre_delete):
                assert signal.has_listeners(dependency.model), (search_kind.kind, dependency)


def test_a_private_subtree_is_queued_in_one_statement_with_one_drain(
    deliver, django_capture_on_commit_callbacks, django_assert_max_num_queries
):
    publications = PublicationPageFactory.create_batch(3)
    for publication in publications:
        deliver(lambda p=publication: p.save_revision().publish())
    library = publications[0].get_parent()
    OutboxEntry.objects.all().delete()

    with django_capture_on_commit_callbacks() as callbacks:
        PageViewRestriction.objects.create(page=library, restriction_type=PageViewRestriction.LOGIN)
    assert len(callbacks) == 1
    assert set(OutboxEntry.waiting().values_list("object_id", flat=True)) >= {
        p.pk for p in publications
    }


def test_a_rebuild_keeps_changes_saved_while_it_runs(monkeypatch, deliver):
    PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory(title="Before the rebuild"))
    kind = registry.get_kind("partnership")
    original = kind.project

    def project_then_someone_saves(instance):
        document = original(instance)  # the rebuild has read the old state...
        if instance.pk == partnership.pk and document.title == "Before the rebuild":
            instance.title = "Saved during the rebuild"  # ...an editor saves, a worker delivers
            deliver(lambda: instance.save())
        return document  # ...and the rebuild writes what it read

    import dataclasses

    monkeypatch.setitem(
        registry._KINDS,
        "partnership",
        dataclasses.replace(kind, project=project_then_someone_saves),
    )
    out = io.StringIO()
    deliver(lambda: call_command("rebuild_search_index", stdout=out))

    assert "1 changes saved during the rebuild queued again" in out.getvalue()
    stored = IndexedDocument.objects.get(doc_id=f"partnership:{partnership.pk}")
    assert stored.title == "Saved during the rebuild"


def test_publication_pages_list_open_documents(client, deliver):
    open_document = document_with_text("Open text")
    publication = publication_with(open_document, deliver, title="Listed study")
    html = BeautifulSoup(client.get(publication.url).content, "html.parser")
    assert html.find("a", string="Confidential annex") is not None


def document_link(document) -> list:
    return [("document", {"document": document, "title": ""})]


def test_a_document_linked_from_a_page_body_leaves_search_when_its_collection_is_restricted(
    client, deliver
):
    collection = Collection.get_first_root_node().add_child(name="Annexes")
    document = document_with_text("", collection)
    document.title = f"The {SECRET_WORD} annex"
    document.save()
    publication = PublicationPageFactory(key_findings=document_link(document))
    priority = ResearchPriorityPageFactory(body=document_link(document))
    for page in (publication, priority):
        deliver(lambda page=page: page.save_revision().publish())
    assert search_json(client, q=SECRET_WORD)["total"] == 2

    deliver(
        lambda: CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.LOGIN
        )
    )

    assert search_json(client, q=SECRET_WORD)["total"] == 0
    for page in (publication, priority):
        assert SECRET_WORD not in client.get(page.url).content.decode()


def test_a_document_renamed_is_renamed_in_the_pages_that_link_to_it(client, deliver):
    document = document_with_text("")
    publication = PublicationPageFactory(key_findings=document_link(document))
    deliver(lambda: publication.save_revision().publish())
    assert search_json(client, q=SECRET_WORD)["total"] == 0

    document.title = f"The {SECRET_WORD} annex"
    deliver(lambda: document.save())

    assert search_json(client, q=SECRET_WORD)["total"] == 1
