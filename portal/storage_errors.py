"""A failing disk while a file is stored is the editor's form error, not a 500.

Used by admin create and edit views whose form stores a file: the whole save runs in one
transaction, so when the storage raises ``OSError`` (disk full, permissions, a network volume
gone) nothing of the record, its revision or its log entry is kept, and the form is shown again
with the reason at the file field.
"""

import logging

from django.db import transaction

logger = logging.getLogger(__name__)

MESSAGE = (
    "The file could not be stored (the server's storage failed), so nothing was saved. "
    "Try again; if it fails again, tell the site administrator."
)


class StorageErrorsAreFormErrors:
    file_field: str  # the form field that holds the file

    def form_valid(self, form):
        try:
            with transaction.atomic():
                return super().form_valid(form)
        except OSError:
            logger.exception("Storing %s failed", self.file_field)
            form.add_error(self.file_field, MESSAGE)
            self.produced_error_message = self.get_error_message()  # the banner Wagtail shows
            return self.form_invalid(form)
