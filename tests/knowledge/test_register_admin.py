"""The register's admin listing: filters, flag badges, exports and the dashboard summary."""

import csv
import datetime
import io

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from openpyxl import load_workbook

from knowledge.models import KPI, KPIMeasurement, Partnership
from knowledge.models.choices import PartnershipStatus, Visibility
from knowledge.register_charts import filtered_link, register_charts
from portal.taxonomy import Province, Sector
from tests.knowledge.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
)

pytestmark = pytest.mark.django_db

LIST_URL = "wagtailsnippets_knowledge_partnership:list"


@pytest.fixture
def admin_client(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    return client


def test_listing_filters_by_status_province_sector_and_flag(admin_client):
    church = OrganisationFactory(sector=Sector.FAITH_BASED)
    PartnershipFactory(title="Two provinces", provinces=[Province.GAUTENG, Province.LIMPOPO])
    PartnershipFactory(title="Suspended", status=PartnershipStatus.SUSPENDED)
    PartnershipFactory(title="Church", parties=[church])

    def titles(query: str) -> list[str]:
        response = admin_client.get(reverse(LIST_URL) + query)
        assert response.status_code == 200
        return [row.title for row in response.context["object_list"]]

    assert titles("?flag=national-candidate") == ["Two provinces"]
    assert titles("?status=suspended") == ["Suspended"]
    assert titles("?province=limpopo") == ["Two provinces"]
    assert titles("?sector=faith-based") == ["Church"]


def test_listing_shows_flag_badges(admin_client):
    PartnershipFactory(provinces=[Province.GAUTENG, Province.LIMPOPO])

    soup = BeautifulSoup(admin_client.get(reverse(LIST_URL)).content, "html.parser")

    badges = [badge.get_text(strip=True) for badge in soup.select(".w-status--label")]
    assert "Spans provinces: national candidate" in badges
    assert "No risk analysis" in badges


def test_listing_says_which_partnerships_the_public_may_see(admin_client):
    PartnershipFactory(title="Open work")
    PartnershipFactory(title="Quiet work", visibility=Visibility.INTERNAL)

    soup = BeautifulSoup(admin_client.get(reverse(LIST_URL)).content, "html.parser")

    headings = [th.get_text(strip=True) for th in soup.select("table thead th")]
    column = headings.index("Visibility")
    rows = {
        cells[2].get_text(strip=True): cells[column].get_text(strip=True)
        for cells in (row.find_all(["td", "th"]) for row in soup.select("table tbody tr"))
    }
    assert rows == {"Open work": "Public", "Quiet work": "Internal"}


def test_a_public_partnership_links_to_its_profile_from_the_list_and_the_editor(admin_client):
    PartnershipsSectionPageFactory()
    public = PartnershipFactory(title="Open work")
    internal = PartnershipFactory(title="Quiet work", visibility=Visibility.INTERNAL)
    profile = f"/partnerships/{public.reference}/"

    listing = admin_client.get(reverse(LIST_URL)).content.decode()
    editing_public = admin_client.get(
        reverse("wagtailsnippets_knowledge_partnership:edit", args=[public.pk])
    ).content.decode()
    editing_internal = admin_client.get(
        reverse("wagtailsnippets_knowledge_partnership:edit", args=[internal.pk])
    ).content.decode()

    assert f'href="{profile}"' in listing
    assert listing.count("View the public profile") == 1  # none for the internal one
    assert f"/partnerships/{internal.reference}/" not in listing
    assert f'href="{profile}"' in editing_public
    assert "View the public profile" not in editing_internal
    # The editor sees since when it is public (in Johannesburg time), and cannot change it.
    public.refresh_from_db()
    shown = BeautifulSoup(editing_public, "html.parser").select_one(
        '[aria-labelledby$="made_public_at-label"]'
    )
    since = date_format(timezone.localtime(public.made_public_at), "j F Y, H:i")
    assert shown.get_text(strip=True) == since
    assert 'name="made_public_at"' not in editing_public
    assert admin_client.get(profile).status_code == 200


def test_csv_export_follows_the_filter_and_leaves_contacts_out(admin_client):
    gauteng = PartnershipFactory(title="Gauteng work", provinces=[Province.GAUTENG])
    PartnershipFactory(title="Limpopo work", provinces=[Province.LIMPOPO])

    response = admin_client.get(reverse(LIST_URL) + "?province=gauteng&export=csv")

    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(content)))
    assert [row["reference"] for row in rows] == [gauteng.reference]
    row = rows[0]
    assert row["title"] == "Gauteng work"
    assert row["provinces"] == "gauteng"
    assert row["parties"] == f"{gauteng.parties.get().organisation.name} [partner]"
    assert "No risk analysis" in row["flags"]
    assert row["made_public_at"]  # kept by the register, exported for reading
    assert "thandi.private@example.org" not in content


def test_xlsx_export_has_the_same_columns(admin_client):
    PartnershipFactory(title="Exported")

    response = admin_client.get(reverse(LIST_URL) + "?export=xlsx")

    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, first = list(workbook.active.iter_rows(values_only=True))[:2]
    assert header[:2] == ("reference", "title")
    assert first[1] == "Exported"
    assert isinstance(first[header.index("made_public_at")], datetime.datetime)


