"""Agreements: dates in order, a real PDF scan within the size limit, a checksum for copies."""

import datetime
import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from knowledge.scans import MAX_SCAN_BYTES
from portal.demo_helpers import placeholder_pdf
from tests.knowledge.factories import AgreementFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def field_errors(agreement) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    return error.value.message_dict


def test_expiry_before_signature_is_refused_at_the_expiry_date():
    agreement = AgreementFactory.build(
        partnership=PartnershipFactory(),
        signed_on=datetime.date(2026, 3, 1),
        expires_on=datetime.date(2026, 2, 28),
    )
    assert field_errors(agreement)["expires_on"] == ["The agreement expires before it was signed."]


def test_a_signed_agreement_needs_its_signature_date():
    agreement = AgreementFactory.build(partnership=PartnershipFactory(), signed_on=None)
    assert "signed_on" in field_errors(agreement)


@pytest.mark.parametrize(
    "content",
    [
        b"<html>not a pdf</html>",
        b"<html><!-- %PDF-1.4 --></html>",  # the marker in a comment is not a PDF
        b"MZ\x90\x00 %PDF-1.4",  # nor after an executable's header
    ],
)
def test_a_file_named_pdf_that_is_not_a_pdf_is_refused(content):
    agreement = AgreementFactory.build(
        partnership=PartnershipFactory(),
        signed_scan=SimpleUploadedFile("scan.pdf", content),
    )
    assert field_errors(agreement)["signed_scan"] == [
        "This file is not a PDF, whatever its name says. Upload the signed scan as a PDF."
    ]


def test_a_scan_over_the_size_limit_is_refused():
    too_big = placeholder_pdf("big") + b"0" * MAX_SCAN_BYTES
    agreement = AgreementFactory.build(
        partnership=PartnershipFactory(), signed_scan=SimpleUploadedFile("scan.pdf", too_big)
    )
    assert "the limit is 20 MB" in field_errors(agreement)["signed_scan"][0]


def test_checksum_is_recorded_at_upload_and_matches_the_stored_file():
    content = placeholder_pdf("Signed MoU")
    agreement = AgreementFactory(signed_scan=SimpleUploadedFile("scan.pdf", content))

    assert agreement.scan_sha256 == hashlib.sha256(content).hexdigest()
    assert agreement.scan_uploaded_at is not None
    with agreement.signed_scan.open("rb") as stored:
        assert hashlib.sha256(stored.read()).hexdigest() == agreement.scan_sha256


def test_scan_names_reveal_nothing_and_live_outside_media_root(settings):
    agreement = AgreementFactory()
    path = agreement.signed_scan.path

    assert agreement.partnership.reference not in agreement.signed_scan.name
    assert path.startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert agreement.signed_scan.url.startswith("/admin/register/scans/")


def test_removing_the_scan_clears_its_checksum():
    agreement = AgreementFactory()
    agreement.signed_scan = None
    agreement.save()
    assert agreement.scan_sha256 == ""


def test_the_scan_shows_as_what_it_is_not_where_it_is_stored(client):
    from django.contrib.auth import get_user_model
    from django.urls import reverse
    from django.utils.timezone import localtime

    agreement = AgreementFactory()
    agreement.refresh_from_db()
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))

    page = (
        client.get(reverse("wagtailsnippets_knowledge_agreement:edit", args=[agreement.pk]))
        .content.decode()
        .replace("\xa0", " ")
    )

    assert "Signed scan (PDF, " in page and " bytes)" in page
    assert agreement.signed_scan.name not in page.replace(agreement.signed_scan.url, "")
    assert agreement.scan_uploaded_at is not None
    assert f"uploaded {localtime(agreement.scan_uploaded_at):%-d %B %Y}" in page
