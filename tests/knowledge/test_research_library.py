"""The research library for readers: filters in the URL, sorting, pagination, and the links
between publications, priorities and partnership profiles."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from knowledge.models import (
    PublicationDocument,
    PublicationPage,
    PublicationRecommendation,
    ResearchProject,
)
from knowledge.models.choices import Visibility
from knowledge.models.research_choices import Addressee, ProjectStatus
from portal.models import PortalDocument
from portal.taxonomy import Province, Setting
from tests.knowledge.factories import (
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
    ResearchPriorityPageFactory,
    research_library,
)

pytestmark = pytest.mark.django_db


def titles(client, query="") -> list[str]:
    response = client.get(research_library().url + query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [link.get_text(strip=True) for link in soup.select(".card-list .card__title a")]


@pytest.fixture
def shelf():
    priority = ResearchPriorityPageFactory(title="Early warning")
    first = PublicationPageFactory(
        title="Brief on patrols",
        publication_type="policy-brief",
        publication_date=datetime.date(2024, 5, 1),
        provinces=[Province.LIMPOPO],
        place_settings=[Setting.RURAL],
    )
    first.topics.add("patrols")
    first.save()
    PublicationPageFactory(
        title="Annual evaluation",
        publication_type="evaluation",
        publication_date=datetime.date(2025, 2, 1),
        provinces=[Province.GAUTENG],
        place_settings=[Setting.URBAN],
        priority=priority,
    )
    return priority


def test_newest_first_by_default_and_by_title_on_request(client, shelf):
    assert titles(client) == ["Annual evaluation", "Brief on patrols"]
    assert titles(client, "?sort=title") == ["Annual evaluation", "Brief on patrols"]
    PublicationPageFactory(title="Zulu-language guide", publication_date=datetime.date(2020, 1, 1))
    assert titles(client, "?sort=title")[-1] == "Zulu-language guide"
    assert titles(client)[-1] == "Zulu-language guide"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?type=policy-brief", ["Brief on patrols"]),
        ("?year=2025", ["Annual evaluation"]),
        ("?province=limpopo", ["Brief on patrols"]),
        ("?setting=urban", ["Annual evaluation"]),
        ("?topic=patrols", ["Brief on patrols"]),
    ],
)
def test_each_filter_narrows_the_library(client, shelf, query, expected):
    assert titles(client, query) == expected


def test_a_publications_provinces_settings_and_topics_lead_to_the_library_filtered_by_them(
    client, shelf
):
    brief = PublicationPage.objects.get(title="Brief on patrols")
    about = BeautifulSoup(client.get(brief.url).content, "html.parser").find(id="about-heading")
    links = {a.get_text(): a["href"] for a in about.find_parent("section").select("dd a")}
    library = research_library().url

    assert links == {
        "Limpopo": f"{library}?province=limpopo",
        "Rural": f"{library}?setting=rural",
        "patrols": f"{library}?topic=patrols",
    }
    for href in links.values():
        assert titles(client, href.removeprefix(library)) == ["Brief on patrols"]


def test_filter_by_priority(client, shelf):
    assert titles(client, f"?priority={shelf.pk}") == ["Annual evaluation"]


@pytest.mark.parametrize(
    "query",
    [
        "?type=novel",
        "?year=abc",
        "?year=1850",
        "?priority=x",
        "?topic=<b>",
        "?sort=random",
        "?page=-1",
    ],
)
def test_invalid_filter_values_are_ignored(client, shelf, query):
    assert sorted(titles(client, query)) == ["Annual evaluation", "Brief on patrols"]


def test_pagination_keeps_the_filters(client):
    for number in range(22):
        PublicationPageFactory(
            title=f"Report {number:02d}",
            publication_type="evaluation",
            publication_date=datetime.date(2024, 1, 1) + datetime.timedelta(days=number),
        )
    response = client.get(research_library().url + "?type=evaluation&sort=title")
    next_link = BeautifulSoup(response.content, "html.parser").select_one('a[rel="next"]')
    assert next_link["href"] == "?type=evaluation&sort=title&page=2"
    assert titles(client, "?type=evaluation&sort=title&page=2") == ["Report 20", "Report 21"]


def test_listing_queries_do_not_grow_with_the_number_of_publications(client):
    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(research_library().url).status_code == 200
        return len(queries)

    PublicationPageFactory.create_batch(2)
    count()
    few = count()
    PublicationPageFactory.create_batch(12, authors=["One Author", "Two Author"])
    assert count() == few


def test_a_card_shows_its_authors_in_order_and_its_date(client):
    PublicationPageFactory(
        title="Ordered authors",
        publication_date=datetime.date(2025, 3, 4),
        authors=["Zanele First", "Andile Second", "Thandi Third"],
    )
    soup = BeautifulSoup(client.get(research_library().url).content, "html.parser")
    (card,) = soup.select(".card-list .card")
    assert "Zanele First, Andile Second, Thandi Third" in card.get_text()
    assert str(card.select_one("time")) == '<time datetime="2025-03-04">4 March 2025</time>'


def test_priority_page_lists_the_publications_that_answer_it(client, shelf):
    html = client.get(shelf.url).content.decode()
    assert "Annual evaluation" in html
    assert "Brief on patrols" not in html


def test_publication_and_profile_link_to_each_other_but_never_name_internal_work(client):
    section = PartnershipsSectionPageFactory()
    public = PartnershipFactory(title="Safer schools")
    internal = PartnershipFactory(title="Confidential pilot", visibility=Visibility.INTERNAL)
    publication = PublicationPageFactory(title="School safety study")
    publication.partnerships.set([public, internal])
    publication.save_revision().publish()

    publication_html = client.get(publication.url).content.decode()
    profile_url = f"{section.url}{public.reference}/"
    assert f'href="{profile_url}"' in publication_html
    assert "Confidential pilot" not in publication_html
    assert internal.reference not in publication_html

    profile_html = client.get(profile_url).content.decode()
    assert "School safety study" in profile_html
    assert client.get(f"{section.url}{internal.reference}/").status_code == 404


def test_sitemap_lists_pages_and_public_profiles_only(client):
    section = PartnershipsSectionPageFactory()
    public = PartnershipFactory()
    internal = PartnershipFactory(visibility=Visibility.INTERNAL)
    publication = PublicationPageFactory()

    xml = client.get("/sitemap.xml").content.decode()

    assert publication.url in xml
    assert f"{section.url}{public.reference}/" in xml
    assert internal.reference not in xml


def test_a_document_whose_text_could_not_be_read_says_so(client):
    damaged = PortalDocument(title="Scan", file=ContentFile(b"%PDF-1.4 broken", name="scan.pdf"))
    damaged.save()
    publication = PublicationPageFactory()
    PublicationDocument.objects.create(publication=publication, document=damaged)

    html = client.get(publication.url).content.decode()

    assert "The PDF is damaged, so its text could not be read." in html


def test_priority_page_lists_its_projects_but_not_cancelled_ones(client):
    priority = ResearchPriorityPageFactory()
    ResearchProject.objects.create(
        title="School-route survey",
        priority=priority,
        summary="Surveying learners.",
        status=ProjectStatus.UNDER_WAY,
    )
    ResearchProject.objects.create(
        title="Dropped idea", priority=priority, summary="x", status=ProjectStatus.CANCELLED
    )

    html = client.get(priority.url).content.decode()

    assert "School-route survey" in html
    assert "Dropped idea" not in html


def test_a_project_cannot_end_before_it_starts():
    project = ResearchProject(
        title="x",
        priority=ResearchPriorityPageFactory(),
        summary="x",
        start_date=datetime.date(2026, 5, 1),
        end_date=datetime.date(2026, 4, 1),
    )
    with pytest.raises(ValidationError) as error:
        project.full_clean()
    assert "end_date" in error.value.message_dict


def test_recommendations_are_listed_per_body(client):
    publication = PublicationPageFactory(title="Patrol study")
    PublicationRecommendation.objects.create(
        publication=publication, text="Train patrollers together.", addressed_to=Addressee.SAPS
    )
    PublicationRecommendation.objects.create(
        publication=publication, text="Fund the forums.", addressed_to=Addressee.MUNICIPALITIES
    )
    library = research_library()

    everything = client.get(f"{library.url}recommendations/").content.decode()
    for_saps = client.get(f"{library.url}recommendations/saps/").content.decode()

    assert "Train patrollers together." in everything and "Fund the forums." in everything
    assert "Train patrollers together." in for_saps
    assert "Fund the forums." not in for_saps
    assert client.get(f"{library.url}recommendations/aliens/").status_code == 404


def test_home_page_shows_the_latest_research_newest_first(client):
    for year in (2021, 2023, 2024, 2025):
        PublicationPageFactory(title=f"Study {year}", publication_date=datetime.date(year, 1, 1))

    soup = BeautifulSoup(client.get("/").content, "html.parser")
    heading = soup.find("h2", string="Latest research")
    titles_shown = [a.get_text(strip=True) for a in heading.find_parent("section").select("h3 a")]

    assert titles_shown == ["Study 2025", "Study 2024", "Study 2023"]


def test_a_long_abstract_is_shortened_at_a_word_on_the_home_page_and_in_its_description(client):
    """Without an introduction, the card and the meta description take the abstract's first
    words, never a word cut in half."""
    abstract = " ".join(["Complaints about operations rarely reach the usual channels."] * 8)
    publication = PublicationPageFactory(title="Long abstract", introduction="", abstract=abstract)

    soup = BeautifulSoup(client.get("/").content, "html.parser")
    card = soup.find("a", string="Long abstract").find_parent("li")
    summary = card.find_all("p")[-1].get_text()
    described = BeautifulSoup(client.get(publication.url).content, "html.parser")
    description = described.find("meta", attrs={"name": "description"})["content"]

    for shortened, words in ((summary, 30), (description, 40)):
        assert shortened.endswith("…") and len(shortened.split()) == words
        assert abstract.startswith(shortened.removesuffix("…"))
        assert shortened.removesuffix("…").split()[-1] in abstract.split()


def filter_options(client, name: str) -> list[str]:
    soup = BeautifulSoup(client.get(research_library().url).content, "html.parser")
    return [option.get_text() for option in soup.select(f"select[name={name}] option")]


def test_filter_choices_kept_with_the_site_structure_follow_new_publications(
    client, shelf, settings
):
    """With the page cache on, the years, topics and priorities are read once per generation;
    a publication published or made private changes them on the next read."""
    settings.PAGE_CACHE_SECONDS = 300
    client.cookies["messages"] = "renders every request"
    assert filter_options(client, "year") == ["All years", "2025", "2024"]

    newer = PublicationPageFactory(title="New study", publication_date=datetime.date(2026, 3, 1))
    newer.topics.add("street lighting")
    newer.save_revision().publish()

    assert filter_options(client, "year") == ["All years", "2026", "2025", "2024"]
    assert "street lighting" in filter_options(client, "topic")
    assert filter_options(client, "priority") == ["All priorities", "Early warning"]

    PageViewRestriction.objects.create(page=newer, restriction_type=PageViewRestriction.LOGIN)
    assert filter_options(client, "year") == ["All years", "2025", "2024"]
    assert "street lighting" not in filter_options(client, "topic")


def results_heading(client, query: str = "") -> str:
    soup = BeautifulSoup(client.get(research_library().url + query).content, "html.parser")
    return soup.select_one("#library-results-heading").get_text()


def test_the_total_kept_with_the_site_structure_follows_publishing_and_privacy(
    client, shelf, settings
):
    """With the page cache on, the unfiltered total is counted once per generation; a filtered
    total is always counted, and publishing or restricting a publication changes both."""
    settings.PAGE_CACHE_SECONDS = 300
    client.cookies["messages"] = "renders every request"
    client.get(research_library().url)  # the first request saves the site's default settings
    assert results_heading(client) == "2 publications"
    assert results_heading(client, "?province=limpopo") == "1 publication"
    with CaptureQueriesContext(connection) as queries:
        assert results_heading(client) == "2 publications"
    assert not [q for q in queries if "COUNT(" in q["sql"]], "the kept total was counted again"

    newer = PublicationPageFactory(title="New study", provinces=[Province.LIMPOPO])
    newer.save_revision().publish()
    assert results_heading(client) == "3 publications"
    assert results_heading(client, "?province=limpopo") == "2 publications"

    PageViewRestriction.objects.create(page=newer, restriction_type=PageViewRestriction.LOGIN)
    assert results_heading(client) == "2 publications"
    newer.unpublish()
    PageViewRestriction.objects.all().delete()
    assert results_heading(client) == "2 publications"


@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_a_publication_never_names_a_draft_or_private_priority(client, hide):
    priority = ResearchPriorityPageFactory(title="Unannounced priority")
    publication = PublicationPageFactory(title="Study", priority=priority)
    shown = client.get(publication.url).content.decode()
    assert f'href="{priority.url}">Unannounced priority</a>' in shown
    if hide == "unpublish":
        priority.unpublish()
    else:
        PageViewRestriction.objects.create(page=priority, restriction_type="login")
    html = client.get(publication.url).content.decode()
    assert "Unannounced priority" not in html
    assert "Answers the research priority" not in html
