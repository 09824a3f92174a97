"""A disk that fails while a signed scan is stored (hardening issue, load and faults): the
editor gets a clear error on the form, and no agreement is half written."""

from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from knowledge.models import Agreement
from knowledge.scans import PrivateStorage
from portal.demo_helpers import placeholder_pdf
from tests.knowledge.factories import PartnershipFactory

pytestmark = pytest.mark.django_db


def test_a_storage_error_while_a_scan_uploads_is_a_clear_error_and_saves_nothing(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    partnership = PartnershipFactory()
    data = {
        "partnership": partnership.pk,
        "kind": "moa",
        "version": "1",
        "status": "signed",
        "signatories": "Director",
        "signed_on": "2026-02-10",
        "signed_scan": SimpleUploadedFile("signed.pdf", placeholder_pdf("Signed")),
    }

    with mock.patch.object(PrivateStorage, "_save", side_effect=OSError(28, "No space left")):
        response = client.post(reverse("wagtailsnippets_knowledge_agreement:add"), data)

    assert response.status_code == 200
    assert "could not be stored" in str(response.context["form"].errors["signed_scan"])
    assert not Agreement.objects.exists()
