"""Organisations' public pages: only for those in a public partnership, linked wherever they are
named, listing public partnerships only, and never showing the contact person."""

import datetime

import pytest
from bs4 import BeautifulSoup

from knowledge.models.choices import Visibility
from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def section():
    return PartnershipsSectionPageFactory()


def soup(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def test_page_shows_public_facts_and_public_partnerships_only(client, section):
    organisation = OrganisationFactory(name="Soweto Safety NGO", website="https://ngo.example")
    public = PartnershipFactory(title="Open patrols", parties=[organisation])
    PartnershipFactory(
        title="Confidential pilot", parties=[organisation], visibility=Visibility.INTERNAL
    )
    practice = PracticePageFactory(title="Walking buses")
    practice.evidence_items.create(partnership=public, outcome="Robberies", effect="improved")
    practice.save_revision().publish()

    page = soup(client, section.organisation_url(organisation))

    assert page.h1.get_text() == "Soweto Safety NGO"
    listed = page.find("h2", string="Public partnerships it takes part in").find_next("ul")
    assert [a.get_text() for a in listed.find_all("a")] == ["Open patrols"]
    practices = page.find("h2", string="Practices its partnerships give evidence for")
    assert practices.find_next("a").get_text() == "Walking buses"
    text = page.get_text()
    for private in ["Confidential pilot", "Thandi Private", "thandi.private@", "082 555 0101"]:
        assert private not in text


def test_organisation_only_in_internal_partnerships_has_no_page(client, section):
    hidden = OrganisationFactory()
    PartnershipFactory(parties=[hidden], visibility=Visibility.INTERNAL)
    loner = OrganisationFactory()

    for organisation in (hidden, loner):
        assert client.get(section.organisation_url(organisation)).status_code == 404


def test_profile_links_each_party_to_its_page(client, section):
    first, second = OrganisationFactory(name="First NGO"), OrganisationFactory(name="Second NGO")
    partnership = PartnershipFactory(parties=[first, second])

    page = soup(client, f"{section.url}{partnership.reference}/")

    links = page.find("h2", string="Who takes part").find_next("ul").find_all("a")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("First NGO", section.organisation_url(first)),
        ("Second NGO", section.organisation_url(second)),
    ]


def test_sitemap_lists_public_organisations_only(client, section):
    shown = OrganisationFactory()
    PartnershipFactory(parties=[shown])
    hidden = OrganisationFactory()
    PartnershipFactory(parties=[hidden], visibility=Visibility.INTERNAL)

    sitemap = client.get("/sitemap.xml").content.decode()

    assert f"organisations/{shown.pk}/" in sitemap
    assert f"organisations/{hidden.pk}/" not in sitemap


def test_assessments_of_its_partnerships_are_dated_in_the_site_s_time_zone(client, section):
    from reference_group.models import AssessmentStatus
    from tests.reference_group.factories import AssessmentFactory

    organisation = OrganisationFactory()
    partnership = PartnershipFactory(parties=[organisation])
    late = datetime.datetime(2025, 5, 31, 23, 30, tzinfo=datetime.UTC)  # 1 June in Johannesburg
    group = AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        published_at=late,
    ).group
    # Published with no date recorded (the field allows none): listed undated, not an error.
    AssessmentFactory(
        partnership=partnership, status=AssessmentStatus.ACCEPTED, published=True, group=group
    )

    page = soup(client, section.organisation_url(organisation))

    listed = page.find("h2", string="Independent assessments of its partnerships").find_next("ul")
    items = [item.get_text(" ", strip=True) for item in listed.find_all("li")]
    assert len(items) == 2
    assert any("1 June 2025" in item for item in items)
    assert not any("31 May" in item for item in items)


