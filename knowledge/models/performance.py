"""What a partnership is worth and what it costs: KPIs, value delivered, risks and costs.

All are private to register staff, except the KPIs an editor marks public: those show on the
public profile with their target, latest measurement and trend.
"""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable

from .choices import CostKind, CostPeriod, Rating, RiskStatus

HIGH_RISK_SCORE = 6  # likelihood times impact on a 1-3 scale: high by medium or worse


class KPI(Orderable):
    partnership = ParentalKey(
        "knowledge.Partnership", on_delete=models.CASCADE, related_name="kpis"
    )
    indicator = models.CharField(max_length=255)
    unit = models.CharField(max_length=60, help_text="For example: incidents, %, meetings held.")
    baseline = models.DecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    target = models.DecimalField(max_digits=14, decimal_places=2)
    is_public = models.BooleanField(
        "show on the public profile",
        default=False,
        help_text="Its target, measurements and trend appear on the profile of a public "
        "partnership. Measurement notes stay private.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "KPI"
        verbose_name_plural = "KPIs"

    def __str__(self):
        return f"{self.partnership.reference}: {self.indicator} ({self.unit})"

    @property
    def latest_measurement(self):
        return self.measurements.order_by("-measured_on").first()


class KPIMeasurement(models.Model):
    kpi = models.ForeignKey(KPI, on_delete=models.CASCADE, related_name="measurements")
    measured_on = models.DateField()
    value = models.DecimalField(max_digits=14, decimal_places=2)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["kpi", "-measured_on"]
        verbose_name = "KPI measurement"
        constraints = [
            models.UniqueConstraint(fields=["kpi", "measured_on"], name="one_measurement_per_day")
        ]

    def __str__(self):
        return f"{self.kpi.indicator}: {self.value} on {self.measured_on:%Y-%m-%d}"


class ValueDelivered(Orderable):
    partnership = ParentalKey(
        "knowledge.Partnership", on_delete=models.CASCADE, related_name="value_delivered"
    )
    delivered_on = models.DateField()
    benefit = models.CharField(max_length=255)
    evidence = models.TextField(help_text="How we know: reports, figures, testimony.")

    class Meta(Orderable.Meta):
        verbose_name = "value delivered"
        verbose_name_plural = "value delivered"

    def __str__(self):
        return self.benefit


class Risk(Orderable):
    partnership = ParentalKey(
        "knowledge.Partnership", on_delete=models.CASCADE, related_name="risks"
    )
    description = models.CharField("risk", max_length=255)
    likelihood = models.PositiveSmallIntegerField(choices=Rating.choices, default=Rating.MEDIUM)
    impact = models.PositiveSmallIntegerField(choices=Rating.choices, default=Rating.MEDIUM)
    mitigation = models.TextField(blank=True)
    owner = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=20, choices=RiskStatus.choices, default=RiskStatus.OPEN)

    class Meta(Orderable.Meta):
        verbose_name = "risk"

    def __str__(self):
        return self.description

    @property
    def score(self) -> int:
        return self.likelihood * self.impact

    @property
    def is_high(self) -> bool:
        return self.score >= HIGH_RISK_SCORE


class Cost(Orderable):
    partnership = ParentalKey(
        "knowledge.Partnership", on_delete=models.CASCADE, related_name="costs"
    )
    kind = models.CharField(max_length=20, choices=CostKind.choices)
    description = models.CharField(max_length=255)
    amount = models.DecimalField(
        "amount (rand)",
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"), "A cost cannot be negative.")],
        help_text="Required for explicit costs; an estimate, if known, for implicit ones.",
    )
    period = models.CharField(max_length=20, choices=CostPeriod.choices, default=CostPeriod.ONCE)
    basis = models.CharField(
        max_length=255,
        blank=True,
        help_text="How the figure was reached, e.g. 'two officers, one day a month'.",
    )

    class Meta(Orderable.Meta):
        verbose_name = "cost"

    def __str__(self):
        return self.description

    def clean(self):
        super().clean()
        if self.kind == CostKind.EXPLICIT and self.amount is None:
            raise ValidationError({"amount": "An explicit cost needs an amount in rand."})
        if self.kind == CostKind.IMPLICIT and not self.basis.strip():
            raise ValidationError({"basis": "Say how an implicit cost was estimated."})

    @property
    def annual_amount(self) -> Decimal | None:
        """The amount over one year, for portfolio totals (a one-off cost counts once)."""
        if self.amount is None:
            return None
        multiplier = {CostPeriod.MONTHLY: 12, CostPeriod.QUARTERLY: 4}.get(self.period, 1)
        return self.amount * multiplier
