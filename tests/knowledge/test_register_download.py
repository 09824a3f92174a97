"""The public register as a spreadsheet: what the listing's filters select, what the profiles
show, and nothing else (no internal partnership, contact, cost, risk, signatory, private KPI or
review note), whoever asks and however often."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup

from knowledge.models.choices import Visibility
from portal.taxonomy import Province
from tests.knowledge.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    CostFactory,
    KPIFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return PartnershipsSectionPageFactory()


def download(client, section, query: str = ""):
    response = client.get(f"{section.url}download/{query}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="partnership-register-')
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")  # so that Excel reads it as UTF-8
    return content, list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))


def test_each_public_partnership_is_a_row_with_what_its_profile_shows(client, section):
    church = OrganisationFactory(name="Grace Church")
    partnership = PartnershipFactory(
        title="Night patrols",
        provinces=[Province.GAUTENG, Province.LIMPOPO],
        thrusts=["3-research-agenda"],
        parties=[church],
        start_date=datetime.date(2024, 3, 1),
    )
    AgreementFactory(partnership=partnership, signed_on=datetime.date(2024, 2, 1))
    AnnualReviewFactory(partnership=partnership, completed_on=datetime.date(2025, 6, 1))
    PartnershipFactory(title="Staff only", visibility=Visibility.INTERNAL)

    _, rows = download(client, section)

    (row,) = rows
    assert row["Reference"] == partnership.reference
    assert row["Title"] == "Night patrols"
    assert row["Provinces"] == "Gauteng; Limpopo"
    assert row["Parties (role)"] == f"Grace Church ({partnership.parties.get().get_role_display()})"
    assert row["Start date"] == "2024-03-01"
    assert row["Signed agreement"].endswith("signed 2024-02-01")
    assert row["Last reviewed"] == "2025-06-01"
    assert row["Profile"] == f"http://testserver{section.url}{partnership.reference}/"
    assert client.get(row["Profile"]).status_code == 200


def test_the_listing_s_filters_select_the_rows_and_its_link_keeps_them(client, section):
    PartnershipFactory(title="In Limpopo", provinces=[Province.LIMPOPO])
    PartnershipFactory(title="In Gauteng", provinces=[Province.GAUTENG])

    page = BeautifulSoup(client.get(f"{section.url}?province=limpopo").content, "html.parser")
    link = page.select_one("p.download a")

    assert link.get_text(strip=True) == "Download this partnership (CSV)"
    assert link["href"] == f"{section.url}download/?province=limpopo"
    _, rows = download(client, section, "?province=limpopo")
    assert [row["Title"] for row in rows] == ["In Limpopo"]
    _, by_words = download(client, section, "?q=gauteng")
    assert [row["Title"] for row in by_words] == ["In Gauteng"]
    _, by_title = download(client, section, "?sort=title")
    assert [row["Title"] for row in by_title] == ["In Gauteng", "In Limpopo"]  # the list's order
    _, by_reference = download(client, section)
    assert [row["Title"] for row in by_reference] == ["In Limpopo", "In Gauteng"]
    _, everything = download(client, section, "?province=atlantis")  # a refused filter
    assert sorted(row["Title"] for row in everything) == ["In Gauteng", "In Limpopo"]


def test_nothing_private_is_in_the_download(client, section):
    partnership = PartnershipFactory()
    organisation = partnership.parties.get().organisation
    RiskFactory(partnership=partnership, description="Secret risk about informants")
    CostFactory(partnership=partnership, description="Confidential payment", amount=987654)
    AgreementFactory(partnership=partnership, signatories="Jane Signatory")
    KPIFactory(partnership=partnership, indicator="Hidden indicator", is_public=False)
    AnnualReviewFactory(
        partnership=partnership, findings_notes="Funder unhappy", value_assessment="Poor value"
    )
    PartnershipFactory(title="Staff only", visibility=Visibility.INTERNAL)

    content, _ = download(client, section)

    for private in (
        "Secret risk about informants",
        "Confidential payment",
        "987654",
        "Jane Signatory",
        "Hidden indicator",
        "Funder unhappy",
        "Poor value",
        "Staff only",
        "Partnerships directorate",  # the responsible unit is internal
        organisation.contact.name,
        organisation.contact.email,
        organisation.contact.phone,
    ):
        assert private not in content


def test_a_partnership_made_internal_leaves_the_download_at_once(client, section):
    partnership = PartnershipFactory(title="Soon internal")
    assert [row["Title"] for row in download(client, section)[1]] == ["Soon internal"]

    partnership.visibility = Visibility.INTERNAL
    partnership.save()

    assert download(client, section)[1] == []


def test_a_title_is_never_a_spreadsheet_formula(client, section):
    PartnershipFactory(title='=HYPERLINK("http://attacker.example/","Open")')

    (row,) = download(client, section)[1]

    assert row["Title"] == '\'=HYPERLINK("http://attacker.example/","Open")'


@pytest.mark.parametrize("count", [1, 12])
def test_its_queries_do_not_grow_with_the_register(
    client, section, count, django_assert_max_num_queries
):
    for _ in range(count):
        partnership = PartnershipFactory()
        AgreementFactory(partnership=partnership)

    with django_assert_max_num_queries(8):
        assert len(download(client, section)[1]) == count
