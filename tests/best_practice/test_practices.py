"""The practice library: evidence in both directions, filters, the matrix, validation, tree rules
and query counts."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from best_practice.models import (
    BestPracticeSectionPage,
    EvidenceGuidePage,
    EvidenceItem,
    MasterClassPage,
    MasterClassSectionPage,
    PracticePage,
)
from knowledge.models.choices import Visibility
from portal.models import HomePage, StandardPage
from portal.taxonomy import Province, Setting, StrategyCategory
from tests.best_practice.factories import (
    MasterClassPageFactory,
    PracticePageFactory,
    master_class_section,
    practice_library,
)
from tests.knowledge.factories import (
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
)
from tests.query_plans import sqlite_plan


def soup(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def listed(client, query=""):
    page = soup(client, practice_library().url + query)
    return [a.get_text(strip=True) for a in page.select(".card-list .card__title a")]


class PracticeTreeTests(WagtailPageTestCase):
    def test_practices_and_master_classes_live_in_their_sections(self):
        self.assertAllowedParentPageTypes(PracticePage, {BestPracticeSectionPage})
        self.assertAllowedParentPageTypes(MasterClassPage, {MasterClassSectionPage})
        self.assertAllowedSubpageTypes(
            BestPracticeSectionPage, {PracticePage, EvidenceGuidePage, StandardPage}
        )
        self.assertAllowedSubpageTypes(MasterClassSectionPage, {MasterClassPage, StandardPage})
        self.assertCanNotCreateAt(HomePage, PracticePage)
        self.assertCanNotCreateAt(MasterClassSectionPage, PracticePage)


def practice_form(**overrides):
    data = {
        "title": "Joint patrols",
        "slug": "joint-patrols",
        "introduction": "",
        "body": streamfield([]),
        "strategy_category": "patrol",
        "problem": "Stock theft.",
        "summary": "Patrols.",
        "mechanism": "Visibility.",
        "implementation_steps": "Plan",
        "evidence_rating": "",
        "evidence_strength": "",
        "expected_impact": "3",
        "ease_of_implementation": "3",
        "evidence_items": inline_formset([]),
    }
    data.update(overrides)
    # Multiple-choice values go in as a list, beside the flattened form data.
    return {
        **nested_form_data(data),
        "place_settings": ["rural"],
        "action-publish": "action-publish",
    }


class PracticeEditorTests(WagtailPageTestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
        self.library = practice_library()
        self.url = f"/admin/pages/add/best_practice/practicepage/{self.library.pk}/"

    def refused(self, **overrides) -> str:
        response = self.client.post(self.url, practice_form(**overrides))
        self.assertEqual(response.status_code, 200)
        self.assertFalse(PracticePage.objects.exists())
        return response.content.decode()

    def test_a_rating_without_evidence_is_refused(self):
        html = self.refused(evidence_rating="effective")
        self.assertIn("A rating needs at least one evidence item", html)

    def test_impact_and_ease_must_be_between_one_and_five(self):
        html = self.refused(expected_impact="6", ease_of_implementation="0")
        self.assertEqual(html.count("Use a score from 1 to 5."), 2)

    def test_an_internal_partnership_cannot_be_cited(self):
        internal = PartnershipFactory(visibility=Visibility.INTERNAL)
        html = self.refused(
            evidence_rating="promising",
            evidence_items=inline_formset(
                [
                    {
                        "partnership": internal.pk,
                        "publication": "",
                        "outcome": "x",
                        "effect": "improved",
                        "note": "",
                    }
                ]
            ),
        )
        self.assertIn(f"{internal.reference} is internal to the register", html)

    def test_an_evidence_item_must_cite_something(self):
        html = self.refused(
            evidence_items=inline_formset(
                [
                    {
                        "partnership": "",
                        "publication": "",
                        "outcome": "x",
                        "effect": "improved",
                        "note": "",
                    }
                ]
            )
        )
        self.assertIn("Cite the register partnership or the publication", html)

    def test_a_rated_practice_with_public_evidence_is_published_with_its_priority(self):
        partnership = PartnershipFactory()
        response = self.client.post(
            self.url,
            practice_form(
                evidence_rating="promising",
                expected_impact="5",
                ease_of_implementation="4",
                evidence_items=inline_formset(
                    [
                        {
                            "partnership": partnership.pk,
                            "publication": "",
                            "outcome": "Theft",
                            "effect": "improved",
                            "note": "",
                        }
                    ]
                ),
            ),
        )
        self.assertEqual(response.status_code, 302)
        practice = PracticePage.objects.get()
        self.assertTrue(practice.live)
        self.assertEqual(practice.priority_score, 20)
        self.assertEqual(practice.evidence_items.get().partnership, partnership)


@pytest.mark.django_db
def test_evidence_links_run_both_ways(client):
    section = PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(title="Orlando patrols")
    publication = PublicationPageFactory(title="Patrol evaluation")
    practice = PracticePageFactory(title="Night patrols")
    EvidenceItem.objects.create(
        practice=practice,
        partnership=partnership,
        publication=publication,
        outcome="Street robberies",
        effect="improved",
    )

    practice_page = soup(client, practice.url)
    profile_url = f"{section.url}{partnership.reference}/"
    assert practice_page.find("a", href=profile_url).get_text() == "Orlando patrols"
    assert practice_page.find("a", href=publication.url) is not None

    profile = soup(client, profile_url)
    heading = profile.find("h2", string="Outcomes recorded in the best-practice library")
    row = heading.find_next("table").tbody.tr
    assert [cell.get_text() for cell in row.find_all("td")] == [
        "Street robberies",
        "Improved",
        "Night patrols",
    ]
    assert row.find("a", href=practice.url) is not None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?category=legitimacy-based", ["Liaison"]),
        ("?setting=informal-settlement", ["Lighting"]),
        ("?province=gauteng", ["Liaison"]),
        ("?rating=effective", ["Lighting"]),
        ("?structure=csf", ["Forum plans"]),
        ("?category=nonsense&rating=%3Cb%3E", ["Forum plans", "Liaison", "Lighting"]),
    ],
)
def test_filters_narrow_the_library(client, query, expected):
    PracticePageFactory(
        title="Liaison",
        strategy_category=StrategyCategory.LEGITIMACY_BASED,
        place_settings=[Setting.URBAN],
        provinces_implemented=[Province.GAUTENG],
    )
    PracticePageFactory(
        title="Lighting",
        strategy_category=StrategyCategory.TARGET_HARDENING,
        place_settings=[Setting.INFORMAL_SETTLEMENT],
        evidence_rating="effective",
    )
    PracticePageFactory(title="Forum plans", structures=["csf"])
    assert sorted(listed(client, query)) == expected


@pytest.mark.django_db
def test_a_practices_strategy_settings_and_provinces_lead_to_the_library_filtered_by_them(
    client,
):
    liaison = PracticePageFactory(
        title="Liaison",
        strategy_category=StrategyCategory.LEGITIMACY_BASED,
        place_settings=[Setting.URBAN],
        provinces_implemented=[Province.GAUTENG],
    )
    PracticePageFactory(title="Lighting", place_settings=[Setting.INFORMAL_SETTLEMENT])
    library = liaison.get_parent().url

    page = BeautifulSoup(client.get(liaison.url).content, "html.parser")
    facts = page.select_one("dl.facts")
    links = {a.get_text(): a["href"] for a in facts.select("dd a") if "?" in a["href"]}

    assert links == {
        StrategyCategory.LEGITIMACY_BASED.label: f"{library}?category=legitimacy-based",
        Setting.URBAN.label: f"{library}?setting=urban",
        Province.GAUTENG.label: f"{library}?province=gauteng",
    }
    for href in links.values():
        assert listed(client, href.removeprefix(library)) == ["Liaison"]


@pytest.mark.django_db
def test_sorting_by_priority_and_by_rating(client):
    PracticePageFactory(
        title="Low priority",
        expected_impact=1,
        ease_of_implementation=2,
        evidence_rating="effective",
    )
    PracticePageFactory(
        title="High priority", expected_impact=5, ease_of_implementation=5, evidence_rating="mixed"
    )
    PracticePageFactory(title="Unrated", expected_impact=3, ease_of_implementation=3)

    assert listed(client) == ["High priority", "Unrated", "Low priority"]
    assert listed(client, "?sort=rating") == ["Low priority", "High priority", "Unrated"]


@pytest.mark.django_db
def test_matrix_counts_practices_per_category_and_setting(client):
    PracticePageFactory(strategy_category="patrol", place_settings=["rural", "urban"])
    PracticePageFactory(strategy_category="patrol", place_settings=["rural"])
    draft = PracticePageFactory(strategy_category="patrol", place_settings=["rural"])
    draft.unpublish()

    table = soup(client, practice_library().url).select_one("table.matrix")
    settings = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    patrol_row = next(
        row for row in table.select("tbody tr") if row.th.get_text(strip=True) == "Patrol"
    )
    counts = dict(
        zip(settings, [td.get_text(strip=True) for td in patrol_row.select("td")], strict=True)
    )

    assert counts == {
        "Urban": "1",
        "Suburban": "0",
        "Peri-urban": "0",
        "Informal settlement": "0",
        "Rural": "2",
    }
    assert patrol_row.find("a", string="2")["href"] == "?category=patrol&setting=rural"


MATRIX_READ = 'SELECT "best_practice_practicepage"."strategy_category" AS "strategy_category"'


def patrol_rural(client) -> str:
    """The matrix's count of patrol practices in a rural setting."""
    table = soup(client, practice_library().url).select_one("table.matrix")
    settings = [th.get_text(strip=True) for th in table.select("thead th")][1:]
    row = next(row for row in table.select("tbody tr") if row.th.get_text(strip=True) == "Patrol")
    return row.select("td")[settings.index("Rural")].get_text(strip=True)


