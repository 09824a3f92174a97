"""Signed agreement scans: private storage, PDF checks and checksums.

Scans live outside MEDIA_ROOT, in PRIVATE_MEDIA_ROOT, with no URL of their own: the only way to
read one is the admin view that checks the "open signed agreement scans" permission.
"""

import hashlib
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.deconstruct import deconstructible

from portal.pdf import looks_like_pdf

MAX_SCAN_BYTES = 20 * 1024 * 1024


class PrivateStorage(FileSystemStorage):
    """Files on disk whose only URL is the permission-checked admin view."""

    def url(self, name):
        return reverse("knowledge_agreement_scan", args=[name])


def private_storage() -> FileSystemStorage:
    return PrivateStorage(location=settings.PRIVATE_MEDIA_ROOT)


@deconstructible
class ScanPath:
    """A random file name, so that a scan's name says nothing about the agreement."""

    def __call__(self, instance, filename: str) -> str:
        return str(PurePath("agreements", f"{uuid.uuid4().hex}.pdf"))


def validate_pdf_scan(file) -> None:
    if file.size > MAX_SCAN_BYTES:
        raise ValidationError(
            "The scan is %(size)s MB; the limit is %(limit)s MB. Scan at a lower resolution.",
            code="too_large",
            params={"size": round(file.size / 1024 / 1024, 1), "limit": MAX_SCAN_BYTES // 2**20},
        )
    if not looks_like_pdf(file):
        raise ValidationError(
            "This file is not a PDF, whatever its name says. Upload the signed scan as a PDF.",
            code="not_pdf",
        )


def sha256_of(file) -> str:
    digest = hashlib.sha256()
    file.seek(0)
    for chunk in file.chunks():
        digest.update(chunk)
    file.seek(0)
    return digest.hexdigest()


def scan_size(file) -> str:
    """A stored scan's size in words ("45.2 KB"), or that storage has lost it."""
    try:
        return filesizeformat(file.size)
    except OSError:
        return "missing from storage"
