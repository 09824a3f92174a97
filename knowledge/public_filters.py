"""The public partnership listing's filters: read from the URL, invalid values ignored."""

from django import forms

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

    lookups = {
        "province": "provinces__has",
        "level": "level",
        "sector": "parties__organisation__sector",
        "thrust": "thrusts__has",
        "status": "status",
    }
    joined = frozenset({"sector"})
