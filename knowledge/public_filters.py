"""The public partnership listing's filters: read from the URL, invalid values ignored."""

from django import forms

from knowledge.models import Partnership
from knowledge.models.choices import Level, PartnershipStatus
from portal.taxonomy import Province, Sector, StrategicThrust


def _with_all(choices, label):
    return [("", label), *choices]


class PartnershipFilterForm(forms.Form):
    province = forms.ChoiceField(
        required=False, choices=_with_all(Province.choices, "All provinces")
    )
    level = forms.ChoiceField(required=False, choices=_with_all(Level.choices, "All levels"))
    sector = forms.ChoiceField(
        label="Partner sector", required=False, choices=_with_all(Sector.choices, "All sectors")
    )
    thrust = forms.ChoiceField(
        label="Strategic thrust",
        required=False,
        choices=_with_all(StrategicThrust.choices, "All thrusts"),
    )
    status = forms.ChoiceField(
        required=False, choices=_with_all(PartnershipStatus.choices, "Any status")
    )

    def valid_filters(self) -> dict[str, str]:
        """The filters that were given and are valid; a bad value is dropped, not an error."""
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value}

    def apply(self, queryset):
        filters = self.valid_filters()
        if "province" in filters:
            queryset = queryset.filter(provinces__has=filters["province"])
        if "level" in filters:
            queryset = queryset.filter(level=filters["level"])
        if "sector" in filters:
            queryset = queryset.filter(
                pk__in=Partnership.objects.filter(
                    parties__organisation__sector=filters["sector"]
                ).values("pk")
            )
        if "thrust" in filters:
            queryset = queryset.filter(thrusts__has=filters["thrust"])
        if "status" in filters:
            queryset = queryset.filter(status=filters["status"])
        return queryset
