"""Register records refuse bad input with a message at the field, and keep their identity."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from knowledge.models import Partnership
from knowledge.models.choices import Scope, StakeholderStructure
from portal.taxonomy import Province, Sector
from tests.knowledge.factories import CostFactory, OrganisationFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def errors_of(instance) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        instance.full_clean()
    return error.value.message_dict


def test_reference_is_generated_once_in_the_agreed_format():
    first = PartnershipFactory()
    second = PartnershipFactory()
    year = timezone.localdate().year  # the site's year, as references take it

    assert re.fullmatch(rf"CSPS-{year}-\d{{4}}", first.reference)
    assert int(second.reference[-4:]) == int(first.reference[-4:]) + 1

    original = first.reference
    first.title = "Renamed"
    first.save()
    first.refresh_from_db()
    assert first.reference == original


def test_a_duplicate_reference_is_refused_by_the_database():
    existing = PartnershipFactory()
    duplicate = PartnershipFactory.build(reference=existing.reference)
    with pytest.raises(IntegrityError):
        duplicate.save()


def test_end_date_before_start_date_is_refused():
    partnership = PartnershipFactory.build(
        start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 4, 30)
    )
    assert errors_of(partnership)["end_date"] == ["The end date is before the start date."]


def test_scope_and_provinces_must_agree():
    assert "provinces" in errors_of(PartnershipFactory.build(scope=Scope.PROVINCIAL, provinces=[]))
    assert "provinces" in errors_of(
        PartnershipFactory.build(scope=Scope.PROVINCIAL, provinces=[Province.NATIONAL])
    )
    local = PartnershipFactory.build(
        scope=Scope.LOCAL, provinces=[Province.GAUTENG, Province.LIMPOPO], locality=""
    )
    local_errors = errors_of(local)
    assert "provinces" in local_errors
    assert local_errors["locality"] == ["Name the police precinct or municipality."]


def test_national_scope_covers_the_whole_country():
    partnership = PartnershipFactory.build(scope=Scope.NATIONAL, provinces=[Province.GAUTENG])
    partnership.full_clean(exclude=["reference"])
    assert partnership.provinces == [Province.NATIONAL]


def test_stakeholder_structure_is_derived_from_the_parties_sectors():
    ngo_a = OrganisationFactory(sector=Sector.NGO)
    ngo_b = OrganisationFactory(sector=Sector.NGO)
    police = OrganisationFactory(sector=Sector.SAPS)

    assert PartnershipFactory(parties=[ngo_a, ngo_b]).stakeholder_structure == (
        StakeholderStructure.SINGLE
    )
    assert PartnershipFactory(parties=[ngo_a, police]).stakeholder_structure == (
        StakeholderStructure.MULTI
    )


def test_a_negative_cost_is_refused_at_the_amount():
    cost = CostFactory.build(partnership=PartnershipFactory(), amount=-5)
    assert errors_of(cost)["amount"] == ["A cost cannot be negative."]


def test_explicit_costs_need_an_amount_and_implicit_costs_a_basis():
    partnership = PartnershipFactory()
    assert "amount" in errors_of(CostFactory.build(partnership=partnership, amount=None))
    assert "basis" in errors_of(
        CostFactory.build(partnership=partnership, kind="implicit", amount=None, basis="")
    )


def test_organisation_registration_numbers_are_checked():
    organisation = OrganisationFactory.build(npo_number="12345", psira_number="abc")
    errors = errors_of(organisation)
    assert errors["npo_number"] == ["Write an NPO number as 123-456 or 123-456-NPO."]
    assert "psira_number" in errors


def test_the_same_organisation_cannot_be_registered_twice_in_a_sector():
    OrganisationFactory(name="Sonke Gender Justice", sector=Sector.NGO)
    again = OrganisationFactory.build(name="sonke gender justice", sector=Sector.NGO)
    assert "already registered" in str(errors_of(again))


def test_public_queryset_excludes_internal_partnerships():
    public = PartnershipFactory(visibility="public")
    PartnershipFactory(visibility="internal")
    assert list(Partnership.objects.public()) == [public]
