"""Who may see and change the register, tried as an anonymous reader, a viewer and an editor.

Private parts (agreement scans, costs, risks, contact details) are probed through every door a
person could try: the admin, the scan URL (including guessed names), media URLs, public pages.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry

from knowledge.groups import REGISTER_EDITORS, REGISTER_VIEWERS
from knowledge.models import Partnership
from portal.demo_helpers import placeholder_pdf
from tests.knowledge.factories import AgreementFactory, PartnershipFactory, user_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def viewer(client):
    return user_in(REGISTER_VIEWERS)


@pytest.fixture
def editor():
    return user_in(REGISTER_EDITORS)


def partnership_url(action: str, *args) -> str:
    return reverse(f"wagtailsnippets_knowledge_partnership:{action}", args=args)


def test_anonymous_readers_are_sent_to_the_login_page(client):
    agreement = AgreementFactory()

    for url in (partnership_url("list"), agreement.signed_scan.url):
        response = client.get(url)
        assert response.status_code == 302
        assert "/admin/login/" in response["Location"]


def test_a_viewer_reads_the_register_but_cannot_change_it(client, viewer):
    partnership = PartnershipFactory(title="Original title")
    client.force_login(viewer)

    assert client.get(partnership_url("list")).status_code == 200
    assert client.get(partnership_url("inspect", partnership.pk)).status_code == 200
    assert client.get(partnership_url("add")).status_code in (302, 403)
    response = client.post(partnership_url("edit", partnership.pk), {"title": "Changed"})
    assert response.status_code in (302, 403)
    partnership.refresh_from_db()
    assert partnership.title == "Original title"


def test_a_viewer_cannot_open_a_scan_even_knowing_its_address(client, viewer):
    agreement = AgreementFactory()
    client.force_login(viewer)

    # Wagtail turns a refusal inside the admin into a redirect to the dashboard with a message.
    for url in (agreement.signed_scan.url, "/admin/register/scans/agreements/guessed.pdf"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"] == "/admin/"
        assert b"%PDF" not in response.content


def test_an_editor_opens_the_scan_as_a_private_download(client, editor):
    agreement = AgreementFactory()
    client.force_login(editor)

    response = client.get(agreement.signed_scan.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert agreement.partnership.reference in response["Content-Disposition"]
    assert "no-store" in response["Cache-Control"]
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert client.get("/admin/register/scans/agreements/guessed.pdf").status_code == 404


def test_scans_are_not_reachable_through_media_urls(client, editor, settings):
    agreement = AgreementFactory()
    client.force_login(editor)
    assert client.get(f"{settings.MEDIA_URL}{agreement.signed_scan.name}").status_code == 404


def test_an_editor_changes_a_partnership_and_the_audit_log_records_it(client, editor):
    partnership = PartnershipFactory(title="Original title")
    client.force_login(editor)
    form = client.get(partnership_url("edit", partnership.pk)).context["form"]
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "title": "Renamed by an editor",
            "provinces": partnership.provinces,
            "thrusts": [],
            "start_date": partnership.start_date.isoformat(),
            "parties-TOTAL_FORMS": "1",
            "parties-INITIAL_FORMS": "1",
            "parties-MIN_NUM_FORMS": "1",
            "parties-MAX_NUM_FORMS": "1000",
            "parties-0-id": partnership.parties.get().pk,
            "parties-0-organisation": partnership.parties.get().organisation_id,
            "parties-0-role": "lead",
            "parties-0-ORDER": "1",
        }
    )
    for inline in ("kpis", "value_delivered", "risks", "costs"):
        data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})

    response = client.post(partnership_url("edit", partnership.pk), data)

    assert response.status_code == 302, response.context["form"].errors
    partnership.refresh_from_db()
    assert partnership.title == "Renamed by an editor"
    assert partnership.revisions.count() == 1
    log = ModelLogEntry.objects.filter(object_id=str(partnership.pk)).latest("timestamp")
    assert log.user == editor
    assert log.action == "wagtail.edit"


def test_a_rejected_edit_leaves_the_record_untouched(client, editor):
    partnership = PartnershipFactory(title="Original title")
    client.force_login(editor)
    data = {
        "title": "Should not be saved",
        "summary": "x",
        "purpose": "x",
        "scope": "provincial",
        "provinces": ["gauteng"],
        "level": "cooperation",
        "formality": "informal",
        "funding_model": "self-funded",
        "term": "long",
        "stance": "pursue",
        "responsible_unit": "Unit",
        "start_date": "2026-05-01",
        "end_date": "2026-04-01",
        "status": "active",
        "visibility": "public",
        "parties-TOTAL_FORMS": "0",
        "parties-INITIAL_FORMS": "0",
    }
    for inline in ("kpis", "value_delivered", "risks", "costs"):
        data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})

    response = client.post(partnership_url("edit", partnership.pk), data)

    assert response.status_code == 200
    assert "The end date is before the start date." in response.content.decode()
    partnership.refresh_from_db()
    assert partnership.title == "Original title"
    assert Partnership.objects.count() == 1


def test_an_editor_upload_that_is_not_a_pdf_is_refused_with_a_message(client, editor):
    agreement = AgreementFactory()
    original_checksum = agreement.scan_sha256
    client.force_login(editor)
    url = reverse("wagtailsnippets_knowledge_agreement:edit", args=[agreement.pk])
    response = client.post(
        url,
        {
            "partnership": agreement.partnership_id,
            "kind": agreement.kind,
            "version": agreement.version,
            "status": agreement.status,
            "signed_on": "2025-01-15",
            "expires_on": "2030-01-14",
            "signed_scan": SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf"),
        },
    )

    assert response.status_code == 200
    assert "This file is not a PDF" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.scan_sha256 == original_checksum
    with agreement.signed_scan.open("rb") as stored:
        assert stored.read() == placeholder_pdf("Signed agreement")
