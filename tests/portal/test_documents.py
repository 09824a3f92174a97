"""Documents keep the text of PDFs for search; damaged or encrypted PDFs are kept with a note."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfReader, PdfWriter

from portal import pdf
from portal.demo_helpers import placeholder_pdf
from portal.models import PortalDocument

pytestmark = pytest.mark.django_db


def document_from(name: str, content: bytes) -> PortalDocument:
    document = PortalDocument(title=name, file=ContentFile(content, name=name))
    document.save()
    return document


def encrypted_pdf() -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(placeholder_pdf("Secret findings"))))
    writer.encrypt("a-password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_text_is_extracted_at_upload():
    document = document_from(
        "report.pdf", placeholder_pdf("Policing and the rights of sex workers")
    )

    assert "Policing and the rights of sex workers" in document.extracted_text
    assert document.text_extraction_note == ""
    assert document.file_size == len(placeholder_pdf("Policing and the rights of sex workers"))
    assert len(document.file_hash) == 40


@pytest.mark.parametrize(
    ("content", "note"),
    [
        (placeholder_pdf("x")[:200], "damaged"),
        (encrypted_pdf(), "encrypted"),
    ],
    ids=["damaged", "encrypted"],
)
def test_unreadable_pdfs_are_kept_with_a_note(content, note):
    document = document_from("report.pdf", content)

    assert document.pk is not None
    assert document.extracted_text == ""
    assert note in document.text_extraction_note


def test_other_files_have_no_text_and_no_note():
    document = document_from("data.csv", b"a,b\n1,2\n")
    assert (document.extracted_text, document.text_extraction_note) == ("", "")


@pytest.mark.parametrize(
    "content",
    [
        b"MZ this is an executable",
        b"<html><!-- %PDF-1.4 --><script>alert(1)</script></html>",  # a marker in a comment
        b"MZ\x90\x00\x03 %PDF-1.4 an executable with the marker after its header",
    ],
)
def test_a_file_named_pdf_that_is_not_a_pdf_is_refused_at_upload(client, content):
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))

    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Fake", "file": SimpleUploadedFile("fake.pdf", content)},
    )

    assert response.status_code == 200
    assert "This file is named .pdf but is not a PDF." in response.content.decode()
    assert not PortalDocument.objects.exists()


def costly_pdf(pages: int = 300, operations: int = 40_000) -> bytes:
    """A few kilobytes that cost pypdf minutes: many pages sharing one compressed content
    stream of tens of thousands of text operations."""
    import zlib

    from pypdf.generic import DictionaryObject, NameObject, StreamObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    stream = StreamObject()
    stream._data = zlib.compress(b"BT /F1 12 Tf " + b"(ab) Tj 0 -1 Td " * operations + b"ET", 9)
    stream[NameObject("/Filter")] = NameObject("/FlateDecode")
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Contents")] = writer._add_object(stream)
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): writer._add_object(font)})}
    )
    for _ in range(pages - 1):
        writer.add_page(page)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_pdf_too_costly_to_read_is_kept_with_a_note_within_the_time_limit(client, settings):
    """Hardening issue, item 1: such a PDF used to keep the upload busy past gunicorn's
    30-second worker timeout. Now its reading is stopped at the limit and the upload succeeds."""
    import time

    settings.PDF_TEXT_SECONDS = 2
    content = costly_pdf()
    assert len(content) < 20_000
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))

    started = time.monotonic()
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": "Heavy", "file": SimpleUploadedFile("heavy.pdf", content)},
    )
    elapsed = time.monotonic() - started

    assert response.status_code == 302
    document = PortalDocument.objects.get(title="Heavy")
    assert document.extracted_text == ""
    assert document.text_extraction_note == pdf.TOO_COSTLY
    # A bound, not a speed measurement: without the limit this takes many minutes.
    assert elapsed < 20


def test_pages_choosers_and_downloads_do_not_read_a_documents_text(client):
    """Only indexing reads the extracted text: a page listing the document, Wagtail's chooser
    and the download leave it in the database, and editing the document keeps it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.best_practice.factories import MasterClassPageFactory

    document = document_from("slides.pdf", placeholder_pdf("Long module slides"))
    page = MasterClassPageFactory(
        modules=[("module", {"title": "One", "outcomes": "Plan", "materials": [document]})]
    )
    page.save_revision().publish()

    with CaptureQueriesContext(connection) as queries:
        assert document.url in client.get(page.url).content.decode()
        assert client.get(document.url).status_code == 200
    reads = [q["sql"] for q in queries if "portal_portaldocument" in q["sql"]]
    assert reads and not any("extracted_text" in sql for sql in reads)

    client.force_login(get_user_model().objects.create_superuser("editor", "", "pw"))
    response = client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Module slides", "collection": document.collection_id},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.title == "Module slides"
    assert "Long module slides" in document.extracted_text
