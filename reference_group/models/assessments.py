"""Independent assessments of register partnerships by reference-group members.

The review states (draft, submitted, under review, accepted, returned) are a field rather than a
Wagtail workflow: members act on the public site, where Wagtail's workflow actions do not
reach, and acceptance must not publish without the author's consent. What Wagtail does give:
every submission is a revision (a version the author and editors can read again), and every
action is written to Wagtail's audit log under its own action name.
"""

import hashlib
import json

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models, transaction
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import RevisionMixin

from portal.sanitising import clean_user_html
from reference_group.criteria import CRITERIA, KEYS

ONE_TO_FIVE = [
    MinValueValidator(1, "Use a rating from 1 to 5."),
    MaxValueValidator(5, "Use a rating from 1 to 5."),
]


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    SUBMITTED = "submitted", "Submitted"
    UNDER_REVIEW = "under-review", "Under review"
    ACCEPTED = "accepted", "Accepted"
    RETURNED = "returned", "Returned for changes"


EDITABLE = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


class AssessmentQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published=True, status=AssessmentStatus.ACCEPTED)


class Assessment(RevisionMixin, models.Model):
    author = models.ForeignKey(
        "reference_group.Member", on_delete=models.PROTECT, related_name="assessments"
    )
    group = models.ForeignKey(
        "reference_group.ReferenceGroup", on_delete=models.PROTECT, related_name="assessments"
    )
    partnership = models.ForeignKey(
        "knowledge.Partnership", on_delete=models.PROTECT, related_name="assessments"
    )
    period_start = models.DateField("period from")
    period_end = models.DateField("period to")
    ratings = models.JSONField(default=dict, blank=True)
    overall_rating = models.PositiveSmallIntegerField(
        "overall effectiveness", null=True, blank=True, validators=ONE_TO_FIVE
    )
    narrative = models.TextField(blank=True)
    recommendations = models.TextField(
        "recommendations to improve service delivery", blank=True, help_text="One per line."
    )
    consent_to_publish = models.BooleanField(
        "may be published", default=False, help_text="Once accepted, it may appear in public."
    )
    show_author_name = models.BooleanField(
        "name me in public", default=False, help_text="Otherwise only the group is named."
    )

    status = models.CharField(
        max_length=15, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=0, help_text="How many times it was submitted.")
    submitted_at = models.DateTimeField(null=True, blank=True)
    content_sha256 = models.CharField("SHA-256 of the submitted content", max_length=64, blank=True)
    reviewer_comments = models.TextField(blank=True)
    published = models.BooleanField(default=False)
    published_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AssessmentQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        indexes = [
            models.Index(fields=["partnership", "published"], name="assessment_on_profile"),
            models.Index(fields=["status", "group"], name="assessment_queue"),
        ]

    def __str__(self):
        return f"{self.partnership} ({self.period_start:%Y-%m} to {self.period_end:%Y-%m})"

    def save(self, *args, **kwargs):
        # Members write rich text; only paragraphs, lists, links and emphasis are kept.
        self.narrative = clean_user_html(self.narrative or "")
        super().save(*args, **kwargs)

    # Content ------------------------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = "The period ends before it starts."
        for key, value in (self.ratings or {}).items():
            rating = value.get("rating") if isinstance(value, dict) else None
            if key not in KEYS or (rating is not None and rating not in range(1, 6)):
                errors["ratings"] = "Each rating is a whole number from 1 to 5."
        if errors:
            raise ValidationError(errors)

    @property
    def recommendation_list(self) -> list[str]:
        return [line.strip() for line in self.recommendations.splitlines() if line.strip()]

    def rating_rows(self) -> list[tuple[str, int | None, str]]:
        """(criterion, rating, comment) in the partnering guide's order."""
        rows = []
        for criterion in CRITERIA:
            value = (self.ratings or {}).get(criterion.key) or {}
            rows.append((criterion.label, value.get("rating"), value.get("comment", "")))
        return rows

    @property
    def has_rating_comments(self) -> bool:
        """Whether any criterion has a comment (a column of blanks is left out)."""
        return any(comment for _label, _rating, comment in self.rating_rows())

    def rating_of(self, key: str) -> int | None:
        return (self.ratings.get(key) or {}).get("rating")

    def content(self) -> dict:
        """What the author submits, as canonical data (its SHA-256 is recorded on submission)."""
        return {
            "partnership": self.partnership_id,
            "period": [self.period_start.isoformat(), self.period_end.isoformat()],
            "ratings": {key: self.ratings.get(key) for key in sorted(self.ratings)},
            "overall_rating": self.overall_rating,
            "narrative": self.narrative,
            "recommendations": self.recommendation_list,
            "consent_to_publish": self.consent_to_publish,
            "show_author_name": self.show_author_name,
            "attachments": sorted(self.attachments.values_list("sha256", flat=True)),
        }

    def content_digest(self) -> str:
        text = json.dumps(self.content(), sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    # The review states ---------------------------------------------------------------------

    @property
    def editable(self) -> bool:
        return self.status in EDITABLE

    def missing_for_submission(self) -> list[str]:
        missing = [f"a rating of {key}" for key in KEYS if not self.rating_of(key)]
        if not self.overall_rating:
            missing.append("the overall effectiveness rating")
        if not self.narrative.strip():
            missing.append("the narrative")
        return missing

    def _transition(self, allowed, status, action, user, **changes) -> None:
        with transaction.atomic():
            current = type(self).objects.select_for_update().get(pk=self.pk)
            if current.status not in allowed:
                raise ValidationError(
                    f"An assessment that is {current.get_status_display().lower()} cannot be "
                    "changed that way."
                )
            self.status = status
            for name, value in changes.items():
                setattr(self, name, value)
            self.save()
            log(self, action, user=user, data={"version": self.version})

    def submit(self, user) -> None:
        """Lock it for review: a new version, its time and the SHA-256 of its content."""
        missing = self.missing_for_submission()
        if missing:
            raise ValidationError("Before submitting, add " + ", ".join(missing) + ".")
        self._transition(
            EDITABLE,
            AssessmentStatus.SUBMITTED,
            "reference_group.submit",
            user,
            version=self.version + 1,
            submitted_at=timezone.now(),
            content_sha256=self.content_digest(),
        )
        self.save_revision(user=user)

    def start_review(self, user) -> None:
        self._transition(
            [AssessmentStatus.SUBMITTED],
            AssessmentStatus.UNDER_REVIEW,
            "reference_group.start_review",
            user,
        )

    def accept(self, user) -> None:
        self._transition(
            [AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_REVIEW],
            AssessmentStatus.ACCEPTED,
            "reference_group.accept",
            user,
        )

    def return_to_author(self, user, comments: str) -> None:
        if not comments.strip():
            raise ValidationError("Say what the author should change.")
        self._transition(
            [AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_REVIEW],
            AssessmentStatus.RETURNED,
            "reference_group.return",
            user,
            reviewer_comments=comments.strip(),
        )

    def publish(self, user) -> None:
        if not self.consent_to_publish:
            raise ValidationError("The author did not agree to publication.")
        self._transition(
            [AssessmentStatus.ACCEPTED],
            AssessmentStatus.ACCEPTED,
            "reference_group.publish",
            user,
            published=True,
            published_at=timezone.now(),
        )

    def unpublish(self, user) -> None:
        self._transition(
            [AssessmentStatus.ACCEPTED],
            AssessmentStatus.ACCEPTED,
            "reference_group.unpublish",
            user,
            published=False,
        )