@pytest.mark.django_db
def test_matrix_kept_with_the_site_structure_follows_publishing_and_privacy(client, settings):
    """With the page cache on, the matrix is counted once per generation (it reads every
    practice); publishing, unpublishing or restricting a practice changes it on the next read."""
    settings.PAGE_CACHE_SECONDS = 300
    client.cookies["messages"] = "renders every request"
    PracticePageFactory(strategy_category="patrol", place_settings=["rural"])
    client.get(practice_library().url)  # the first request saves the site's default settings
    assert patrol_rural(client) == "1"
    with CaptureQueriesContext(connection) as queries:
        assert patrol_rural(client) == "1"
    matrix_reads = [q for q in queries if q["sql"].startswith(MATRIX_READ)]
    assert not matrix_reads, "the matrix was counted again"

    newer = PracticePageFactory(strategy_category="patrol", place_settings=["rural"])
    assert patrol_rural(client) == "2"

    PageViewRestriction.objects.create(page=newer, restriction_type=PageViewRestriction.LOGIN)
    assert patrol_rural(client) == "1"
    PageViewRestriction.objects.all().delete()
    assert patrol_rural(client) == "2"
    newer.unpublish()
    assert patrol_rural(client) == "1"


@pytest.mark.django_db
def test_listing_queries_do_not_grow_with_the_number_of_practices(client):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(practice_library().url).status_code == 200
        return len(queries)

    PracticePageFactory.create_batch(2)
    count()
    few = count()
    PracticePageFactory.create_batch(15)
    assert count() == few


