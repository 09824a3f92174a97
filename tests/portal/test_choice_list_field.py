"""ChoiceListField keeps several vocabulary values and filters on them on every database."""

import pytest
from django.core.exceptions import ValidationError

from knowledge.models import Organisation
from portal.taxonomy import Province
from tests.knowledge.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


def test_values_round_trip_in_vocabulary_order_without_duplicates():
    organisation = OrganisationFactory(
        provinces=[Province.WESTERN_CAPE, Province.GAUTENG, Province.WESTERN_CAPE]
    )
    organisation.refresh_from_db()
    assert organisation.provinces == ["gauteng", "western-cape"]
    assert organisation.get_provinces_labels() == ["Gauteng", "Western Cape"]


def test_empty_list_round_trips():
    organisation = OrganisationFactory(provinces=[])
    organisation.refresh_from_db()
    assert organisation.provinces == []


def test_has_lookup_matches_whole_values_only():
    north_west = OrganisationFactory(provinces=[Province.NORTH_WEST])
    northern_cape = OrganisationFactory(provinces=[Province.NORTHERN_CAPE, Province.LIMPOPO])

    assert list(Organisation.objects.filter(provinces__has="north-west")) == [north_west]
    assert list(Organisation.objects.filter(provinces__has="limpopo")) == [northern_cape]
    assert not Organisation.objects.filter(provinces__has="north").exists()
    assert not Organisation.objects.filter(provinces__has="%").exists()


def test_unknown_values_are_refused_at_the_field():
    organisation = OrganisationFactory.build(provinces=["atlantis"])
    with pytest.raises(ValidationError) as error:
        organisation.full_clean()
    assert "provinces" in error.value.message_dict
    assert "atlantis" in error.value.message_dict["provinces"][0]


def test_values_survive_serialisation_into_revisions():
    organisation = OrganisationFactory(provinces=[Province.GAUTENG, Province.LIMPOPO])
    field = Organisation._meta.get_field("provinces")

    serialised = field.value_to_string(organisation)

    assert field.to_python(serialised) == ["gauteng", "limpopo"]
