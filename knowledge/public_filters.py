"""The public partnership listing's filters: read from the URL, invalid values ignored."""

from django import forms

from knowledge.models import Partnership
from knowledge.models.choices import Level, PartnershipStatus
from portal.listing import UrlFilterForm, with_all
from portal.taxonomy import Province, Sector, StrategicThrust


class PartnershipFilterForm(UrlFilterForm):
    province = forms.ChoiceField(
        required=False, choices=with_all(Province.choices, "All provinces")
    )
    level = forms.ChoiceField(required=False, choices=with_all(Level.choices, "All levels"))
    sector = forms.ChoiceField(
        label="Partner sector", required=False, choices=with_all(Sector.choices, "All sectors")
    )
    thrust = forms.ChoiceField(
        label="Strategic thrust",
        required=False,
        choices=with_all(StrategicThrust.choices, "All thrusts"),
    )
    status = forms.ChoiceField(
        required=False, choices=with_all(PartnershipStatus.choices, "Any status")
    )

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
