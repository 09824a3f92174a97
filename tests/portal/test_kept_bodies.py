"""A publication's body is rendered once per generation for readers without a session, never
shows what a change has since hidden, and never carries what a reader with a session may see to
anyone else (portal/kept_bodies.py). The partnership profile's are in
tests/knowledge/test_profile_body.py.

Every request here carries a messages cookie, which keeps it out of the page cache, so what is
tested is the kept body, not the kept page."""

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction

from knowledge.models.choices import Visibility
from knowledge.models.publications import PublicationAuthor, PublicationDocument
from portal.demo_helpers import placeholder_pdf
from portal.models import PortalDocument
from tests.knowledge.factories import PartnershipFactory, PublicationPageFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_bodies")]


@pytest.fixture
def publication():
    publication = PublicationPageFactory(title="Patrols that listen")
    PublicationAuthor.objects.create(publication=publication, name="N. Dlamini")
    publication.save_revision().publish()
    return publication


def document_in(collection, title) -> PortalDocument:
    return PortalDocument.objects.create(
        title=title, collection=collection, file=ContentFile(placeholder_pdf(title), name="p.pdf")
    )


def read(client, url, **extra):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **extra)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None  # rendered, not a kept page
    return response.content.decode(), [q["sql"] for q in queries]


def test_a_second_reader_gets_the_body_without_reading_it_again(client, publication):
    authors = PublicationAuthor._meta.db_table
    first, first_queries = read(client, publication.url)
    second, second_queries = read(client, publication.url)

    assert any(authors in sql for sql in first_queries)
    assert not any(authors in sql for sql in second_queries)
    assert second == first
    assert "N. Dlamini" in second and '"@type"' in second  # the body and its structured data


def test_what_a_change_hides_leaves_the_kept_body(client, publication):
    partnership = PartnershipFactory(title="Riverside watch")
    board = Collection.get_first_root_node().add_child(name="Board papers")
    PublicationDocument.objects.create(
        publication=publication, document=document_in(board, "Board minutes")
    )
    publication.partnerships.add(partnership)
    publication.save_revision().publish()
    page = read(client, publication.url)[0]
    assert "Board minutes" in page and "Riverside watch" in page

    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    assert "Board minutes" not in read(client, publication.url)[0]

    partnership.visibility = Visibility.INTERNAL
    partnership.save()
    assert "Riverside watch" not in read(client, publication.url)[0]


def test_what_a_password_shows_one_reader_is_never_kept_for_others(client, publication):
    board = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    PublicationDocument.objects.create(
        publication=publication, document=document_in(board, "Board minutes")
    )
    publication.save_revision().publish()
    before = read(client, publication.url)[0]  # kept for readers without a session
    assert "Board minutes" not in before

    session = client.session
    session[restriction.passed_view_restrictions_session_key] = [restriction.pk]
    session.save()
    client.cookies["sessionid"] = session.session_key
    assert "Board minutes" in read(client, publication.url)[0]

    del client.cookies["sessionid"]
    assert read(client, publication.url)[0] == before
