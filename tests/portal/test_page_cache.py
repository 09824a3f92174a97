"""The anonymous page cache: it serves repeat readers from the cache, never serves signed-in
people or pages with forms, and never shows what a change has since hidden."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.files.base import ContentFile
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from knowledge.models.choices import Visibility
from knowledge.models.publications import PublicationDocument
from portal.demo_helpers import placeholder_pdf
from portal.models import PortalDocument
from tests.dialogue.factories import DialogueEventPageFactory
from tests.knowledge.factories import (
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
)
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def page_cache(settings, client):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    client.get("/")  # the first request ever creates the footer's settings row (a change)
    yield caches["pages"]
    caches["pages"].clear()


def fetch(client, url, **headers):
    response = client.get(url, headers=headers)
    return response, response.get("X-Page-Cache")


def test_a_second_anonymous_reader_is_served_from_the_cache(client):
    page = StandardPageFactory(title="About safety")

    first, first_state = fetch(client, page.url)
    second, second_state = fetch(client, page.url)

    assert (first_state, second_state) == ("miss", "hit")
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "must-revalidate" in second["Cache-Control"]
    assert "Cookie" in second["Vary"]
    revalidated = client.get(page.url, headers={"If-None-Match": second["ETag"]})
    assert revalidated.status_code == 304


def test_signed_in_people_never_get_or_fill_the_cache(client):
    page = StandardPageFactory()
    user = get_user_model().objects.create_user("reader", password="pw")
    client.force_login(user)

    for _ in range(2):
        response, state = fetch(client, page.url)
        assert state is None
        assert "private" in response["Cache-Control"]
    client.logout()
    client.cookies.clear()
    assert fetch(client, page.url)[1] == "miss"


def test_pages_with_a_form_are_not_cached(client):
    event = DialogueEventPageFactory(registration_enabled=True, capacity=20)

    first = client.get(event.url)
    assert b"csrfmiddlewaretoken" in first.content
    client.cookies.clear()
    assert fetch(client, event.url)[1] is None


def test_a_published_change_is_seen_at_once(client):
    page = StandardPageFactory(title="Old title")
    fetch(client, page.url)

    page.title = "New title"
    page.save_revision().publish()

    response, state = fetch(client, page.url)
    assert state == "miss"
    assert b"New title" in response.content


def test_an_unpublished_page_is_gone_at_once(client):
    page = StandardPageFactory()
    assert fetch(client, page.url)[0].status_code == 200

    page.unpublish()

    assert client.get(page.url).status_code == 404


def test_a_page_made_private_is_not_served_from_the_cache(client):
    page = StandardPageFactory(title="Soon private")
    fetch(client, page.url)

    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)

    response = client.get(page.url)
    assert response.status_code == 302
    assert b"Soon private" not in response.content


def test_a_moved_page_leaves_its_old_address(client):
    page = StandardPageFactory()
    new_parent = StandardPageFactory()
    old_url = page.url
    fetch(client, old_url)

    page.move(new_parent, pos="last-child")

    response = client.get(old_url)  # Wagtail's redirect to the new address, not the old page
    assert response.status_code == 301
    assert response["Location"] == page.specific.__class__.objects.get(pk=page.pk).url


def test_a_partnership_made_internal_leaves_profile_listing_and_search(
    client, django_capture_on_commit_callbacks
):
    section = PartnershipsSectionPageFactory()
    with django_capture_on_commit_callbacks(execute=True):  # the search index takes it in
        partnership = PartnershipFactory(title="Riverside watch")
    profile_url = f"{section.url}{partnership.reference}/"
    search_url = "/search/?q=Riverside&format=json"
    for url in (profile_url, section.url, search_url):
        fetch(client, url)
        assert fetch(client, url)[1] == "hit", url
    assert b"Riverside watch" in client.get(search_url).content

    partnership.visibility = Visibility.INTERNAL
    with django_capture_on_commit_callbacks(execute=True):
        partnership.save()

    assert client.get(profile_url).status_code == 404
    assert b"Riverside watch" not in client.get(section.url).content
    assert b"Riverside watch" not in client.get(search_url).content


def test_a_document_in_a_newly_restricted_collection_leaves_the_page(client):
    board = Collection.get_first_root_node().add_child(name="Board papers")
    document = PortalDocument.objects.create(
        title="Board minutes",
        collection=board,
        file=ContentFile(placeholder_pdf("minutes"), name="minutes.pdf"),
    )
    publication = PublicationPageFactory()
    PublicationDocument.objects.create(publication=publication, document=document)
    publication.save_revision().publish()
    assert b"Board minutes" in fetch(client, publication.url)[0].content
    assert fetch(client, publication.url)[1] == "hit"

    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )

    assert b"Board minutes" not in client.get(publication.url).content


def test_the_admin_and_members_area_are_never_cached(client):
    for url in ("/admin/login/", "/members/sign-in/"):
        client.get(url)
        assert fetch(client, url)[1] is None, url


def test_a_draft_saved_by_an_editor_keeps_the_cache(client, page_cache):
    page = StandardPageFactory(title="Published words")
    fetch(client, page.url)

    page.title = "Draft words"
    page.save_revision()

    response, state = fetch(client, page.url)
    assert state == "hit"
    assert b"Published words" in response.content


def test_readers_with_a_message_waiting_bypass_the_cache(client):
    page = StandardPageFactory()
    fetch(client, page.url)

    client.cookies["messages"] = "waiting"

    assert fetch(client, page.url)[1] is None


def test_the_search_index_taking_changes_in_replaces_the_generation(client):
    from portal.page_cache import current_generation
    from search.delivery import drain

    PartnershipFactory(title="Waiting in the outbox")  # not committed: its rows wait
    before = current_generation()

    assert drain() > 0
    assert current_generation() != before
