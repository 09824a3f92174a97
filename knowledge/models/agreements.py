"""Agreements (MoA, MoU, ...) with their compliance checklist and canonical signed scan."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from wagtail.models import LockableMixin, RevisionMixin
from wagtail.search import index

from knowledge.scans import ScanPath, private_storage, sha256_of, validate_pdf_scan

from .choices import AgreementKind, AgreementStatus

# The SAPS guidelines for crime prevention partnerships, as the strategy lists them.
COMPLIANCE_CHECKS = [
    ("purpose_clear", "Purpose and outcomes are clear"),
    ("objectives_served", "It serves the department's objectives"),
    ("best_use_of_resources", "It makes the best use of resources"),
    ("accountability", "Accountability is set out"),
    ("monitoring_and_review", "Monitoring and review are provided for"),
    ("risk_assessed", "Risks have been assessed"),
    ("properly_authorised", "Properly authorised, with its legal status understood"),
    ("roles_clear", "Each party's role is clear"),
    ("governance_obligations", "Governance obligations are met"),
]


class Agreement(LockableMixin, RevisionMixin, index.Indexed, models.Model):
    partnership = models.ForeignKey(
        "knowledge.Partnership", on_delete=models.CASCADE, related_name="agreements"
    )
    kind = models.CharField(max_length=20, choices=AgreementKind.choices)
    version = models.CharField(max_length=20, default="1")
    signatories = models.TextField(
        blank=True, help_text="One per line: name, position, organisation."
    )
    signed_on = models.DateField(null=True, blank=True)
    effective_from = models.DateField(null=True, blank=True)
    expires_on = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.DRAFT
    )

    purpose_clear = models.BooleanField(COMPLIANCE_CHECKS[0][1], default=False)
    objectives_served = models.BooleanField(COMPLIANCE_CHECKS[1][1], default=False)
    best_use_of_resources = models.BooleanField(COMPLIANCE_CHECKS[2][1], default=False)
    accountability = models.BooleanField(COMPLIANCE_CHECKS[3][1], default=False)
    monitoring_and_review = models.BooleanField(COMPLIANCE_CHECKS[4][1], default=False)
    risk_assessed = models.BooleanField(COMPLIANCE_CHECKS[5][1], default=False)
    properly_authorised = models.BooleanField(COMPLIANCE_CHECKS[6][1], default=False)
    roles_clear = models.BooleanField(COMPLIANCE_CHECKS[7][1], default=False)
    governance_obligations = models.BooleanField(COMPLIANCE_CHECKS[8][1], default=False)

    signed_scan = models.FileField(
        storage=private_storage,
        upload_to=ScanPath(),
        blank=True,
        validators=[validate_pdf_scan],
        help_text="The canonical signed copy, as a PDF of at most 20 MB. Only register editors "
        "can open it.",
    )
    scan_sha256 = models.CharField(
        "SHA-256 checksum of the scan",
        max_length=64,
        blank=True,
        editable=False,
        help_text="Recorded at upload: compare it with a copy's checksum to verify the copy.",
    )
    scan_uploaded_at = models.DateTimeField(null=True, blank=True, editable=False)
    notes = models.TextField(blank=True)

    search_fields = [
        index.SearchField("signatories"),
        index.RelatedFields(
            "partnership", [index.SearchField("reference"), index.SearchField("title")]
        ),
        index.FilterField("status"),
        index.FilterField("kind"),
    ]

    class Meta:
        ordering = ["partnership__reference", "-signed_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "kind", "version"],
                name="agreement_version_unique",
                violation_error_message="This partnership already has that kind of agreement "
                "with this version number.",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} v{self.version} - {self.partnership}"

    def save(self, *args, **kwargs):
        scan = self.signed_scan
        if scan and not scan._committed:
            self.scan_sha256 = sha256_of(scan)
            self.scan_uploaded_at = timezone.now()
        elif not scan:
            self.scan_sha256 = ""
            self.scan_uploaded_at = None
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        errors = {}
        if self.signed_on and self.expires_on and self.expires_on < self.signed_on:
            errors["expires_on"] = "The agreement expires before it was signed."
        if self.effective_from and self.expires_on and self.expires_on < self.effective_from:
            errors["expires_on"] = "The agreement expires before it takes effect."
        if self.status == AgreementStatus.SIGNED and not self.signed_on:
            errors["signed_on"] = "A signed agreement needs the date it was signed."
        if errors:
            raise ValidationError(errors)

    @property
    def compliance(self) -> list[tuple[str, bool]]:
        return [(label, getattr(self, name)) for name, label in COMPLIANCE_CHECKS]

    @property
    def is_compliant(self) -> bool:
        return all(met for _, met in self.compliance)
