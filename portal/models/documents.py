"""The portal's document model: Wagtail's, plus the text of PDFs for full-text search."""

from django.db import models
from wagtail.documents.models import AbstractDocument, Document, DocumentQuerySet

from portal.pdf import extract_text


class PortalDocumentManager(models.Manager.from_queryset(DocumentQuerySet)):
    """Documents without their extracted text, which only indexing reads: a long report's text
    is not read each time a page lists it, a chooser shows it or it is downloaded. (Reached
    through a foreign key, as indexing reaches it, a document is read whole.)"""

    def get_queryset(self):
        return super().get_queryset().defer("extracted_text")


class PortalDocument(AbstractDocument):
    extracted_text = models.TextField(blank=True, editable=False)
    text_extraction_note = models.CharField(
        max_length=255,
        blank=True,
        editable=False,
        help_text="Why the text of this file could not be read, if it could not.",
    )

    admin_form_fields = Document.admin_form_fields

    objects = PortalDocumentManager()

    class Meta(AbstractDocument.Meta):
        verbose_name = "document"
        verbose_name_plural = "documents"

    @property
    def is_pdf(self) -> bool:
        return self.file_extension.lower() == "pdf"

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            # The admin form records size and hash; files saved in code need them too.
            self.file_size = self.file.size
            self._set_file_hash()
            self.read_text()
        super().save(*args, **kwargs)

    def read_text(self) -> None:
        """Read a newly uploaded PDF's text (kept for search); other files have none."""
        if not self.file.name.lower().endswith(".pdf"):
            self.extracted_text, self.text_extraction_note = "", ""
            return
        result = extract_text(self.file)
        self.extracted_text, self.text_extraction_note = result.text, result.note
