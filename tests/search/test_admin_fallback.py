"""Wagtail's admin searches keep working while Elasticsearch is unreachable: Wagtail's database
backend, kept current beside it, answers them."""

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile

from portal.models import PortalDocument
from tests.knowledge.factories import PartnershipFactory, PublicationPageFactory

pytestmark = pytest.mark.django_db

UNREACHABLE = "http://127.0.0.1:9"  # the discard port: nothing listens there


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return client


@pytest.fixture
def elasticsearch_down(settings):
    settings.WAGTAILSEARCH_BACKENDS = {
        "database": {"BACKEND": "wagtail.search.backends.database"},
        "default": {
            "BACKEND": "search.admin_backend",
            "URLS": [UNREACHABLE],
            "INDEX_PREFIX": "portal_test_wagtail_",
            "TIMEOUT": 1,
        },
    }


@pytest.mark.parametrize(
    ("url", "make", "expected"),
    [
        (
            "/admin/pages/search/",
            lambda: PublicationPageFactory(title="Kwanobuhle patrol study"),
            "Kwanobuhle patrol study",
        ),
        (
            "/admin/snippets/knowledge/partnership/",
            lambda: PartnershipFactory(title="Kwanobuhle safety partnership"),
            "Kwanobuhle safety partnership",
        ),
        (
            "/admin/documents/",
            lambda: PortalDocument.objects.create(
                title="Kwanobuhle annex", file=ContentFile(b"text", name="annex.txt")
            ),
            "Kwanobuhle annex",
        ),
    ],
    ids=["pages", "register-snippets", "documents"],
)
def test_admin_search_answers_from_the_database_when_elasticsearch_is_down(
    admin_client, url, make, expected, request
):
    make()  # indexed by Wagtail's database backend, the default in tests
    request.getfixturevalue("elasticsearch_down")

    response = admin_client.get(url, {"q": "Kwanobuhle"})

    assert response.status_code == 200
    assert expected in response.content.decode()
