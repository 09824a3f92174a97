"""The annual review each partnership gets (strategy 4.1.1: keep the portfolio up to date)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from portal.fields import ChoiceListField

from .choices import ReviewFinding, ReviewRecommendation, ReviewStatus


class AnnualReview(models.Model):
    partnership = models.ForeignKey(
        "knowledge.Partnership", on_delete=models.CASCADE, related_name="reviews"
    )
    year = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(2000), MaxValueValidator(2100)]
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="partnership_reviews",
    )
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.SCHEDULED
    )
    due_on = models.DateField(null=True, blank=True)
    completed_on = models.DateField(null=True, blank=True)
    kpi_results = models.TextField("KPI results", blank=True)
    value_assessment = models.TextField(blank=True)
    cost_reassessment = models.TextField(blank=True)
    risk_reassessment = models.TextField(blank=True)
    findings = ChoiceListField(vocabulary=ReviewFinding, blank=True)
    findings_notes = models.TextField(blank=True)
    recommendation = models.CharField(
        max_length=20, choices=ReviewRecommendation.choices, blank=True
    )
    public_summary = models.TextField(
        blank=True,
        max_length=1500,
        help_text="What readers may know of this review, in plain words. Shown with its "
        "completion date on the profile of a public partnership once the review is completed; "
        "every other field of the review stays internal.",
    )

    class Meta:
        ordering = ["-year", "partnership__reference"]
        constraints = [
            models.UniqueConstraint(
                fields=["partnership", "year"],
                name="one_review_per_partnership_per_year",
                violation_error_message="This partnership already has a review for that year.",
            )
        ]

    def __str__(self):
        return f"{self.year} review of {self.partnership}"

    def clean(self):
        super().clean()
        errors = {}
        if self.status == ReviewStatus.COMPLETED:
            if not self.completed_on:
                errors["completed_on"] = "A completed review needs its completion date."
            if not self.recommendation:
                errors["recommendation"] = "A completed review needs a recommendation."
        if errors:
            raise ValidationError(errors)
