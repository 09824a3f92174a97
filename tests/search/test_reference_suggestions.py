"""A register reference typed into the search box is suggested before it is whole: readers copy
"CSPS-2026-0007" from a press release or a report, and titles alone cannot suggest it."""

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import Partnership
from knowledge.models.choices import Visibility
from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    section = PartnershipsSectionPageFactory()
    for title in ("Orlando patrols", "Okapi liaison", "Soweto lights"):
        visibility = Visibility.INTERNAL if title == "Okapi liaison" else Visibility.PUBLIC
        PartnershipFactory(title=title, visibility=visibility)
    PracticePageFactory(title="Orlando patrols in practice")
    call_command("rebuild_search_index", stdout=io.StringIO())
    return section


def suggested(client, text) -> list[tuple[str, str]]:
    response = client.get("/search/suggest/", {"q": text})
    assert response.status_code == 200
    return [(s["title"], s["url"]) for s in response.json()["suggestions"]]


def test_a_reference_being_typed_suggests_the_public_partnerships_it_starts(client, register):
    orlando, okapi, soweto = Partnership.objects.order_by("reference")
    year = orlando.reference.split("-")[1]

    expected = [
        (f"{partnership.reference} {partnership.title}", register.profile_url(partnership))
        for partnership in (orlando, soweto)
    ]
    assert suggested(client, f"csps-{year}-00") == expected  # any case; never the internal one
    assert suggested(client, f" CSPS-{year[:1]}") == expected
    assert suggested(client, soweto.reference) == expected[1:]
    assert suggested(client, okapi.reference) == []
    assert client.get(expected[0][1]).status_code == 200
    assert suggested(client, f"CSPS-{year}-" + "0" * 10_000) == []  # names no reference


def test_words_are_still_suggested_from_titles_and_each_page_once(client, register):
    assert {title for title, _ in suggested(client, "orlando")} == {
        "Orlando patrols",
        "Orlando patrols in practice",
    }
    assert suggested(client, "CSPS") == suggested(client, "CSPS-") == []  # no digit yet

    # A title that reads like the reference: the profile is offered once, by its reference.
    year = Partnership.objects.first().reference.split("-")[1]
    pilot = PartnershipFactory(title=f"CSPS {year} pilot")
    call_command("rebuild_search_index", stdout=io.StringIO())
    offered = [url for _, url in suggested(client, f"CSPS-{year}")]
    assert offered.count(register.profile_url(pilot)) == 1
    assert suggested(client, f"CSPS {year}") == [
        (f"CSPS {year} pilot", register.profile_url(pilot))
    ]


def test_nothing_is_suggested_by_reference_while_profiles_are_not_public(client, register):
    year = Partnership.objects.first().reference.split("-")[1]
    PageViewRestriction.objects.create(page=register, restriction_type="login")
    assert suggested(client, f"CSPS-{year}") == []

    PageViewRestriction.objects.all().delete()
    register.unpublish()
    assert suggested(client, f"CSPS-{year}") == []


def test_a_reference_is_suggested_in_a_bounded_number_of_queries(client, register):
    PartnershipFactory.create_batch(12)
    year = Partnership.objects.first().reference.split("-")[1]
    client.get("/search/suggest/", {"q": f"CSPS-{year}"})
    with CaptureQueriesContext(connection) as queries:
        titles = suggested(client, f"CSPS-{year}")
    assert len(titles) == 8
    assert len(queries) <= 3, [q["sql"] for q in queries]


def test_a_partnership_made_internal_is_no_longer_suggested_from_the_page_cache(
    client, register, settings
):
    settings.PAGE_CACHE_SECONDS = 300
    soweto = Partnership.objects.get(title="Soweto lights")
    assert suggested(client, soweto.reference)  # now cached for anonymous readers
    response = client.get("/search/suggest/", {"q": soweto.reference})
    assert response["X-Page-Cache"] == "hit"

    soweto.visibility = Visibility.INTERNAL
    soweto.save()

    assert suggested(client, soweto.reference) == []
