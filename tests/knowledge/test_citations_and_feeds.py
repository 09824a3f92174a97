"""Feeds, citation downloads and structured data parse with standard tools, whatever a title
contains."""

import datetime
import json

import bibtexparser
import feedparser
import pytest
import rispy
from bs4 import BeautifulSoup

from tests.knowledge.factories import PublicationPageFactory, research_library

pytestmark = pytest.mark.django_db

AWKWARD_TITLE = 'Braces {and} 100% "quotes", <tags> & R&D_costs #1 ~ </script><!--'


@pytest.fixture
def awkward():
    publication = PublicationPageFactory(
        title=AWKWARD_TITLE,
        abstract="Line one.\nLine two with } a stray brace.",
        publication_date=datetime.date(2025, 9, 1),
        doi="10.1234/spkp-2025",
        authors=["Thandiwe Mokoena", "Johan van der Merwe"],
    )
    publication.topics.add("policing")
    publication.save()
    return publication


def test_rss_and_atom_feeds_parse_and_keep_the_title(client, awkward):
    library = research_library()
    for suffix in ("feed/", "feed/atom/"):
        response = client.get(f"{library.url}{suffix}")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert [entry.title for entry in feed.entries] == [AWKWARD_TITLE]
        assert feed.entries[0].link.endswith(awkward.url)


def test_topic_feed_only_carries_that_topic(client, awkward):
    PublicationPageFactory(title="Unrelated")
    library = research_library()

    topic = feedparser.parse(client.get(f"{library.url}topics/policing/feed/").content)
    everything = feedparser.parse(client.get(f"{library.url}feed/").content)

    assert [entry.title for entry in topic.entries] == [AWKWARD_TITLE]
    assert len(everything.entries) == 2
    assert client.get(f"{library.url}topics/no-such-topic/feed/").status_code == 404


def test_bibtex_download_parses_with_the_title_intact(client, awkward):
    response = client.get(f"{awkward.url}cite/bibtex/")

    assert response["Content-Type"].startswith("application/x-bibtex")
    library = bibtexparser.parse_string(response.content.decode())
    assert not library.failed_blocks
    (entry,) = library.entries
    assert entry.entry_type == "techreport"
    assert entry["doi"] == "10.1234/spkp-2025"
    assert entry["author"] == "Thandiwe Mokoena and Johan van der Merwe"
    # LaTeX escapes keep the braces balanced; removing them gives back the title.
    unescaped = entry["title"].replace("\\textbackslash{}", "\\").replace("\\~{}", "~")
    for special in "{}&%$#_":
        unescaped = unescaped.replace("\\" + special, special)
    assert unescaped == AWKWARD_TITLE


def test_ris_download_parses(client, awkward):
    response = client.get(f"{awkward.url}cite/ris/")

    (entry,) = rispy.loads(response.content.decode())
    assert entry["type_of_reference"] == "RPRT"
    assert entry["title"] == AWKWARD_TITLE
    assert entry["authors"] == ["Thandiwe Mokoena", "Johan van der Merwe"]
    assert entry["year"] == "2025"
    assert entry["abstract"] == "Line one. Line two with } a stray brace."


def test_page_shows_a_formatted_reference_and_valid_json_ld(client, awkward):
    soup = BeautifulSoup(client.get(awkward.url).content, "html.parser")

    reference = soup.select_one(".cite__reference").get_text()
    assert reference.startswith("Thandiwe Mokoena and Johan van der Merwe (2025).")
    assert "https://doi.org/10.1234/spkp-2025" in reference

    scripts = soup.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "Report"
    assert data["name"] == AWKWARD_TITLE
    assert data["datePublished"] == "2025-09-01"
    assert [author["name"] for author in data["author"]] == [
        "Thandiwe Mokoena",
        "Johan van der Merwe",
    ]
    assert "</script>" not in scripts[0].string

    assert soup.find("meta", property="og:title")["content"] == AWKWARD_TITLE
    assert soup.find("meta", property="og:type")["content"] == "article"


def test_case_studies_are_scholarly_articles(client):
    case_study = PublicationPageFactory(publication_type="case-study")
    soup = BeautifulSoup(client.get(case_study.url).content, "html.parser")
    data = json.loads(soup.find("script", type="application/ld+json").string)
    assert data["@type"] == "ScholarlyArticle"


def library_references(client, kind: str, query: str = ""):
    response = client.get(f"{research_library().url}cite/{kind}/{query}")
    assert response.status_code == 200
    assert 'filename="research-library-' in response["Content-Disposition"]
    return b"".join(response.streaming_content).decode()


def test_the_library_downloads_the_references_its_filters_select(client, awkward):
    from wagtail.models import PageViewRestriction

    PublicationPageFactory(title="A guideline", publication_type="guideline")
    PublicationPageFactory(title="Unpublished study").unpublish()
    private = PublicationPageFactory(title="Private study")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    library = research_library()

    ris = rispy.loads(library_references(client, "ris"))
    bibtex = bibtexparser.parse_string(library_references(client, "bibtex"))
    guidelines = rispy.loads(library_references(client, "ris", "?type=guideline"))

    assert sorted(entry["title"] for entry in ris) == sorted([AWKWARD_TITLE, "A guideline"])
    assert not bibtex.failed_blocks and len(bibtex.entries) == 2
    assert [entry["title"] for entry in guidelines] == ["A guideline"]
    assert client.get(f"{library.url}cite/xml/").status_code == 404
    page = BeautifulSoup(client.get(f"{library.url}?type=guideline").content, "html.parser")
    links = [a["href"] for a in page.select("p.download a")]
    assert links == [
        f"{library.url}cite/ris/?type=guideline",
        f"{library.url}cite/bibtex/?type=guideline",
    ]


@pytest.mark.parametrize("count", [1, 12])
def test_the_library_s_references_take_the_same_queries_for_one_or_many(
    client, count, django_assert_max_num_queries
):
    for number in range(count):
        publication = PublicationPageFactory(authors=[f"Author {number}"])
        publication.topics.add("policing")
        publication.save()

    # routing, the filters' choices (years, topics, priorities, as the library reads them), the
    # publications with their authors and topics: the same for one publication as for twelve
    with django_assert_max_num_queries(13):
        assert len(rispy.loads(library_references(client, "ris"))) == count
