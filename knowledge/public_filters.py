"""The public partnership listing's filters: read from the URL, invalid values ignored."""

import re
from functools import reduce
from operator import or_

from django import forms
from django.db.models import Q

from knowledge.models.choices import Level, PartnershipStatus
from knowledge.models.organisations import Organisation
from knowledge.models.partnerships import PartnershipParty
from knowledge.models.references import REFERENCE_PATTERN
from portal.listing import UrlFilterForm, with_all
from portal.taxonomy import Province, Sector, StrategicThrust

# What a word typed into the listing's text box is looked for in: what each card and profile
# shows of a partnership as text (the parties' names through PartnershipParty).
WORDS_LOOKED_UP_IN = ("reference", "title", "summary", "locality")
MOST_WORDS = 10
# Each order is read from an index of its own (Partnership.Meta.indexes), never by sorting the
# whole register; the reference breaks ties.
SORTS = {
    "reference": ("reference",),
    "newest": ("-start_date", "-reference"),
    "updated": ("-profile_updated_at", "-reference"),
    "public": ("-made_public_at", "-reference"),
    "title": ("title", "reference"),
}


def mentions(word: str) -> Q:
    """Partnerships whose reference, title, summary, place or a party's name contain ``word``;
    a whole reference finds that partnership alone, through the unique index."""
    if re.fullmatch(REFERENCE_PATTERN, word.upper()):
        return Q(reference=word.upper())
    named = PartnershipParty.objects.filter(organisation__name__icontains=word)
    return reduce(
        or_,
        (Q(**{f"{field}__icontains": word}) for field in WORDS_LOOKED_UP_IN),
        Q(pk__in=named.values("partnership")),
    )


class PartnershipFilterForm(UrlFilterForm):
    q = forms.CharField(
        label="Name, reference, place or partner",
        required=False,
        max_length=200,
        help_text="Every word must appear, for example “Orlando patrols” or “CSPS-2026-0001”.",
        widget=forms.TextInput(attrs={"type": "search", "spellcheck": "false"}),
    )
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

    # Set by an organisation's page ("every partnership it takes part in"), not typed: kept in
    # the form as a hidden field so that filtering, sorting and paging keep it. Only an
    # organisation readers may know of (one in a public partnership) is accepted.
    partner = forms.ModelChoiceField(
        queryset=Organisation.objects.public(),
        required=False,
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": "No organisation in the public register has it."},
    )

    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("reference", "Reference"),
            ("newest", "Newest first"),
            ("public", "Latest made public"),
            ("updated", "Recently updated"),
            ("title", "Title"),
        ],
    )

    lookups = {
        "province": "provinces__has",
        "level": "level",
        "sector": "parties__organisation__sector",
        "thrust": "thrusts__has",
        "status": "status",
        "partner": "parties__organisation",
    }
    joined = frozenset({"sector", "partner"})

    def condition(self, name: str, value) -> Q:
        if name == "q":
            words = value.split()[:MOST_WORDS]
            return reduce(lambda found, word: found & mentions(word), words, Q())
        return super().condition(name, value)

    def order(self, queryset, sort: str):
        return queryset.order_by(*SORTS.get(sort, SORTS["reference"]))
