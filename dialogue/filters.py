"""The public filters of the event listing and of the commitments tracker: read from the URL,
invalid values ignored, so every filtered view has an address to share."""

from django import forms
from django.db.models import Case, F, IntegerField, Value, When
from django.utils import timezone

from knowledge.models import Organisation
from portal.listing import UrlFilterForm, with_all
from portal.taxonomy import Province

from .models import CommitmentStatus, DialogueEventPage, EventFormat


class EventFilterForm(UrlFilterForm):
    event_format = forms.ChoiceField(
        label="Format", required=False, choices=with_all(EventFormat.choices, "All formats")
    )
    province = forms.ChoiceField(
        required=False, choices=with_all(Province.choices, "All provinces")
    )
    theme = forms.CharField(required=False, max_length=100, label="Theme contains")
    # A text box that asks for digits, as the GOV.UK design system advises: a number input
    # cannot keep a mistyped value to show back to the reader.
    year = forms.IntegerField(
        required=False,
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric", "size": 4, "spellcheck": "false"}),
        error_messages={
            key: "Enter a year from 2000 to 2100, such as 2024."
            for key in ("invalid", "min_value", "max_value")
        },
    )

    lookups = {
        "event_format": "event_format",
        "province": "province",
        "theme": "theme__icontains",
        "year": "starts_at__year",
    }

    def order(self, queryset, sort: str):
        """Upcoming and current events first, soonest first; then past events, latest first."""
        is_past = Case(
            When(ends_at__lt=timezone.now(), then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
        upcoming_start = Case(When(ends_at__gte=timezone.now(), then=F("starts_at")))
        return queryset.annotate(is_past=is_past).order_by(
            "is_past", upcoming_start.asc(nulls_last=True), "-starts_at", "pk"
        )


class CommitmentFilterForm(UrlFilterForm):
    status = forms.ChoiceField(
        required=False, choices=with_all(CommitmentStatus.choices, "Any status")
    )
    organisation = forms.ModelChoiceField(
        label="Made by",
        required=False,
        # Names only: a filter never reads an organisation's contact person.
        queryset=(
            Organisation.objects.filter(commitments__live=True)
            .distinct()
            .order_by("name")
            .only("name")
        ),
        empty_label="Anyone",
    )
    province = forms.ChoiceField(
        required=False, choices=with_all(Province.choices, "All provinces")
    )
    event = forms.ModelChoiceField(
        label="Made at",
        required=False,
        queryset=DialogueEventPage.objects.live().public().order_by("-starts_at"),
        empty_label="Any event",
    )
    overdue = forms.BooleanField(label="Overdue only", required=False)

    lookups = {
        "status": "status",
        "organisation": "made_by_organisation",
        "province": "provinces__has",
        "event": "event",
    }

    def apply(self, queryset):
        filters = self.valid_filters()
        overdue = filters.pop("overdue", False)
        for name, value in filters.items():
            queryset = queryset.filter(**{self.lookups[name]: value})
        if overdue:
            queryset = queryset.overdue()
        return queryset

    def valid_filters(self) -> dict:
        found = super().valid_filters()
        if found.get("overdue") is False:
            found.pop("overdue")
        return found
