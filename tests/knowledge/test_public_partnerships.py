"""Public partnership listing and profiles: filters, stable addresses, nothing private shown."""

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.home_sections import register_counts
from knowledge.models import Partnership
from knowledge.models.choices import Level, PartnershipStatus, Scope, Visibility
from portal.taxonomy import Province, Sector, StrategicThrust
from search import delivery, registry
from tests.knowledge.factories import (
    AgreementFactory,
    CostFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    RiskFactory,
)
from tests.portal.factories import StandardPageFactory
from tests.query_plans import sqlite_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return PartnershipsSectionPageFactory()


def listed_titles(client, section, query="") -> list[str]:
    response = client.get(f"{section.url}{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card-list .card__title a")]


def test_listing_shows_public_partnerships_only(client, section):
    PartnershipFactory(title="Open to all")
    PartnershipFactory(title="Staff only", visibility=Visibility.INTERNAL)

    assert listed_titles(client, section) == ["Open to all"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?province=limpopo", ["In Limpopo"]),
        ("?level=collaboration", ["Collaborating"]),
        ("?status=suspended", ["Suspended one"]),
        ("?thrust=3-research-agenda", ["Research thrust"]),
        ("?sector=faith-based", ["With a church"]),
    ],
)
def test_each_filter_narrows_the_list(client, section, query, expected):
    church = OrganisationFactory(sector=Sector.FAITH_BASED)
    PartnershipFactory(title="In Limpopo", provinces=[Province.LIMPOPO])
    PartnershipFactory(title="Collaborating", level=Level.COLLABORATION)
    PartnershipFactory(title="Suspended one", status=PartnershipStatus.SUSPENDED)
    PartnershipFactory(title="Research thrust", thrusts=[StrategicThrust.RESEARCH_AGENDA])
    PartnershipFactory(title="With a church", parties=[church])

    assert listed_titles(client, section, query) == expected


@pytest.mark.parametrize(
    "query",
    [
        "?province=atlantis",
        "?level=<script>",
        "?page=abc",
        "?page=999",
        "?status=&sector=",
        "?province=%00",
        "?thrust=" + "x" * 5000,
    ],
)
def test_invalid_filter_values_are_ignored_never_an_error(client, section, query):
    PartnershipFactory(title="Still listed")
    assert listed_titles(client, section, query) == ["Still listed"]


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("orlando", ["Orlando night patrols"]),  # a word of the title, in any case
        ("ORLANDO Patrols", ["Orlando night patrols"]),  # every word, wherever it is
        ("orlando schools", []),  # a word no field of it has
        ("csps-2026-0042", ["Numbered one"]),  # the reference, typed in lower case
        ("bicycle", ["Cycling summary", "With the taskforce"]),  # a word of the summary
        ("Mamelodi", ["In a precinct"]),  # its police precinct or municipality
        ("taskforce", ["With the taskforce"]),  # a party's name
        ("taskforce bicycle", ["With the taskforce"]),  # a party's name and its summary
    ],
)
def test_words_find_a_partnership_by_what_its_card_and_profile_show(
    client, section, words, expected
):
    PartnershipFactory(title="Orlando night patrols")
    PartnershipFactory(title="Numbered one", reference="CSPS-2026-0042")
    PartnershipFactory(title="Cycling summary", summary="Bicycle patrols on school routes.")
    PartnershipFactory(title="In a precinct", scope=Scope.LOCAL, locality="Mamelodi East")
    PartnershipFactory(
        title="With the taskforce",
        summary="Bicycle lanes.",
        parties=[OrganisationFactory(name="Safe Streets Taskforce"), OrganisationFactory()],
    )

    assert listed_titles(client, section, "?" + urlencode({"q": words})) == expected


def test_words_combine_with_the_filters_and_never_find_an_internal_partnership(client, section):
    secret = OrganisationFactory(name="Quiet Informants Network")
    PartnershipFactory(title="Patrols in Limpopo", provinces=[Province.LIMPOPO])
    PartnershipFactory(title="Patrols in Gauteng", provinces=[Province.GAUTENG])
    PartnershipFactory(
        title="Patrols kept internal",
        reference="CSPS-2026-0099",
        visibility=Visibility.INTERNAL,
        parties=[secret],
    )

    assert listed_titles(client, section, "?q=patrols&province=limpopo") == ["Patrols in Limpopo"]
    assert sorted(listed_titles(client, section, "?q=patrols")) == [
        "Patrols in Gauteng",
        "Patrols in Limpopo",
    ]
    for words in ("CSPS-2026-0099", "kept internal", "Quiet Informants"):
        assert listed_titles(client, section, "?" + urlencode({"q": words})) == []


