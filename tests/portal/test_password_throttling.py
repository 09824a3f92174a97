"""Wagtail's page and collection password forms are throttled like every sign-in (hardening
issue, item 3): thirty wrong passwords used to be followed by the right one being accepted."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Collection, CollectionViewRestriction, PageViewRestriction

from tests.portal.factories import StandardPageFactory, home_page

pytestmark = pytest.mark.django_db

PASSWORD = "the-shared-password"


def thirty_wrong_then_right(url: str, attacker: Client, return_url: str):
    for _ in range(30):
        wrong = attacker.post(url, {"password": "guess", "return_url": return_url})
        assert wrong.status_code in (200, 429)
    return attacker.post(url, {"password": PASSWORD, "return_url": return_url})


def test_a_page_password_is_locked_after_wrong_guesses():
    page = StandardPageFactory(parent=home_page(), title="Private notes", slug="private-notes")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    attacker = Client(REMOTE_ADDR="203.0.113.9")

    response = thirty_wrong_then_right(url, attacker, page.url)

    assert response.status_code == 429
    assert "Private notes" not in attacker.get(page.url).content.decode()
    # the lock is on the restriction too, so changing address does not help
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    assert elsewhere.post(url, {"password": PASSWORD, "return_url": page.url}).status_code == 429


def test_a_reader_with_the_password_gets_in_after_a_few_typos():
    page = StandardPageFactory(parent=home_page(), title="Private notes", slug="private-notes")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    reader = Client()
    for _ in range(2):
        assert reader.post(url, {"password": "typo", "return_url": page.url}).status_code == 200

    response = reader.post(url, {"password": PASSWORD, "return_url": page.url})

    assert response.status_code == 302
    assert reader.get(page.url).status_code == 200


def test_a_collection_password_is_locked_after_wrong_guesses():
    collection = Collection.get_first_root_node().add_child(name="Board papers")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection,
        restriction_type=CollectionViewRestriction.PASSWORD,
        password=PASSWORD,
    )
    url = reverse("wagtaildocs_authenticate_with_password", args=[restriction.pk])

    response = thirty_wrong_then_right(url, Client(REMOTE_ADDR="203.0.113.9"), "/")

    assert response.status_code == 429
