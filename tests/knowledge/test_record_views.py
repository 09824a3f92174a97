"""The register's records read whole in the admin (their Inspect views): what register viewers,
who cannot open the edit forms, read of the register, in words, with every part of a
partnership, and nothing more private than before (no scan link, no contact person for them)."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from knowledge.groups import REGISTER_EDITORS, REGISTER_VIEWERS
from knowledge.models import ValueDelivered
from knowledge.models.choices import Visibility
from portal.taxonomy import Province
from tests.knowledge.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    CostFactory,
    KPIFactory,
    KPIMeasurementFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    RiskFactory,
    user_in,
)

pytestmark = pytest.mark.django_db


def record_url(partnership) -> str:
    return reverse("wagtailsnippets_knowledge_partnership:inspect", args=[partnership.pk])


def add_parts(partnership, number: int = 1):
    for _ in range(number):
        AgreementFactory(partnership=partnership)
        kpi = KPIFactory(partnership=partnership)
        KPIMeasurementFactory(kpi=kpi, measured_on=datetime.date(2025, 3, 1), value=41)
        KPIMeasurementFactory(kpi=kpi, measured_on=datetime.date(2026, 3, 1), value=37.5)
        RiskFactory(partnership=partnership, description="Volunteers tire", owner="")
        CostFactory(partnership=partnership, amount=12500)
        ValueDelivered.objects.create(
            partnership=partnership,
            delivered_on=datetime.date(2025, 5, 1),
            benefit="Patrol rosters shared",
            evidence="Minutes",
        )


@pytest.fixture
def partnership():
    partnership = PartnershipFactory(
        title="Night patrols",
        provinces=[Province.GAUTENG, Province.LIMPOPO],
        thrusts=["3-research-agenda"],
        parties=[OrganisationFactory(name="Grace Church")],
    )
    add_parts(partnership)
    AnnualReviewFactory(partnership=partnership, year=2026)
    return partnership


def read_record(client, user, partnership):
    client.force_login(user)
    response = client.get(record_url(partnership))
    assert response.status_code == 200
    return response, BeautifulSoup(response.content, "html.parser")


def shown(soup, label: str) -> str:
    return soup.find("dt", string=label).find_next_sibling("dd").get_text(strip=True)


def test_a_viewer_reads_the_whole_record_in_words(client, partnership):
    response, soup = read_record(client, user_in(REGISTER_VIEWERS), partnership)

    assert shown(soup, "Provinces") == "Gauteng, Limpopo"  # not ['gauteng', 'limpopo']
    assert shown(soup, "Strategic thrusts").startswith("3. ")
    assert shown(soup, "End date") == "No end date"
    assert shown(soup, "Locality") == "Not recorded"
    # Moments in the site's time zone (Johannesburg), as everywhere else, not as stored (UTC).
    public_since = timezone.localtime(partnership.made_public_at)
    assert shown(soup, "Public since") == date_format(public_since, "j F Y, H:i")
    # Internals of the record's storage are not what a reader came for.
    labels = {dt.get_text(strip=True) for dt in soup.select("dl dt")}
    assert not labels & {"ID", "Latest revision", "Locked", "Locked at", "Locked by"}

    sections = {
        section.h2.get_text(strip=True): section.get_text(" ", strip=True)
        for section in soup.select("section.partnership-record")
    }
    assert "Grace Church" in sections["Parties"]
    assert "On file" in sections["Agreements"]
    assert "2026 Completed" in sections["Annual reviews"]
    assert "37,50 on 1 March 2026" in sections["KPIs"]  # the latest measurement
    assert "Patrol rosters shared" in sections["Value delivered"]
    assert "Volunteers tire" in sections["Risks (internal)"]
    assert "R\xa012\xa0500,00" in sections["Costs (internal)"]
    # A viewer may not open scans or change agreements: each part leads to its own record.
    agreement, review = partnership.agreements.get(), partnership.reviews.get()
    assert agreement.signed_scan.url not in response.content.decode()
    assert [a["href"] for a in soup.select("section.partnership-record a")] == [
        reverse("wagtailsnippets_knowledge_agreement:inspect", args=[agreement.pk]),
        reverse("wagtailsnippets_knowledge_annualreview:inspect", args=[review.pk]),
    ]


def test_an_editor_goes_from_the_record_to_each_agreement_and_review(client, partnership):
    _, soup = read_record(client, user_in(REGISTER_EDITORS), partnership)

    links = [a["href"] for a in soup.select("section.partnership-record a")]
    agreement, review = partnership.agreements.get(), partnership.reviews.get()
    assert links == [
        reverse("wagtailsnippets_knowledge_agreement:edit", args=[agreement.pk]),
        reverse("wagtailsnippets_knowledge_annualreview:edit", args=[review.pk]),
    ]
    assert agreement.signed_scan.url not in str(soup)  # opened from the agreement itself


def test_a_viewer_reads_an_agreement_without_a_way_to_its_scan(client, partnership):
    agreement = partnership.agreements.get()
    agreement.signatories = "Director, Grace Church\nStation commander, SAPS"
    agreement.purpose_clear = True
    agreement.save()
    client.force_login(user_in(REGISTER_VIEWERS))

    response = client.get(
        reverse("wagtailsnippets_knowledge_agreement:inspect", args=[agreement.pk])
    )
    soup = BeautifulSoup(response.content, "html.parser")

    assert shown(soup, "Signed scan").startswith("On file (PDF, ")
    assert agreement.signed_scan.url not in response.content.decode()
    assert agreement.signed_scan.name not in response.content.decode()  # nor where it is kept
    assert shown(soup, "Purpose and outcomes are clear") == "Yes"
    assert shown(soup, "Risks have been assessed") == "No"
    signatories = soup.find("dt", string="Signatories").find_next_sibling("dd")
    assert signatories.find("br") is not None  # one a line
    link = soup.find("dt", string="Partnership").find_next_sibling("dd").a
    assert link["href"] == record_url(partnership)


def test_an_organisation_s_contact_person_is_shown_only_to_those_who_may_change_it(client):
    organisation = OrganisationFactory(name="Grace Church", contact__email="pastor@example.org")
    partnership = PartnershipFactory(title="Night patrols", parties=[organisation])
    url = reverse("wagtailsnippets_knowledge_organisation:inspect", args=[organisation.pk])

    client.force_login(user_in(REGISTER_VIEWERS))
    response = client.get(url)
    soup = BeautifulSoup(response.content, "html.parser")
    assert shown(soup, "Contact person") == "Shown to register editors only"
    assert "pastor@example.org" not in response.content.decode()
    assert "Thandi Private" not in response.content.decode()
    party_to = soup.find("dt", string="Party to").find_next_sibling("dd")
    assert party_to.a["href"] == record_url(partnership)
    assert party_to.get_text(strip=True) == f"{partnership}(Partner)"

    client.force_login(user_in(REGISTER_EDITORS))
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert "pastor@example.org" in shown(soup, "Contact person")


def test_a_review_s_findings_and_a_measurement_s_kpi_read_in_words(client, partnership):
    review = partnership.reviews.get()
    review.findings = ["duplication"]
    review.save()
    measurement = partnership.kpis.get().measurements.first()
    client.force_login(user_in(REGISTER_VIEWERS))

    soup = BeautifulSoup(
        client.get(
            reverse("wagtailsnippets_knowledge_annualreview:inspect", args=[review.pk])
        ).content,
        "html.parser",
    )
    assert shown(soup, "Findings") == review.get_findings_display()
    assert shown(soup, "Findings") == "Duplicates another partnership"
    assert shown(soup, "Reviewer") == "Not recorded"

    soup = BeautifulSoup(
        client.get(
            reverse("wagtailsnippets_knowledge_kpimeasurement:inspect", args=[measurement.pk])
        ).content,
        "html.parser",
    )
    assert shown(soup, "KPI") == str(measurement.kpi)


def test_the_flags_are_shown_as_the_list_shows_them(client):
    flagged = PartnershipFactory(provinces=[Province.GAUTENG, Province.LIMPOPO])
    _, soup = read_record(client, user_in(REGISTER_VIEWERS), flagged)
    assert "No risk analysis" in shown(soup, "Needs attention")


def test_a_public_partnership_s_record_leads_to_its_profile_and_an_internal_one_s_does_not(
    client, partnership
):
    section = PartnershipsSectionPageFactory()
    viewer = user_in(REGISTER_VIEWERS)
    response, _ = read_record(client, viewer, partnership)
    assert f'href="{section.profile_url(partnership)}"' in response.content.decode()
    assert "View the public profile" in response.content.decode()

    internal = PartnershipFactory(visibility=Visibility.INTERNAL)
    response, soup = read_record(client, viewer, internal)
    assert "View the public profile" not in response.content.decode()
    assert shown(soup, "Public since") == "Never: internal"


def test_the_record_is_read_in_the_same_queries_however_many_parts_it_has(client, partnership):
    viewer = user_in(REGISTER_VIEWERS)
    larger = PartnershipFactory(parties=[OrganisationFactory(), OrganisationFactory()])
    add_parts(larger, number=4)
    AnnualReviewFactory(partnership=larger, year=2025)
    AnnualReviewFactory(partnership=larger, year=2026)
    client.force_login(viewer)
    client.get(record_url(partnership))

    counts = []
    for record in (partnership, larger):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(record_url(record)).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1], counts


def test_a_record_is_linked_only_where_the_reader_may_read_it(client, partnership):
    agreements_only = get_user_model().objects.create_user("clerk", password="pw")
    agreements_only.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_agreement"),
    )
    agreement = partnership.agreements.get()
    client.force_login(agreements_only)

    response = client.get(
        reverse("wagtailsnippets_knowledge_agreement:inspect", args=[agreement.pk])
    )
    named = BeautifulSoup(response.content, "html.parser").find("dt", string="Partnership")
    assert named.find_next_sibling("dd").get_text(strip=True) == str(partnership)
    assert named.find_next_sibling("dd").a is None  # it could not open the partnership
    assert client.get(record_url(partnership)).status_code in (302, 403)