@pytest.mark.django_db
@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_the_default_order_reads_the_priority_index_instead_of_sorting_every_practice(client):
    PracticePageFactory.create_batch(3)
    with CaptureQueriesContext(connection) as queries:
        client.get(practice_library().url)
    order = 'ORDER BY "best_practice_practicepage"."priority_score" DESC'
    listing = next(q["sql"] for q in queries if order in q["sql"])

    plan = sqlite_plan(listing, analyse=True)
    # Only ties (the same priority) are sorted by title as the rows are read.
    assert "INDEX practice_priority_first" in plan, plan
    assert "USE TEMP B-TREE FOR ORDER BY" not in plan, plan


@pytest.mark.django_db
def test_master_classes_are_split_into_upcoming_and_past(client):
    today = timezone.localdate()
    MasterClassPageFactory(title="Next month", start_date=today + datetime.timedelta(days=30))
    MasterClassPageFactory(title="Last year", start_date=today - datetime.timedelta(days=365))

    page = soup(client, master_class_section().url)
    upcoming = page.find("h2", string="Upcoming master classes").find_parent("section")
    past = page.find("h2", string="Past master classes").find_parent("section")

    assert [a.get_text() for a in upcoming.select("h3 a")] == ["Next month"]
    assert [a.get_text() for a in past.select("h3 a")] == ["Last year"]


@pytest.mark.django_db
def test_a_master_class_needs_a_place_and_sensible_dates():
    master_class = MasterClassPageFactory.build(
        venue="",
        online_link="",
        start_date=datetime.date(2027, 3, 2),
        end_date=datetime.date(2027, 3, 1),
    )
    with pytest.raises(ValidationError) as error:
        master_class.clean()
    assert set(error.value.message_dict) == {"venue", "end_date"}


@pytest.mark.django_db
def test_a_practice_is_dated_in_the_sites_time_zone_in_search():
    """Published at 00:30 on New Year's Day in Johannesburg (22:30 UTC the day before): its
    search date, and so its year facet, is the new year's."""
    from best_practice.search import project_practice

    practice = PracticePageFactory()
    published = datetime.datetime(2025, 12, 31, 22, 30, tzinfo=datetime.UTC)
    practice.first_published_at = practice.last_published_at = published

    assert project_practice(practice).date == datetime.date(2026, 1, 1)


@pytest.mark.django_db
@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_evidence_never_names_a_draft_or_private_publication(client, hide):
    publication = PublicationPageFactory(title="Unreleased evaluation")
    practice = PracticePageFactory(title="Night patrols")
    EvidenceItem.objects.create(
        practice=practice, publication=publication, outcome="Robberies", effect="improved"
    )
    assert soup(client, practice.url).find("a", href=publication.url) is not None
    if hide == "unpublish":
        publication.unpublish()
    else:
        PageViewRestriction.objects.create(page=publication, restriction_type="login")
    html = client.get(practice.url).content.decode()
    assert "Robberies" in html  # the evidence is still shown, without the publication
    assert "Unreleased evaluation" not in html
