"""A partnership profile's body is rendered once per generation for anonymous readers, and never
shows what a change has since altered or hidden (knowledge/profile_body.py).

Every request here carries a messages cookie, which keeps it out of the page cache, so what is
tested is the kept body, not the kept page."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import KPI
from knowledge.models.choices import Visibility
from tests.knowledge.factories import (
    KPIFactory,
    KPIMeasurementFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
)
from tests.reference_group.factories import MemberFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("kept_bodies")]


@pytest.fixture
def profile(client):
    section = PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(
        title="Riverside watch", parties=[OrganisationFactory(name="Riverside Church")]
    )
    kpi = KPIFactory(partnership=partnership, indicator="Street robberies", target=30)
    KPIMeasurementFactory(kpi=kpi, measured_on=datetime.date(2026, 3, 1), value=44)
    client.get("/")  # the first request ever creates the footer's settings row (a change)
    return partnership, section.profile_url(partnership)


def read(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    assert response.get("X-Page-Cache") is None  # rendered, not a kept page
    return response.content.decode(), [q["sql"] for q in queries]


def test_a_second_anonymous_reader_gets_the_body_without_reading_it_again(client, profile):
    _, url = profile
    first, first_queries = read(client, url)
    second, second_queries = read(client, url)

    assert any(KPI._meta.db_table in sql for sql in first_queries)
    assert not any(KPI._meta.db_table in sql for sql in second_queries)
    assert len(second_queries) < len(first_queries)
    assert second == first
    assert "Riverside watch" in second and "Street robberies" in second


def test_a_change_to_what_it_shows_is_seen_at_once(client, profile):
    partnership, url = profile
    read(client, url)

    KPIMeasurementFactory(
        kpi=partnership.kpis.get(), measured_on=datetime.date(2026, 9, 1), value=31
    )
    page = BeautifulSoup(read(client, url)[0], "html.parser")
    assert "31" in page.select_one("table.kpis tbody td:nth-of-type(3)").get_text()

    church = partnership.parties.get().organisation
    church.name = "Riverside United Church"
    church.save()
    assert "Riverside United Church" in read(client, url)[0]

    partnership.title = "Riverside and harbour watch"
    partnership.save()
    page = BeautifulSoup(read(client, url)[0], "html.parser")
    assert page.h1.get_text() == "Riverside and harbour watch"
    assert page.title.get_text().startswith("Riverside and harbour watch")

    publication = PublicationPageFactory(title="Patrols that listen")
    publication.partnerships.add(partnership)
    publication.save_revision().publish()
    assert "Patrols that listen" in read(client, url)[0]


def test_a_partnership_made_internal_is_not_found_from_the_kept_body(client, profile):
    partnership, url = profile
    read(client, url)

    partnership.visibility = Visibility.INTERNAL
    partnership.save()

    for _ in range(2):  # nothing is kept for a reference the public may not see
        response = client.get(url)
        assert response.status_code == 404
        assert b"Riverside watch" not in response.content


def test_share_links_carry_the_address_asked_for(client, profile):
    _, url = profile
    read(client, url)

    page = BeautifulSoup(read(client, f"{url}?from=newsletter")[0], "html.parser")
    assert "from=newsletter" in page.select_one("[data-copy-link]")["data-copy-link"]


def test_a_members_actions_are_neither_kept_nor_shown_to_others(client, profile):
    _, url = profile
    anonymous_first = read(client, url)[0]  # the body kept for anonymous readers
    member = MemberFactory()
    client.force_login(member.user)

    assert "Assess this partnership" in read(client, url)[0]

    client.logout()
    client.cookies["messages"] = "still a message waiting"
    after_the_member = read(client, url)[0]
    assert "Assess this partnership" not in after_the_member
    assert after_the_member == anonymous_first


def test_without_the_page_cache_the_body_is_read_every_time(client, profile, settings):
    settings.PAGE_CACHE_SECONDS = 0
    _, url = profile
    read(client, url)

    assert any(KPI._meta.db_table in sql for sql in read(client, url)[1])