def test_dashboard_shows_the_portfolio_and_what_needs_attention(admin_client):
    PartnershipFactory(provinces=[Province.GAUTENG, Province.LIMPOPO])

    soup = BeautifulSoup(admin_client.get(reverse("wagtailadmin_home")).content, "html.parser")
    panel = soup.select_one("#register-summary-heading").find_parent("section")

    assert "1 partnership" in panel.get_text()
    link = panel.find("a", string=lambda text: text and "national candidate" in text)
    assert link["href"].endswith("?flag=national-candidate")


def test_users_without_register_access_get_no_dashboard_panel(client):
    user = get_user_model().objects.create_user("editor-of-pages", password="pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert (
        "register-summary-heading" not in client.get(reverse("wagtailadmin_home")).content.decode()
    )


@pytest.mark.parametrize(
    "model", ["partnership", "organisation", "agreement", "annualreview", "kpimeasurement"]
)
def test_every_register_screen_opens(admin_client, model):
    agreement = AgreementFactory()
    review = AnnualReviewFactory(partnership=agreement.partnership)
    kpi = KPI.objects.create(partnership=agreement.partnership, indicator="x", unit="y", target=1)
    measurement = KPIMeasurement.objects.create(kpi=kpi, measured_on="2026-01-01", value=1)
    instance = {
        "partnership": agreement.partnership,
        "organisation": agreement.partnership.parties.get().organisation,
        "agreement": agreement,
        "annualreview": review,
        "kpimeasurement": measurement,
    }[model]
    namespace = f"wagtailsnippets_knowledge_{model}"

    for url in (
        reverse(f"{namespace}:list"),
        reverse(f"{namespace}:add"),
        reverse(f"{namespace}:edit", args=[instance.pk]),
        reverse(f"{namespace}:history", args=[instance.pk]),
    ):
        assert admin_client.get(url).status_code == 200, url


def test_agreement_editor_links_the_scan_through_the_checked_view(admin_client):
    agreement = AgreementFactory()
    html = admin_client.get(
        reverse("wagtailsnippets_knowledge_agreement:edit", args=[agreement.pk])
    ).content.decode()

    assert f'href="/admin/register/scans/{agreement.signed_scan.name}"' in html
    assert agreement.scan_sha256 in html


def test_research_project_screens_open(admin_client):
    assert (
        admin_client.get(reverse("wagtailsnippets_knowledge_researchproject:list")).status_code
        == 200
    )
    assert (
        admin_client.get(reverse("wagtailsnippets_knowledge_researchproject:add")).status_code
        == 200
    )


def test_import_page_opens_from_the_register_menu(admin_client):
    response = admin_client.get(reverse("knowledge_register_import"))
    assert response.status_code == 200
    assert "Import register records" in response.content.decode()


def test_listing_search_finds_partnerships_by_title_and_reference(admin_client):
    wanted = PartnershipFactory(title="Safer taxi ranks")
    PartnershipFactory(title="Rural stock theft")

    def found(query: str) -> list[str]:
        response = admin_client.get(reverse(LIST_URL), {"q": query})
        return [row.title for row in response.context["object_list"]]

    assert found("taxi") == ["Safer taxi ranks"]
    assert found(wanted.reference) == ["Safer taxi ranks"]


def test_the_portfolio_is_counted_by_the_database_in_bounded_queries(
    django_assert_max_num_queries,
):
    import datetime
    from decimal import Decimal

    from knowledge.flags import Flag
    from knowledge.models.choices import CostKind, CostPeriod
    from knowledge.portfolio import portfolio_summary
    from tests.knowledge.factories import CostFactory

    two = PartnershipFactory(provinces=[Province.GAUTENG, Province.LIMPOPO])
    PartnershipFactory(provinces=[Province.GAUTENG], status=PartnershipStatus.SUSPENDED)
    CostFactory(partnership=two, kind=CostKind.EXPLICIT, amount="1000", period=CostPeriod.MONTHLY)
    CostFactory(partnership=two, kind=CostKind.EXPLICIT, amount="500", period=CostPeriod.ONCE)
    closed = PartnershipFactory(
        status=PartnershipStatus.TERMINATED, provinces=[Province.FREE_STATE]
    )
    CostFactory(partnership=closed, kind=CostKind.EXPLICIT, amount="999", period=CostPeriod.ONCE)
    for _ in range(20):  # more partnerships cost no more queries
        PartnershipFactory(provinces=[Province.WESTERN_CAPE])

    with django_assert_max_num_queries(6):
        summary = portfolio_summary(datetime.date(2026, 11, 23))

    assert summary.total == 23
    # Per province, the dashboard's charts count (the portfolio summary no longer repeats them).
    charts = register_charts(Partnership.objects.all(), filtered_link("/admin/"))
    provinces = {tile.label: tile.count for tile in charts.tiles}
    assert provinces[Province.GAUTENG.label] == 2
    assert provinces[Province.LIMPOPO.label] == 1
    assert provinces[Province.WESTERN_CAPE.label] == 20
    assert dict(summary.by_status)[PartnershipStatus.SUSPENDED.label] == 1
    assert dict(summary.by_flag)[Flag.NATIONAL_CANDIDATE] == 1
    assert summary.explicit_annual_cost == Decimal("12500")  # 12 x 1,000 + 500; not the closed
