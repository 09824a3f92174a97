"""Filters for the register's admin listings (and their CSV/XLSX exports, which follow them)."""

import django_filters
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet

from knowledge.flags import Flag, filter_by_flag
from knowledge.models import Agreement, AnnualReview, Organisation, Partnership
from portal.taxonomy import Province, Sector, StrategicThrust


class PartnershipFilterSet(WagtailFilterSet):
    province = django_filters.ChoiceFilter(
        label="Province", choices=Province.choices, method="filter_province"
    )
    sector = django_filters.ChoiceFilter(
        label="Partner sector", choices=Sector.choices, method="filter_sector"
    )
    thrust = django_filters.ChoiceFilter(
        label="Strategic thrust", choices=StrategicThrust.choices, method="filter_thrust"
    )
    flag = django_filters.ChoiceFilter(label="Flag", choices=Flag.choices, method="filter_flag")

    class Meta:
        model = Partnership
        fields = ["status", "level", "stance", "scope", "visibility"]

    def filter_province(self, queryset, name, value):
        return queryset.filter(provinces__has=value)

    def filter_sector(self, queryset, name, value):
        return queryset.filter(parties__organisation__sector=value).distinct()

    def filter_thrust(self, queryset, name, value):
        return queryset.filter(thrusts__has=value)

    def filter_flag(self, queryset, name, value):
        return filter_by_flag(queryset, value, timezone.localdate())


class OrganisationFilterSet(WagtailFilterSet):
    province = django_filters.ChoiceFilter(
        label="Province", choices=Province.choices, method="filter_province"
    )
    # Finds the organisations the register cannot reach yet.
    contact = django_filters.BooleanFilter(label="Contact person recorded", method="filter_contact")

    class Meta:
        model = Organisation
        fields = ["sector"]

    def filter_province(self, queryset, name, value):
        return queryset.filter(provinces__has=value)

    def filter_contact(self, queryset, name, value):
        return queryset.filter(contact__isnull=not value)


class AgreementFilterSet(WagtailFilterSet):
    class Meta:
        model = Agreement
        fields = ["status", "kind"]


class AnnualReviewFilterSet(WagtailFilterSet):
    class Meta:
        model = AnnualReview
        fields = ["year", "status", "recommendation"]
