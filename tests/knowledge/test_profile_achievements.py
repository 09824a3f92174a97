"""What a public profile shows a partnership achieved: public KPIs with their trend, the latest
review's public summary, the signed agreement's term, dates; and nothing private beside them."""

import datetime
from decimal import Decimal

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from knowledge.models.choices import AgreementKind, AgreementStatus, ReviewStatus, Visibility
from tests.knowledge.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    KPIFactory,
    KPIMeasurementFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return PartnershipsSectionPageFactory()


def profile(client, section, partnership) -> BeautifulSoup:
    response = client.get(f"{section.url}{partnership.reference}/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def words(element) -> str:
    """The element's text as a reader sees it: whitespace collapsed."""
    return " ".join(element.get_text().split())


def fact(page, label) -> str:
    return words(page.find("dt", string=label).find_next_sibling("dd"))


def test_public_kpis_show_target_latest_and_a_trend_of_their_measurements(client, section):
    partnership = PartnershipFactory()
    kpi = KPIFactory(partnership=partnership, indicator="Street robberies", baseline=60, target=30)
    for day, value in [(1, 58), (2, 45), (3, 29)]:
        KPIMeasurementFactory(kpi=kpi, measured_on=datetime.date(2026, day, 1), value=value)
    hidden = KPIFactory(partnership=partnership, indicator="Volunteer hours", is_public=False)
    KPIMeasurementFactory(kpi=hidden)

    page = profile(client, section, partnership)

    row = page.find("table", class_="kpis").tbody.find_all("tr")
    assert len(row) == 1
    cells = [words(c) for c in row[0].find_all(["th", "td"])]
    assert cells[0] == "Street robberies (incidents)"
    assert cells[1:3] == ["60", "30"]  # whole numbers without needless decimals
    assert cells[3].startswith("29 on 1 March 2026, target met")
    svg = row[0].find("svg", class_="trend")
    assert len(svg.polyline["points"].split()) == 3
    assert svg.find("line", class_="trend__target") is not None
    assert "from 58 on 1 January 2026 to 29 on 1 March 2026" in svg.title.get_text()
    text = page.get_text()
    assert "Volunteer hours" not in text
    assert "occurrence book" not in text  # measurement notes stay private


def test_a_kpi_with_one_measurement_has_no_trend_line_and_says_why(client, section):
    kpi = KPIFactory()
    KPIMeasurementFactory(kpi=kpi, value=55)

    page = profile(client, section, kpi.partnership)

    assert page.find("svg", class_="trend") is None
    assert "Too few measurements for a trend" in page.get_text()


def test_kpi_values_keep_their_fractions_and_group_thousands_the_south_african_way(client, section):
    kpi = KPIFactory(indicator="Rand recovered", baseline=None, target=Decimal("12500"))
    for day, value in [(1, Decimal("40.5")), (2, Decimal("12750.25"))]:
        KPIMeasurementFactory(kpi=kpi, measured_on=datetime.date(2026, day, 1), value=value)

    row = profile(client, section, kpi.partnership).find("table", class_="kpis").tbody.tr
    cells = [c.get_text() for c in row.find_all("td")]

    assert cells[0] == "\u2013" and cells[1] == "12\xa0500"
    assert cells[2].startswith("12\xa0750,25 on")
    assert [li.get_text() for li in row.select(".trend-values li")] == [
        "1 Jan 2026: 40,50",
        "1 Feb 2026: 12\xa0750,25",
    ]


def test_latest_completed_review_shows_only_its_public_summary(client, section):
    partnership = PartnershipFactory()
    AnnualReviewFactory(
        partnership=partnership,
        year=2025,
        completed_on=datetime.date(2025, 5, 2),
        public_summary="The older summary.",
    )
    AnnualReviewFactory(
        partnership=partnership,
        year=2026,
        completed_on=datetime.date(2026, 5, 20),
        public_summary="Meetings held as agreed; carry on.",
        kpi_results="Internal: one partner missed three meetings.",
        findings_notes="Internal finding.",
    )
    AnnualReviewFactory(
        partnership=partnership,
        year=2027,
        status=ReviewStatus.SCHEDULED,
        completed_on=None,
        recommendation="",
        public_summary="Not yet done.",
    )

    page = profile(client, section, partnership)

    assert fact(page, "Last reviewed") == "20 May 2026"
    heading = page.find("h3", string="Annual review 2026")
    assert "Meetings held as agreed; carry on." in heading.find_next("p").find_next("p").get_text()
    text = page.get_text()
    for private in ["missed three meetings", "Internal finding", "Not yet done", "older summary"]:
        assert private not in text


def test_signed_agreement_shows_kind_and_term_never_the_scan(client, section):
    partnership = PartnershipFactory()
    AgreementFactory(
        partnership=partnership,
        signed_on=datetime.date(2025, 1, 15),
        effective_from=datetime.date(2025, 2, 1),
        expires_on=datetime.date(2030, 1, 31),
        signatories="Jane Signatory, Director",
    )
    AgreementFactory(partnership=partnership, status=AgreementStatus.DRAFT, signed_on=None)

    page = profile(client, section, partnership)
    html = str(page)

    assert fact(page, "Agreement") == (
        f"Signed {AgreementKind.MOA.label}, 15 January 2025; in force from 1 February 2025 "
        "until 31 January 2030"
    )
    assert "scan" not in html.lower()
    assert "Jane Signatory" not in html


def test_without_agreement_or_review_the_profile_says_so(client, section):
    partnership = PartnershipFactory()

    page = profile(client, section, partnership)

    assert fact(page, "Agreement") == "No signed agreement recorded"
    assert fact(page, "Last reviewed") == "Not yet reviewed"
    # The site's date (Johannesburg), not UTC's: they differ from 22:00 to midnight UTC.
    updated = timezone.localtime(partnership.profile_updated_at)
    assert fact(page, "Last updated") == f"{updated:%-d %B %Y}"


def test_an_internal_partnerships_kpis_have_no_public_page(client, section):
    kpi = KPIFactory(partnership=PartnershipFactory(visibility=Visibility.INTERNAL))

    assert client.get(f"{section.url}{kpi.partnership.reference}/").status_code == 404


def test_profile_queries_stay_flat_as_its_history_grows(client, section):
    def queries_for(partnership) -> int:
        with CaptureQueriesContext(connection) as queries:
            profile(client, section, partnership)
        return len(queries)

    small = PartnershipFactory()
    KPIMeasurementFactory(kpi=KPIFactory(partnership=small))
    AnnualReviewFactory(partnership=small)
    queries_for(small)  # warm per-process caches (site, content types)

    large = PartnershipFactory()
    for _ in range(6):
        kpi = KPIFactory(partnership=large)
        KPIMeasurementFactory.create_batch(20, kpi=kpi)
    for year in range(2015, 2027):
        AnnualReviewFactory(partnership=large, year=year)
    AgreementFactory.create_batch(3, partnership=large)

    assert queries_for(large) == queries_for(small)
