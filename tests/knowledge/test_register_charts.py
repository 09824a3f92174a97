"""The register at a glance: counts per province, level, sector and thrust, each chart with a
table, each bar linking to the list it counts; public figures for readers, all for editors."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models.choices import Level, Visibility
from portal.taxonomy import Province, Sector, StrategicThrust
from tests.knowledge.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    user_in,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def register():
    church = OrganisationFactory(sector=Sector.FAITH_BASED)
    PartnershipFactory(
        provinces=[Province.GAUTENG, Province.LIMPOPO],
        level=Level.COLLABORATION,
        thrusts=[StrategicThrust.RESEARCH_AGENDA],
        parties=[church],
    )
    PartnershipFactory(provinces=[Province.GAUTENG], level=Level.COLLABORATION)
    PartnershipFactory(provinces=[Province.GAUTENG], visibility=Visibility.INTERNAL)
    return PartnershipsSectionPageFactory()


def table(page, caption) -> dict[str, tuple[int, str]]:
    """A chart's table: label -> (count, the link's URL)."""
    found = page.find("caption", string=caption).find_parent("table")
    return {
        row.th.get_text(strip=True): (int(row.td.get_text()), row.th.a["href"])
        for row in found.tbody.find_all("tr")
    }


def test_public_charts_count_public_partnerships_with_tables_and_links(client, register):
    page = BeautifulSoup(client.get(register.url).content, "html.parser")

    provinces = table(page, "Partnerships by province")
    assert provinces["Gauteng"] == (2, f"{register.url}?province=gauteng")
    assert provinces["Limpopo"][0] == 1
    assert provinces["Free State"][0] == 0
    assert len(provinces) == 10  # nine provinces and national scope
    assert table(page, "Partnerships by level")["Collaboration"][0] == 2
    assert table(page, "Partnerships by partner sector")["Faith-based organisation"][0] == 1
    thrusts = table(page, "Partnerships by strategic thrust")
    assert thrusts[StrategicThrust.RESEARCH_AGENDA.label][0] == 1
    tile = page.find("a", attrs={"aria-label": "Gauteng: 2 partnerships"})
    assert tile["href"] == f"{register.url}?province=gauteng"
    assert tile.find("text", class_="province-map__count").get_text() == "2"


def test_a_bar_leads_to_the_list_it_counts(client, register):
    page = BeautifulSoup(client.get(register.url).content, "html.parser")
    count, url = table(page, "Partnerships by level")["Collaboration"]

    listed = BeautifulSoup(client.get(url).content, "html.parser")

    assert len(listed.select(".card-list .card")) == count


def test_dashboard_charts_include_internal_partnerships(client, register):
    client.force_login(user_in("Register viewers"))

    page = BeautifulSoup(client.get("/admin/").content, "html.parser")

    count, url = table(page, "Partnerships by province")["Gauteng"]
    assert count == 3
    assert url == "/admin/snippets/knowledge/partnership/?province=gauteng"


def test_charts_cost_the_same_queries_for_a_large_register(client):
    section = PartnershipsSectionPageFactory()

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(section.url).status_code == 200
        return len(captured)

    PartnershipFactory()
    queries()  # warm per-process caches
    few = queries()
    PartnershipFactory.create_batch(40)
    assert queries() == few


def test_kept_figures_follow_the_register(client, register, settings):
    """With the page cache on, the charts and the home page's figures are counted once per
    generation: a partnership added or made internal changes them on the next render."""
    settings.PAGE_CACHE_SECONDS = 300
    client.cookies["messages"] = "renders every request"

    def gauteng() -> int:
        page = BeautifulSoup(client.get(register.url).content, "html.parser")
        return table(page, "Partnerships by province")["Gauteng"][0]

    def home_figures() -> str:
        return BeautifulSoup(client.get("/").content, "html.parser").get_text(" ", strip=True)

    assert gauteng() == 2
    assert "Public partnerships 2" in home_figures()

    added = PartnershipFactory(provinces=[Province.GAUTENG])
    assert gauteng() == 3
    assert "Public partnerships 3" in home_figures()

    added.visibility = Visibility.INTERNAL
    added.save()
    assert gauteng() == 2
    assert "Public partnerships 2" in home_figures()