def test_a_whole_reference_is_looked_up_by_the_register_s_index_not_by_a_scan(client, section):
    PartnershipFactory(title="Numbered one", reference="CSPS-2026-0042")
    PartnershipFactory(title="Mentions it", summary="Follows on from CSPS-2026-0042.")

    assert listed_titles(client, section, "?q=csps-2026-0042") == ["Numbered one"]
    assert sorted(listed_titles(client, section, "?q=CSPS-2026")) == ["Mentions it", "Numbered one"]
    if connection.vendor == "sqlite":
        with CaptureQueriesContext(connection) as queries:
            listed_titles(client, section, "?q=csps-2026-0042")
        listing = [q["sql"] for q in queries if '"knowledge_partnership"."reference" =' in q["sql"]]
        assert listing, "the reference is compared whole"
        for sql in listing:
            plan = sqlite_plan(sql)
            assert "USING INDEX" in plan and "SCAN knowledge_partnership" not in plan, plan


def test_words_that_find_no_partnership_offer_the_whole_portal_s_search(client, section):
    PartnershipFactory(title="Orlando night patrols")

    response = client.get(section.url + "?" + urlencode({"q": "Vryburg <b>imbizo</b>"}))
    soup = BeautifulSoup(response.content, "html.parser")
    offer = soup.select_one("#partnership-results-heading ~ p a")

    assert soup.select_one("#partnership-results-heading").get_text() == "0 partnerships"
    assert offer["href"] == "/search/?q=Vryburg%20%3Cb%3Eimbizo%3C/b%3E"
    assert offer.get_text() == "Search the whole portal for “Vryburg <b>imbizo</b>”"
    assert soup.select_one("#id_q")["value"] == "Vryburg <b>imbizo</b>"  # kept in the box
    assert soup.select_one("#id_q")["aria-describedby"] == "id_q_helptext"
    assert soup.select_one("#id_q_helptext").get_text().startswith("Every word must appear")


def test_the_list_sorts_by_reference_date_update_or_title(client, section):
    import datetime

    from knowledge.models import Partnership

    PartnershipFactory(title="Beta", start_date=datetime.date(2020, 1, 1))  # first reference
    PartnershipFactory(title="Alpha", start_date=datetime.date(2024, 6, 1))
    PartnershipFactory(title="Gamma", start_date=datetime.date(2022, 3, 1))
    beta = Partnership.objects.get(title="Beta")
    beta.summary = "Revised."  # the one whose profile changed last
    beta.save()

    assert listed_titles(client, section) == ["Beta", "Alpha", "Gamma"]  # by reference
    assert listed_titles(client, section, "?sort=newest") == ["Alpha", "Gamma", "Beta"]
    assert listed_titles(client, section, "?sort=updated")[0] == "Beta"
    assert listed_titles(client, section, "?sort=title") == ["Alpha", "Beta", "Gamma"]
    refused = client.get(f"{section.url}?sort=cost")
    assert (
        "Not applied."
        in BeautifulSoup(refused.content, "html.parser").select_one("#id_sort_error").get_text()
    )
    assert listed_titles(client, section, "?sort=cost") == ["Beta", "Alpha", "Gamma"]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
@pytest.mark.parametrize(
    ("sort", "index"),
    [
        ("reference", "sqlite_autoindex_knowledge_partnership_1"),  # the unique reference
        ("newest", "partnership_newest_first"),
        ("updated", "partnership_profile_updated"),
        ("public", "partnership_newly_public"),
        ("title", "partnership_by_title"),
    ],
)
def test_each_order_is_read_from_its_index_not_by_sorting_the_register(
    client, section, sort, index
):
    PartnershipFactory.create_batch(25)  # more than a page, as a register is
    with CaptureQueriesContext(connection) as queries:
        listed_titles(client, section, f"?sort={sort}")
    listing = next(
        q["sql"] for q in queries if "LIMIT" in q["sql"] and '"knowledge_partnership"' in q["sql"]
    )

    # Before the planner's statistics exist (a database just migrated) and after.
    for analyse in (False, True):
        plan = sqlite_plan(listing, analyse=analyse)
        assert f"INDEX {index}" in plan, (analyse, plan, listing)
        assert "USE TEMP B-TREE FOR ORDER BY" not in plan, (analyse, plan)


def test_filters_survive_pagination_in_the_url(client, section):
    for number in range(25):
        PartnershipFactory(title=f"Gauteng {number:02d}", provinces=[Province.GAUTENG])
    PartnershipFactory(title="Elsewhere", provinces=[Province.LIMPOPO])

    response = client.get(f"{section.url}?province=gauteng")
    next_link = BeautifulSoup(response.content, "html.parser").select_one('a[rel="next"]')

    assert next_link["href"] == "?province=gauteng&page=2"
    second_page = listed_titles(client, section, "?province=gauteng&page=2")
    assert second_page == [f"Gauteng {number:02d}" for number in range(20, 25)]


