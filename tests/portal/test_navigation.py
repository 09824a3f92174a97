"""The header menu, breadcrumbs and footer follow the page tree and the site settings."""

import pytest
from bs4 import BeautifulSoup
from wagtail import hooks as wagtail_hooks
from wagtail.models import PageViewRestriction, Site

from portal.home_sections import HOME_SECTIONS_HOOK, HomeSection
from portal.models import FooterSettings
from tests.dialogue.factories import CommitmentFactory, DialogueEventPageFactory, dialogue_section
from tests.knowledge.factories import PartnershipsSectionPageFactory, ResearchSectionPageFactory
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def soup_of(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def menu_titles(soup) -> list[str]:
    return [link.get_text(strip=True) for link in soup.select("nav.main-menu a")]


def test_menu_lists_live_public_sections_in_tree_order(client):
    ResearchSectionPageFactory(show_in_menus=True)
    PartnershipsSectionPageFactory(show_in_menus=True)
    StandardPageFactory(title="About", show_in_menus=False)
    draft = StandardPageFactory(title="Draft section", show_in_menus=True)
    draft.unpublish()
    private = StandardPageFactory(title="Staff only", show_in_menus=True)
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    assert menu_titles(soup_of(client, "/")) == ["Research", "Partnerships"]


def test_menu_marks_the_current_page_and_the_current_section(client):
    research = ResearchSectionPageFactory(show_in_menus=True)
    child = StandardPageFactory(parent=research, title="Agenda 2026")

    on_section = soup_of(client, research.url).select_one("nav.main-menu a")
    assert on_section["aria-current"] == "page"

    on_child = soup_of(client, child.url).select_one("nav.main-menu a")
    assert "aria-current" not in on_child.attrs
    assert "is-current-section" in on_child["class"]


def test_breadcrumbs_lead_from_home_to_the_current_page(client):
    research = ResearchSectionPageFactory()
    child = StandardPageFactory(parent=research, title="Agenda 2026")

    crumbs = soup_of(client, child.url).select("nav.breadcrumbs a")

    assert [crumb.get_text(strip=True) for crumb in crumbs] == ["Home", "Research", "Agenda 2026"]
    assert crumbs[-1]["aria-current"] == "page"
    assert soup_of(client, "/").select("nav.breadcrumbs") == []


def crumbs_of(client, url) -> list[tuple[str, str, bool]]:
    """Each crumb's text, address ('' when not a link) and whether it marks the current page."""
    return [
        (crumb.get_text(strip=True), crumb.get("href", ""), crumb.get("aria-current") == "page")
        for crumb in BeautifulSoup(client.get(url).content, "html.parser").select(
            "nav.breadcrumbs li > *"
        )
    ]


def test_a_pages_sub_addresses_continue_its_breadcrumbs_and_only_the_last_is_current(client):
    """The tracker and a commitment are addresses of the dialogue section page, not the page
    itself: the trail goes on beneath it, and the section is no longer marked current."""
    commitment = CommitmentFactory(promise="Map the most dangerous school routes in the district")
    section = dialogue_section()
    tracker = f"{section.url}commitments/"

    assert crumbs_of(client, tracker) == [
        ("Home", "/", False),
        (section.title, section.url, False),
        ("Commitments tracker", tracker, True),
    ]
    assert crumbs_of(client, f"{tracker}{commitment.pk}/")[2:] == [
        ("Commitments tracker", tracker, False),
        ("Map the most dangerous school routes in the …", f"{tracker}{commitment.pk}/", True),
    ]


def test_a_one_time_address_ends_the_breadcrumbs_without_a_link(client):
    event = DialogueEventPageFactory(registration_enabled=True)

    crumbs = crumbs_of(client, f"{event.url}cancel/?token=forged")  # refused, with its trail

    assert crumbs[-2] == (event.title, event.url, False)
    assert crumbs[-1] == ("Cancel your place", "", True)


def test_footer_shows_contact_details_and_the_privacy_notice(client):
    notice = StandardPageFactory(title="Privacy notice (POPIA)")
    FooterSettings.objects.create(
        site=Site.objects.get(is_default_site=True),
        contact_email="partnerships@example.gov.za",
        contact_phone="012 000 0000",
        privacy_notice_page=notice,
    )

    footer = soup_of(client, "/").select_one("footer.site-footer")

    assert footer.select_one('a[href="mailto:partnerships@example.gov.za"]') is not None
    assert footer.select_one('a[href="tel:0120000000"]') is not None
    assert footer.find("a", string="Privacy notice (POPIA)")["href"] == notice.url


def test_footer_hides_an_unpublished_privacy_notice(client):
    notice = StandardPageFactory(title="Privacy notice (POPIA)")
    FooterSettings.objects.create(
        site=Site.objects.get(is_default_site=True), privacy_notice_page=notice
    )
    notice.unpublish()

    assert soup_of(client, "/").find("a", string="Privacy notice (POPIA)") is None


class Item:
    def __init__(self, title, url):
        self.title, self.url = title, url


def test_home_shows_sections_from_apps_and_hides_empty_ones(client):
    def latest_research(request, home):
        return HomeSection(
            title="Latest research",
            items=[Item("Policing and sex workers' rights", "/research/policing/")],
            more_url="/research/",
            more_label="All research",
        )

    def upcoming_dialogues(request, home):
        return HomeSection(title="Upcoming dialogues", items=[])

    def register_figures(request, home):
        return HomeSection(
            title="The register", items=[("Active partnerships", 12)], kind="figures", order=1
        )

    hooks = [
        (HOME_SECTIONS_HOOK, fn) for fn in (latest_research, upcoming_dialogues, register_figures)
    ]
    with wagtail_hooks.register_temporarily(hooks):
        soup = soup_of(client, "/")

    headings = [h2.get_text(strip=True) for h2 in soup.select("main h2")]
    assert headings[:2] == ["The register", "Latest research"]
    assert "Upcoming dialogues" not in headings
    assert soup.select_one("dl.figures dd").get_text(strip=True) == "12"
    assert soup.find("a", string="All research")["href"] == "/research/"
