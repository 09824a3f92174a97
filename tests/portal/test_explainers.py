"""Pages that explain themselves: glossary links where the terms appear, "How we rate evidence"
from every rating, the "Not yet rated" filter, share links, OpenGraph tags and print styles."""

from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from best_practice.models.choices import EvidenceRating, Structure
from portal.models import LINKED_TERMS
from tests.best_practice.factories import EvidenceGuidePageFactory, PracticePageFactory
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory
from tests.page_factories import PAGE_FACTORIES
from tests.portal.factories import GlossaryPageFactory, GlossaryTermFactory

pytestmark = pytest.mark.django_db


def soup(client, url) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


@pytest.fixture
def glossary():
    page = GlossaryPageFactory()
    for anchor, term in LINKED_TERMS.items():
        GlossaryTermFactory(page=page, term=term, anchor=anchor)
    return page


def test_glossary_lists_terms_at_their_anchors(client, glossary):
    page = soup(client, glossary.url)

    for anchor, term in LINKED_TERMS.items():
        assert page.find("dt", id=anchor).get_text() == term


def test_practice_links_settings_structures_and_ratings_to_their_explanations(client, glossary):
    guide = EvidenceGuidePageFactory()
    practice = PracticePageFactory(
        structures=[Structure.CPF, Structure.MUNICIPALITY],
        evidence_rating=EvidenceRating.PROMISING,
    )

    page = soup(client, practice.url)
    hrefs = {a.get_text(): a["href"] for a in page.find_all("a")}

    assert hrefs["Settings"] == f"{glossary.url}#settings"
    assert hrefs[Structure.CPF.label] == f"{glossary.url}#cpf"
    assert Structure.MUNICIPALITY.label not in hrefs  # no glossary entry: plain text
    assert hrefs["How we rate evidence"] == f"{guide.url}#rating"
    assert hrefs["How a priority is set"] == f"{guide.url}#priority"


def test_profile_links_level_and_thrusts_to_the_glossary(client, glossary):
    section = PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(thrusts=["3-research-agenda"])

    page = soup(client, f"{section.url}{partnership.reference}/")
    hrefs = {a["href"] for a in page.select("a.glossary-term")}

    assert hrefs == {f"{glossary.url}#partnership-levels", f"{glossary.url}#strategic-thrusts"}


def test_register_charts_link_levels_and_thrusts_to_the_glossary(client, glossary):
    section = PartnershipsSectionPageFactory()
    PartnershipFactory()

    page = soup(client, section.url)
    captions = {a.get_text(): a["href"] for a in page.select("figcaption a.glossary-term")}

    assert captions == {
        "By level": f"{glossary.url}#partnership-levels",
        "By strategic thrust": f"{glossary.url}#strategic-thrusts",
    }


def test_without_a_glossary_terms_are_plain_text(client):
    practice = PracticePageFactory(structures=[Structure.CPF])

    page = soup(client, practice.url)

    assert page.select("a.glossary-term") == []
    assert Structure.CPF.label in page.get_text()


def test_library_rating_links_to_the_guide_and_can_list_the_unrated(client):
    rated = PracticePageFactory(title="Rated one", evidence_rating=EvidenceRating.EFFECTIVE)
    PracticePageFactory(title="Unrated one", parent=rated.get_parent().specific)
    guide = EvidenceGuidePageFactory()
    library = rated.get_parent()

    page = soup(client, f"{library.url}?rating=unrated")

    titles = [a.get_text() for a in page.select(".card__title a")]
    assert "Unrated one" in titles
    assert "Rated one" not in titles
    assert page.find("a", string="Not yet rated")["href"] == f"{guide.url}#rating"


def test_evidence_guide_shows_the_priority_grid_from_the_formula(client):
    guide = EvidenceGuidePageFactory()

    page = soup(client, guide.url)
    rows = page.find("table", class_="priority-grid").tbody.find_all("tr")

    assert rows[0].th.get_text() == "5"
    assert [td.contents[0].strip() for td in rows[0].find_all("td")] == [
        "5",
        "10",
        "15",
        "20",
        "25",
    ]
    assert page.find(id="rating") and page.find(id="emmie") and page.find(id="priority")


@pytest.mark.parametrize("model", list(PAGE_FACTORIES), ids=lambda m: m.__name__)
def test_every_public_page_type_has_opengraph_tags(client, model):
    page = PAGE_FACTORIES[model]()

    head = soup(client, urlparse(page.url).path).head

    tags = [(m["property"], m["content"]) for m in head.find_all("meta", property=True)]
    og = dict(tags)
    assert len(og) == len(tags), "an OpenGraph property is given twice"
    assert og["og:title"] == (page.seo_title or page.title)
    assert og["og:url"] == f"http://testserver{urlparse(page.url).path}"
    assert og["og:type"] in {"website", "article"}
    assert head.find("link", rel="stylesheet", media="print") is not None


def test_share_links_need_no_third_party_script(client):
    practice = PracticePageFactory(title="Walking buses")

    page = soup(client, practice.url)
    share = page.find("aside", class_="share")

    links = [a["href"] for a in share.find_all("a")]
    assert links[0].startswith("mailto:?subject=Walking%20buses")
    assert links[1].startswith("https://wa.me/?text=Walking%20buses%20http")
    assert share.find("button", attrs={"data-copy-link": f"http://testserver{practice.url}"})
    assert all(s["src"].startswith("/static/") for s in page.find_all("script", src=True))