def test_listing_queries_do_not_grow_with_the_number_of_partnerships(client, section):
    def queries_for_listing() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(section.url).status_code == 200
            assert client.get(f"{section.url}?q=partnership+a&province=gauteng").status_code == 200
        return len(queries)

    PartnershipFactory.create_batch(2)
    queries_for_listing()  # warm per-process caches (site root, content types)
    few = queries_for_listing()
    PartnershipFactory.create_batch(15, parties=[OrganisationFactory(), OrganisationFactory()])
    many = queries_for_listing()

    assert many == few


def test_profile_lives_at_the_reference_and_shows_public_facts(client, section):
    partnership = PartnershipFactory(title="Safer schools", summary="Patrols on school routes.")

    response = client.get(f"{section.url}{partnership.reference}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Safer schools</h1>" in html
    assert "Patrols on school routes." in html
    assert partnership.parties.get().organisation.name in html


def test_a_profiles_strategic_thrusts_lead_to_the_partnerships_that_serve_them(client, section):
    partnership = PartnershipFactory(
        title="Research thrust", thrusts=[StrategicThrust.RESEARCH_AGENDA]
    )
    PartnershipFactory(title="Another thrust", thrusts=[StrategicThrust.CPF_REPORTING])

    profile = BeautifulSoup(
        client.get(f"{section.url}{partnership.reference}/").content, "html.parser"
    )
    (link,) = profile.find(id="thrusts-heading").find_parent("section").select("li a")

    assert link.get_text() == StrategicThrust.RESEARCH_AGENDA.label
    assert listed_titles(client, section, link["href"].removeprefix(section.url)) == [
        "Research thrust"
    ]


def test_profile_never_shows_private_register_data(client, section):
    partnership = PartnershipFactory()
    organisation = partnership.parties.get().organisation
    RiskFactory(partnership=partnership, description="Secret risk about informants")
    CostFactory(partnership=partnership, description="Confidential payment", amount=987654)
    agreement = AgreementFactory(partnership=partnership, signatories="Jane Signatory")

    html = client.get(f"{section.url}{partnership.reference}/").content.decode()

    for private in (
        "Secret risk about informants",
        "Confidential payment",
        "987654",
        "987 654",
        "Jane Signatory",
        agreement.scan_sha256,
        agreement.signed_scan.name,
        organisation.contact.name,
        organisation.contact.email,
        organisation.contact.phone,
        "/admin/register/scans/",
    ):
        assert private not in html


def test_profile_and_its_index_entry_never_read_an_organisation_s_contacts(client, section):
    partnership = PartnershipFactory()
    organisation = partnership.parties.get().organisation

    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"{section.url}{partnership.reference}/").content.decode()
        kind = registry.get_kind("partnership")  # as a rebuild of the index reads it
        document = kind.project(kind.objects().get(pk=partnership.pk))
        delivered = delivery.project("partnership", partnership.pk)  # as a change reaches it

    assert organisation.name in html and organisation.name in document.body
    assert delivered == document
    read = " ".join(query["sql"] for query in queries)
    assert "knowledge_organisation" in read
    assert "knowledge_organisationcontact" not in read
    assert '"knowledge_organisation"."npo_number"' not in read


def test_internal_partnership_has_no_public_profile(client, section):
    internal = PartnershipFactory(visibility=Visibility.INTERNAL, title="Internal work")

    response = client.get(f"{section.url}{internal.reference}/")

    assert response.status_code == 404
    assert "Internal work" not in response.content.decode()


def test_unknown_reference_is_not_found(client, section):
    assert client.get(f"{section.url}CSPS-2099-9999/").status_code == 404


def test_section_child_pages_still_route_beside_profiles(client, section):
    child = StandardPageFactory(parent=section, title="How the register works", slug="how")
    assert client.get(child.url).status_code == 200


def test_home_page_figures_count_public_partnerships_only(client, section):
    PartnershipFactory(provinces=[Province.GAUTENG, Province.LIMPOPO])
    PartnershipFactory(visibility=Visibility.INTERNAL, provinces=[Province.FREE_STATE])

    soup = BeautifulSoup(client.get("/").content, "html.parser")
    figures = {
        figure.dt.get_text(strip=True): figure.dd.get_text(strip=True)
        for figure in soup.select("dl.figures .figure")
    }

    assert figures == {"Public partnerships": "1", "Active now": "1", "Provinces reached": "2"}


def test_home_page_figures_a_national_partnership_reaches_every_province(section):
    PartnershipFactory(provinces=[Province.NATIONAL])
    PartnershipFactory(provinces=[Province.GAUTENG], status=PartnershipStatus.EXPIRED)

    counts = register_counts(Partnership.objects.public())

    assert counts == {"total": 2, "active": 1, "provinces": len(Province.provinces_only())}


def test_home_page_figures_an_internal_register_reaches_nothing(section):
    PartnershipFactory(visibility=Visibility.INTERNAL, provinces=[Province.NATIONAL])

    counts = register_counts(Partnership.objects.public())

    assert counts == {"total": 0, "active": 0, "provinces": 0}
