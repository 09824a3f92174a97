"""Files a member attaches to an assessment: checked by content, limited in size, stored
privately (outside MEDIA_ROOT, like agreement scans) and served only to the author and to
editors who may review."""

import hashlib
import uuid
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.deconstruct import deconstructible

from knowledge.scans import private_storage
from portal.uploads import KINDS, allowed_names, extension_kind, sniff

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024


@deconstructible
class AttachmentPath:
    """A random name: the stored name says nothing about the assessment or its author."""

    def __call__(self, instance, filename: str) -> str:
        return str(PurePath("assessments", f"{uuid.uuid4().hex}.{instance.kind}"))


def check_upload(file) -> str:
    """The file's kind, or a ValidationError saying what is wrong with it."""
    if file.size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            f"The file is {file.size / 2**20:.1f} MB; the limit is "
            f"{MAX_ATTACHMENT_BYTES // 2**20} MB."
        )
    kind = sniff(file)
    named = extension_kind(file.name)
    if kind is None:
        raise ValidationError(f"This file is not one of the kinds accepted: {allowed_names()}.")
    if named != kind:
        raise ValidationError(
            f"This file is a {KINDS[kind][0]}, but its name says otherwise. Rename it to end "
            f"in .{kind} or attach the right file."
        )
    return kind


class AssessmentAttachment(models.Model):
    assessment = models.ForeignKey(
        "reference_group.Assessment", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(storage=private_storage, upload_to=AttachmentPath(), max_length=255)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["uploaded_at"]

    def __str__(self):
        return self.original_name

    @property
    def content_type(self) -> str:
        return KINDS[self.kind][1]

    @classmethod
    def store(cls, assessment, upload) -> "AssessmentAttachment":
        kind = check_upload(upload)
        digest = hashlib.sha256()
        for chunk in upload.chunks():
            digest.update(chunk)
        upload.seek(0)
        return cls.objects.create(
            assessment=assessment,
            file=upload,
            original_name=PurePath(upload.name).name[:255],
            kind=kind,
            size=upload.size,
            sha256=digest.hexdigest(),
        )
