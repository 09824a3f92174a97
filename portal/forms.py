"""Admin forms shared by the portal's apps."""

from django import forms
from PIL import UnidentifiedImageError
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from portal.pdf import looks_like_pdf
from portal.uploads import extension_kind, sniff


class PortalDocumentForm(BaseDocumentForm):
    """Refuses a file that is named like a PDF but is not one, at the file field."""

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if upload and upload.name.lower().endswith(".pdf") and not looks_like_pdf(upload):
            raise forms.ValidationError(
                "This file is named .pdf but is not a PDF. Export it again as a PDF."
            )
        return upload


class PortalImageField(WagtailImageField):
    """Wagtail's image field, refusing a file that only begins like an image.

    Willow recognises a format by its first bytes, so ``GIF89a<script>…`` named ``.gif`` passes
    that test; Pillow then fails to read its size with an error Wagtail does not catch (a 500).
    Here the content must be the kind its name says (``portal.uploads``), and an image Pillow
    cannot read is a form error.
    """

    def to_python(self, data):
        upload = super().to_python(data)
        if upload is None:
            return None
        if sniff(upload) != extension_kind(upload.name):
            raise forms.ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        return upload

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as error:
            raise forms.ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class PortalImageForm(BaseImageForm):
    file = PortalImageField(label="File")
