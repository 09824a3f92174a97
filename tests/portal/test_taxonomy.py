"""The shared vocabularies hold exactly what the strategy names, with unique stable values."""

import pytest

from portal.taxonomy import Province, Sector, Setting, StrategicThrust, StrategyCategory


def test_nine_provinces_plus_national():
    assert len(Province.provinces_only()) == 9
    assert Province.NATIONAL not in Province.provinces_only()
    assert len(Province.choices) == 10
    assert Province.KWAZULU_NATAL.label == "KwaZulu-Natal"


def test_settings_cover_the_five_kinds_of_place():
    assert [label for _, label in Setting.choices] == [
        "Urban",
        "Suburban",
        "Peri-urban",
        "Informal settlement",
        "Rural",
    ]


def test_strategy_categories_are_the_five_families_of_practice():
    assert set(StrategyCategory.values) == {
        "target-hardening",
        "place-based",
        "offender-based",
        "patrol",
        "legitimacy-based",
    }


def test_eight_strategic_thrusts_numbered_in_order():
    numbers = [label.split(".")[0] for label in StrategicThrust.labels]
    assert numbers == [str(n) for n in range(1, 9)]


def test_sectors_include_the_community_police_structures():
    for sector in ("saps", "cpf", "csf", "community-in-blue", "crime-prevention-association"):
        assert sector in Sector.values
    assert len(Sector.choices) == 16


@pytest.mark.parametrize(
    "vocabulary", [Province, Setting, StrategyCategory, StrategicThrust, Sector]
)
def test_values_are_unique_url_safe_slugs(vocabulary):
    values = vocabulary.values
    assert len(values) == len(set(values))
    for value in values:
        assert value == value.lower()
        assert " " not in value
        assert len(value) <= 40
