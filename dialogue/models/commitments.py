"""Commitments made at dialogues and other engagements (strategy section 5: follow up what the
department and the Minister promised), tracked in public until they are done or dropped.

Editors keep them as snippets with Wagtail's draft state, revisions and locking: a commitment
is public once it is published, and every change to it is in its history."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin
from wagtail.search import index

from knowledge.choosers import PublicPartnershipChoicesModelForm
from portal.fields import ChoiceListField
from portal.taxonomy import Province

from .choices import UNFINISHED, CommitmentStatus


def overdue_on(today=None) -> models.Q:
    """Unfinished and due before ``today`` (by default, today in South Africa)."""
    return models.Q(status__in=UNFINISHED, due_date__lt=today or timezone.localdate())


class CommitmentQuerySet(models.QuerySet):
    def live(self):
        return self.filter(live=True)

    def with_maker(self):
        """With the organisation that made each commitment, which readers see named."""
        return self.select_related("made_by_organisation")

    def overdue(self, today=None):
        return self.filter(overdue_on(today))

    def figures(self, today=None) -> dict[str, int]:
        """How many were made, are done and are overdue: one query."""
        return self.aggregate(
            made=models.Count("pk"),
            done=models.Count("pk", filter=models.Q(status=CommitmentStatus.DONE)),
            overdue=models.Count("pk", filter=overdue_on(today)),
        )

    def in_tracker_order(self):
        """What is still to be done first, soonest due (overdue) first; then what is finished."""
        finished_last = models.Case(
            models.When(status__in=UNFINISHED, then=models.Value(0)),
            default=models.Value(1),
            output_field=models.IntegerField(),
        )
        return self.order_by(finished_last, models.F("due_date").asc(nulls_last=True), "pk")


class Commitment(DraftStateMixin, RevisionMixin, LockableMixin, index.Indexed, ClusterableModel):
    base_form_class = PublicPartnershipChoicesModelForm
    promise = models.CharField("what was promised", max_length=500)
    details = models.TextField(blank=True)
    made_by_organisation = models.ForeignKey(
        "knowledge.Organisation",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="commitments",
        verbose_name="made by (register organisation)",
    )
    made_by_office = models.CharField(
        "made by (office)",
        max_length=200,
        blank=True,
        help_text='An office rather than an organisation, such as "Minister of Police".',
    )
    made_to = models.CharField("made to", max_length=255, blank=True)
    event = models.ForeignKey(
        "dialogue.DialogueEventPage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="commitments",
        help_text="The dialogue event where it was made, if it is on the portal.",
    )
    engagement = models.CharField(
        "other engagement",
        max_length=255,
        blank=True,
        help_text="An imbizo or meeting that is not an event on the portal.",
    )
    made_on = models.DateField("date made")
    due_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=15, choices=CommitmentStatus.choices, default=CommitmentStatus.OPEN
    )
    provinces = ChoiceListField(vocabulary=Province, blank=True)
    partnerships = ParentalManyToManyField(
        "knowledge.Partnership",
        blank=True,
        related_name="commitments",
        help_text="Partnerships it concerns; internal ones are never named in public.",
    )

    objects = CommitmentQuerySet.as_manager()

    panels = [
        FieldPanel("promise"),
        FieldPanel("details"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("made_by_organisation"), FieldPanel("made_by_office")]),
                FieldPanel("made_to"),
                FieldRowPanel([FieldPanel("event"), FieldPanel("engagement")]),
                FieldPanel("made_on"),
            ],
            heading="Who promised what, where",
        ),
        FieldRowPanel([FieldPanel("status"), FieldPanel("due_date")]),
        FieldPanel("provinces"),
        FieldPanel("partnerships"),
        InlinePanel("progress_notes", heading="Progress", label="Progress note"),
    ]
    search_fields = [
        index.SearchField("promise", boost=2),
        index.SearchField("details"),
        index.SearchField("made_by_office"),
        index.AutocompleteField("promise"),
        index.FilterField("status"),
    ]

    class Meta:
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["live", "status", "due_date"], name="commitment_tracker")]

    def __str__(self):
        return self.promise

    def clean(self):
        super().clean()
        errors = {}
        if not self.made_by_organisation_id and not self.made_by_office.strip():
            errors["made_by_office"] = "Say who made the commitment: an organisation or an office."
        if not self.event_id and not self.engagement.strip():
            errors["engagement"] = "Say where it was made: a dialogue event or another engagement."
        if self.due_date and self.made_on and self.due_date < self.made_on:
            errors["due_date"] = "The due date is before the commitment was made."
        if errors:
            raise ValidationError(errors)

    @property
    def made_by(self) -> str:
        return self.made_by_organisation.name if self.made_by_organisation else self.made_by_office

    @property
    def made_at(self) -> str:
        return self.event.title if self.event else self.engagement

    def is_overdue(self, today=None) -> bool:
        today = today or timezone.localdate()
        return bool(self.status in UNFINISHED and self.due_date and self.due_date < today)


class CommitmentProgress(Orderable):
    commitment = ParentalKey(Commitment, on_delete=models.CASCADE, related_name="progress_notes")
    date = models.DateField()
    note = models.TextField()
    evidence = models.ForeignKey(
        "portal.PortalDocument", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    panels = [FieldRowPanel([FieldPanel("date"), FieldPanel("evidence")]), FieldPanel("note")]

    class Meta(Orderable.Meta):
        verbose_name = "progress note"

    def __str__(self):
        return f"{self.date}: {self.note[:60]}"
