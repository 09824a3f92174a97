"""The public registration form of a dialogue event."""

import re

from django import forms
from django.conf import settings

from portal.taxonomy import Sector

from .models import Registration

MARKUP = re.compile(r"<[^>]*>|[<>]")


def retention_days() -> int:
    return settings.DIALOGUE_REGISTRATION_RETENTION_DAYS


class RegistrationForm(forms.ModelForm):
    consent = forms.BooleanField(
        required=True,
        label="I agree that the Civilian Secretariat keeps these details to run this event",
        error_messages={"required": "Tick the box to agree, or we cannot register you."},
    )

    class Meta:
        model = Registration
        fields = ["name", "organisation", "sector", "email", "needs", "consent"]
        widgets = {"needs": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["sector"].choices = [("", "Choose a sector (optional)"), *Sector.choices]
        self.fields["consent"].help_text = (
            "We use your name, organisation, sector, e-mail address and needs only to organise "
            "this event and to write to you about it. Only the Secretariat's event organisers "
            f"see them, and they are deleted {retention_days()} days after the event "
            "(Protection of Personal Information Act)."
        )

    def _plain(self, name: str) -> str:
        value = self.cleaned_data.get(name, "")
        if MARKUP.search(value):
            raise forms.ValidationError("Please use plain text, without < or >.")
        return value.strip()

    def clean_name(self):
        return self._plain("name")

    def clean_organisation(self):
        return self._plain("organisation")

    def clean_needs(self):
        return self._plain("needs")

    def clean_email(self):
        return self.cleaned_data["email"].strip()