def test_the_commitments_it_made_are_listed_as_the_tracker_lists_them(client, section):
    from tests.dialogue.factories import CommitmentFactory, dialogue_section

    dialogue_section()
    today = datetime.date.today()
    police = OrganisationFactory(name="Station command")
    PartnershipFactory(title="Open patrols", parties=[police])
    done = CommitmentFactory(
        promise="Open a victim room", made_by_organisation=police, status="done"
    )
    late = CommitmentFactory(
        promise="Fix the lights",
        made_by_organisation=police,
        due_date=today - datetime.timedelta(days=3),
    )
    soon = CommitmentFactory(
        promise="Train CPF members",
        made_by_organisation=police,
        due_date=datetime.date(2099, 3, 1),
        status="in-progress",
    )
    CommitmentFactory(promise="Not yet published", made_by_organisation=police, live=False)
    CommitmentFactory(promise="Someone else's promise")

    page = soup(client, section.organisation_url(police))
    made = page.find("h2", string="Commitments it made").find_next("ul")
    items = [" ".join(li.get_text(" ", strip=True).split()) for li in made.find_all("li")]

    assert [a["href"] for a in made.find_all("a")] == [
        f"/national-dialogue/commitments/{c.pk}/" for c in (late, soon, done)
    ]
    assert items == [
        "Fix the lights (Open, overdue)",
        "Train CPF members (In progress, due 1 March 2099)",
        "Open a victim room (Done)",
    ]
    assert "Not yet published" not in page.get_text()
    assert "Someone else" not in page.get_text()
    # and back: the commitment's page links its maker to this page
    commitment = soup(client, f"/national-dialogue/commitments/{late.pk}/")
    maker = commitment.find("dt", string="Made by").find_next("dd")
    assert maker.a["href"] == section.organisation_url(police)


def test_a_commitment_links_no_organisation_known_only_from_internal_partnerships(client, section):
    from tests.dialogue.factories import CommitmentFactory, dialogue_section

    dialogue_section()
    quiet = OrganisationFactory(name="Quiet unit")
    PartnershipFactory(parties=[quiet], visibility=Visibility.INTERNAL)
    commitment = CommitmentFactory(made_by_organisation=quiet, made_by_office="")

    page = soup(client, f"/national-dialogue/commitments/{commitment.pk}/")
    maker = page.find("dt", string="Made by").find_next("dd")
    assert maker.get_text() == "Quiet unit" and maker.a is None


def test_page_lists_its_latest_partnerships_and_links_to_all_of_them(client, section):
    organisation = OrganisationFactory(name="Orlando Station")
    for number in range(23):
        PartnershipFactory(
            title=f"Patrol {number:02d}",
            parties=[organisation],
            start_date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
        )
    PartnershipFactory(title="Confidential pilot", parties=[organisation], visibility="internal")
    PartnershipFactory(title="Someone else's")

    page = soup(client, section.organisation_url(organisation))
    listed = page.find("h2", string="Public partnerships it takes part in").find_next("ul")
    titles = [a.get_text() for a in listed.find_all("a")]
    assert titles == [f"Patrol {number:02d}" for number in range(22, 2, -1)]
    assert "The latest 20 of 23" in page.get_text()
    every_one = page.find("a", string="All 23 in the register")["href"]

    register = soup(client, every_one)
    heading = register.select_one("#partnership-results-heading").get_text()
    assert heading == "23 partnerships that Orlando Station takes part in"
    cards = [a.get_text() for a in register.select(".card__title a")]
    assert cards[:2] == ["Patrol 22", "Patrol 21"]  # newest first, as the page listed them
    next_page = register.select_one('a[rel="next"]')["href"]
    assert f"partner={organisation.pk}" in next_page
    # Filtering again keeps the organisation: the form carries it.
    kept = register.select_one('form.filters input[type="hidden"][name="partner"]')
    assert kept["value"] == str(organisation.pk)
    text = register.get_text()
    assert "Confidential pilot" not in text and "Someone else's" not in text


@pytest.mark.parametrize("kind", ["internal only", "unknown", "not a number"])
def test_the_register_refuses_a_partner_readers_may_not_know_of_alike(client, section, kind):
    hidden = OrganisationFactory(name="Quiet Informants Network")
    PartnershipFactory(title="Confidential pilot", parties=[hidden], visibility="internal")
    PartnershipFactory(title="Open patrols")
    value = {"internal only": hidden.pk, "unknown": hidden.pk + 1000, "not a number": "x"}[kind]

    register = soup(client, f"{section.url}?partner={value}")

    error = register.select_one("#id_partner_error").get_text()
    assert error == "Partner: No organisation in the public register has it. Not applied."
    assert [a.get_text() for a in register.select(".card__title a")] == ["Open patrols"]
    assert not register.select('input[name="partner"]')
    assert "Quiet Informants" not in register.get_text()
