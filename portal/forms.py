"""Admin forms shared by the portal's apps."""

from django import forms
from wagtail.documents.forms import BaseDocumentForm

from portal.pdf import looks_like_pdf


class PortalDocumentForm(BaseDocumentForm):
    """Refuses a file that is named like a PDF but is not one, at the file field."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.name.lower().endswith(".pdf") and not looks_like_pdf(upload):
            raise forms.ValidationError(
                "This file is named .pdf but is not a PDF. Export it again as a PDF."
            )
        return upload
