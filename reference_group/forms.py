"""Forms of the members' area: accepting an invitation, an assessment, an attachment."""

import html
import re

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.forms import AuthenticationForm, SetPasswordForm
from django.urls import reverse

from knowledge.models.references import REFERENCE_PATTERN
from reference_group.criteria import CRITERIA, RATINGS
from reference_group.models import Assessment

RATING_CHOICES = [("", "Not rated yet"), *RATINGS]
ONE_TO_FIVE = {"invalid_choice": "Choose a rating from 1 to 5."}


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label="E-mail address",
        max_length=254,
        widget=forms.TextInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class AcceptInvitationForm(SetPasswordForm):
    """The invitee's name, whether to be named in public, and a password (Django's validators)."""

    first_name = forms.CharField(max_length=150)
    last_name = forms.CharField(max_length=150)
    show_name = forms.BooleanField(
        label="Show my name on the portal's reference-group page and on assessments I choose",
        required=False,
    )
    field_order = ["first_name", "last_name", "show_name", "new_password1", "new_password2"]

    def save(self, commit=True):
        self.user.first_name = self.cleaned_data["first_name"].strip()
        self.user.last_name = self.cleaned_data["last_name"].strip()
        return super().save(commit)


def new_member_user(email: str):
    user_model = get_user_model()
    return user_model(username=email.lower()[:150], email=email)


class PartnershipByReference(forms.ModelChoiceField):
    """A partnership named by its register reference, typed or chosen from the suggestions the
    box offers as words are typed: a list of every partnership a member may assess would hold
    tens of thousands. A suggestion as shown ("CSPS-2026-0007 Orlando patrols") and a
    reference in any case are read as that reference."""

    widget = forms.TextInput
    default_error_messages = {
        "invalid_choice": "No partnership you may assess has this reference. Type its register "
        "reference, such as CSPS-2026-0007, or words of its name and choose it from the "
        "suggestions."
    }

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, **{**kwargs, "to_field_name": "reference"})

    def to_python(self, value):
        reference = re.match(rf"\s*({REFERENCE_PATTERN})\b", str(value or "").upper())
        return super().to_python(reference.group(1) if reference else value)


class AssessmentForm(forms.ModelForm):
    overall_rating = forms.TypedChoiceField(
        label="Overall effectiveness",
        choices=RATING_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        error_messages=ONE_TO_FIVE,
    )

    class Meta:
        model = Assessment
        fields = [
            "partnership",
            "period_start",
            "period_end",
            "overall_rating",
            "narrative",
            "recommendations",
            "consent_to_publish",
            "show_author_name",
        ]
        field_classes = {"partnership": PartnershipByReference}
        widgets = {
            "period_start": forms.DateInput(attrs={"type": "date"}),
            "period_end": forms.DateInput(attrs={"type": "date"}),
            "narrative": forms.Textarea(attrs={"rows": 10}),
            "recommendations": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "narrative": "Leave a blank line between paragraphs. Links and emphasis written "
            "as HTML (<a href>, <em>, <strong>, lists) are kept; other markup is removed "
            "when you save."
        }

    def __init__(self, *args, member, **kwargs):
        super().__init__(*args, **kwargs)
        self.member = member
        if self.instance.pk and not self.is_bound:
            # The narrative is stored cleaned, with "&" as "&amp;": show the member the
            # characters they typed (the box escapes them again, and saving cleans again).
            self.initial["narrative"] = html.unescape(self.instance.narrative)
        partnership = self.fields["partnership"]
        partnership.queryset = member.assessable_partnerships()
        partnership.label = "Partnership (its register reference)"
        partnership.help_text = (
            "Type its reference, such as CSPS-2026-0007, or words of its name and choose it. "
            "Public partnerships, and internal ones assigned to your group; not those you "
            "declared a conflict of interest on."
        )
        partnership.widget.attrs.update(
            {
                "autocomplete": "off",
                "spellcheck": "false",
                "data-suggest": reverse("reference_group:assessable_partnerships"),
                "data-suggest-fills": "",  # choosing a suggestion fills the box with its reference
            }
        )
        if self.instance.pk and not self.is_bound:
            self.initial["partnership"] = self.instance.partnership.reference
        ratings = (self.instance.ratings or {}) if self.instance.pk else {}
        for criterion in CRITERIA:
            saved = ratings.get(criterion.key) or {}
            self.fields[f"rating_{criterion.key}"] = forms.TypedChoiceField(
                label=criterion.label,
                help_text=criterion.question,
                choices=RATING_CHOICES,
                coerce=int,
                empty_value=None,
                required=False,
                initial=saved.get("rating"),
                error_messages=ONE_TO_FIVE,
            )
            self.fields[f"comment_{criterion.key}"] = forms.CharField(
                label=f"Comment on {criterion.label.lower()}",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                initial=saved.get("comment", ""),
            )

    def criterion_fields(self):
        return [
            (criterion, self[f"rating_{criterion.key}"], self[f"comment_{criterion.key}"])
            for criterion in CRITERIA
        ]

    def clean_partnership(self):
        partnership = self.cleaned_data["partnership"]
        if partnership is not None and not self.member.may_assess(partnership):
            raise forms.ValidationError("You may not assess this partnership.")
        return partnership

    def save(self, commit=True):
        assessment = super().save(commit=False)
        assessment.ratings = {
            criterion.key: {
                "rating": self.cleaned_data.get(f"rating_{criterion.key}"),
                "comment": self.cleaned_data.get(f"comment_{criterion.key}", "").strip(),
            }
            for criterion in CRITERIA
        }
        if commit:
            assessment.save()
        return assessment


class AttachmentForm(forms.Form):
    file = forms.FileField(label="Attach a file")
