"""Any search as a feed: a reader follows new evidence about a partnership, a place or a subject
(RSS and Atom), and a feed shows nothing a search would not show an anonymous reader."""

import calendar
import datetime
import email.utils
import io
from urllib.parse import quote

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.core.cache import caches
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from knowledge.models import PartnershipsSectionPage, PublicationPage
from knowledge.models.choices import Visibility
from tests.best_practice.factories import MasterClassPageFactory, PracticePageFactory
from tests.knowledge.factories import (
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
)

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


def published(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def cited():
    """A public partnership in the Eastern Cape cited by two studies, the older one added to the
    portal last, and other patrol evidence elsewhere."""
    PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(title="Mthatha school patrols", provinces=["eastern-cape"])
    for title, year in (("Patrols a year on", 2026), ("Patrols on school routes", 2024)):
        study = PublicationPageFactory(
            title=title,
            abstract="What patrols changed for learners <and> parents.",
            provinces=["eastern-cape"],
            publication_date=datetime.date(year, 3, 1),
        )
        study.partnerships.add(partnership)
        published(study)  # the second is added last, though dated two years before the first
    published(PracticePageFactory(title="Rural patrols", summary="Farmers and police patrol."))
    call_command("rebuild_search_index", stdout=io.StringIO())
    return partnership


def test_the_search_page_offers_its_search_as_a_feed_of_the_newest_results(client, cited):
    page = BeautifulSoup(
        client.get("/search/", {"q": "patrols", "province": "eastern-cape", "page": 1}).content,
        "html.parser",
    )
    rss = page.select_one('head link[type="application/rss+xml"]')["href"]
    atom = page.select_one('head link[type="application/atom+xml"]')["href"]
    assert page.find("a", string="RSS")["href"] == rss
    assert rss.startswith("/search/feed/?") and atom.startswith("/search/feed/atom/?")
    assert "page=" not in rss and "sort=" not in rss

    for url in (rss, atom):
        _, feed = parsed(client, url)
        assert feed.feed.title == "Search: “patrols”, Province: Eastern Cape"
        # What appeared on the portal last comes first, whatever its own date; only what
        # matches the words and the filter (not the rural practice).
        assert [entry.title for entry in feed.entries] == [
            "Patrols on school routes",  # dated 2024, added last
            "Patrols a year on",  # dated 2026, added before it
            "Mthatha school patrols",  # registered first
        ]
        latest = PublicationPage.objects.get(title="Patrols on school routes")
        assert feed.entries[0].link == "http://testserver" + latest.url
        assert feed.entries[0].tags[0].term == "Publication"
        # Escaped once for HTML and once more for XML: read as HTML, as feed readers do, the
        # summary says what was typed.
        assert feed.entries[0].summary == "What patrols changed for learners &lt;and&gt; parents."
        # Dated when it appeared on the portal (to the second).
        assert calendar.timegm(feed.entries[0].published_parsed) == int(
            latest.first_published_at.timestamp()
        )
    # The feed links to the search it follows, and to itself with its question.
    assert feed.feed.link == "http://testserver/search/?q=patrols&province=eastern-cape"
    assert [link.href for link in feed.feed.links if link.rel == "self"] == [
        "http://testserver" + atom.replace("&amp;", "&")
    ]


def test_the_search_page_sorts_by_what_was_newly_added_as_its_feeds_do(client, cited):
    by_relevance = BeautifulSoup(client.get("/search/", {"q": "patrols"}).content, "html.parser")
    newly_added = by_relevance.find("a", string="newly added")["href"]
    assert "sort=added" in newly_added

    page = BeautifulSoup(client.get("/search/" + newly_added).content, "html.parser")
    assert page.select_one(".search-results strong").get_text() == "newly added"
    results = page.select(".search-results h3 a")
    assert [link.get_text(strip=True) for link in results] == [
        "Rural patrols",  # published last
        "Patrols on school routes",  # dated 2024, added after the 2026 study
        "Patrols a year on",
        "Mthatha school patrols",  # registered first
    ]
    latest = PublicationPage.objects.get(title="Patrols on school routes")
    added = timezone.localdate(latest.first_published_at).isoformat()
    meta = results[1].find_parent("li").select(".meta time")
    assert [time["datetime"] for time in meta] == ["2024-03-01", added]  # its date, and added

    data = client.get("/search/", {"q": "patrols", "sort": "added", "format": "json"}).json()
    assert data["results"][1]["added"] == latest.first_published_at.isoformat()
    assert data["results"][1]["date"] == "2024-03-01"


def test_a_profile_links_to_a_feed_of_new_evidence_about_the_partnership(client, cited):
    profile_url = PartnershipsSectionPage.objects.get().profile_url(cited)
    page = BeautifulSoup(client.get(profile_url).content, "html.parser")
    follow = page.find("a", string="RSS")["href"]

    _, feed = parsed(client, follow)
    assert feed.feed.title == "New on the portal: Partnership: Mthatha school patrols"
    titles = [entry.title for entry in feed.entries]
    assert titles == ["Patrols on school routes", "Patrols a year on"]


def test_a_feed_follows_what_was_asked_not_what_a_search_offers_when_little_matches(client, cited):
    # The page answers with results that have one of the words, and says so ...
    answer = client.get("/search/", {"q": "learners farmers lighting", "format": "json"}).json()
    assert answer["relaxed"] and answer["total"] > 0
    # ... the feed waits for something that has them both.
    _, feed = parsed(client, "/search/feed/?q=learners+farmers+lighting")
    assert feed.entries == []


def test_a_feed_shows_nothing_an_anonymous_reader_may_not_see(client, cited):
    internal = PartnershipFactory(
        title="Covert patrols with informants", visibility=Visibility.INTERNAL
    )
    hidden = PublicationPageFactory(title="Patrols under review", abstract="Patrols.")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    PublicationPageFactory(title="Patrols draft", live=False)
    call_command("rebuild_search_index", stdout=io.StringIO())

    for url in ("/search/feed/?q=patrols", "/search/feed/atom/?q=covert"):
        response, feed = parsed(client, url)
        body = response.content.decode()
        assert "Covert" not in body and "under review" not in body and "draft" not in body
    _, feed = parsed(client, "/search/feed/?q=patrols")
    assert "Patrols a year on" in [entry.title for entry in feed.entries]

    # Asked by an internal partnership's reference: its name is never read into the title.
    response, feed = parsed(client, f"/search/feed/?partnership={internal.reference}")
    assert feed.feed.title == f"New on the portal: Partnership: {internal.reference}"
    assert feed.entries == [] and "Covert" not in response.content.decode()


def test_words_from_the_url_are_never_markup_in_a_feed(client, cited):
    words = '<a href="https://evil.example/">verify your account</a>'
    _, rss = parsed(client, f"/search/feed/?q={quote(words)}")
    _, atom = parsed(client, f"/search/feed/atom/?q={quote(words)}")
    assert rss.feed.title == atom.feed.title == f"Search: “{words}”"
    # RSS readers take the description as HTML: it is HTML that reads as the words typed.
    assert rss.feed.description_detail.type == "text/html"
    assert "“&lt;a href=" in rss.feed.description and "<a" not in rss.feed.description
    # Atom's subtitle is declared plain text, which readers show as it is.
    assert atom.feed.subtitle_detail.type == "text/plain"
    assert f"“{words}”" in atom.feed.subtitle


def test_a_feed_is_dated_by_its_latest_addition_and_every_atom_entry_says_when(client, cited):
    MasterClassPageFactory(title="Patrols master class", start_date=datetime.date(2099, 3, 1))
    master_class = published(MasterClassPageFactory._meta.model.objects.get())
    call_command("rebuild_search_index", stdout=io.StringIO())

    response, feed = parsed(client, "/search/feed/atom/?q=patrols")
    assert feed.entries[0].title == "Patrols master class"  # added last; held in 2099
    modified = email.utils.parsedate_to_datetime(response["Last-Modified"])
    updated = datetime.datetime.fromisoformat(feed.feed.updated)
    for moment in (modified, updated):
        assert moment.replace(microsecond=0) == master_class.first_published_at.replace(
            microsecond=0
        )
    assert len(feed.entries) == 5
    assert all(entry.updated == entry.published for entry in feed.entries)


def test_a_cached_feed_shows_what_is_published_after_it_was_read(client, cited, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    client.get("/search/feed/?q=patrols")
    assert client.get("/search/feed/?q=patrols")["X-Page-Cache"] == "hit"

    published(
        PublicationPageFactory(
            title="Patrols ten years ago", publication_date=datetime.date(2016, 11, 1)
        )
    )
    from search.delivery import drain

    drain()
    _, feed = parsed(client, "/search/feed/?q=patrols")
    assert feed.entries[0].title == "Patrols ten years ago"


def test_the_register_offers_a_feed_of_newly_registered_partnerships(client, cited):
    PartnershipFactory(title="Soweto lights", provinces=["gauteng"])
    internal = Visibility.INTERNAL
    PartnershipFactory(title="Hidden liaison", provinces=["gauteng"], visibility=internal)
    call_command("rebuild_search_index", stdout=io.StringIO())
    section = PartnershipsSectionPage.objects.get()

    page = BeautifulSoup(client.get(section.url).content, "html.parser")
    follow = page.find("a", string="RSS")["href"]
    assert follow == page.select_one('head link[type="application/rss+xml"]')["href"]
    _, feed = parsed(client, follow)
    assert feed.feed.title == "New on the portal: Type: Partnership"
    assert [entry.title for entry in feed.entries] == ["Soweto lights", "Mthatha school patrols"]

    # Narrowed to a province, the list offers that province's new partnerships.
    page = BeautifulSoup(
        client.get(section.url, {"province": "gauteng", "status": "active"}).content, "html.parser"
    )
    link = page.find("a", string="RSS")
    assert "partnerships newly added to the register in Gauteng" in link.parent.get_text()
    _, feed = parsed(client, link["href"])
    assert feed.feed.title == "New on the portal: Type: Partnership, Province: Gauteng"
    assert [entry.title for entry in feed.entries] == ["Soweto lights"]


def test_a_search_that_finds_nothing_yet_can_be_followed_until_something_matches(client, cited):
    page = BeautifulSoup(client.get("/search/", {"q": "xylophone"}).content, "html.parser")
    link = page.find("a", string="RSS")
    assert "Or follow this search, to hear when something matches it" in link.parent.get_text()
    assert link["href"] == page.select_one('head link[type="application/rss+xml"]')["href"]
    _, feed = parsed(client, link["href"])
    assert feed.feed.title == "Search: “xylophone”" and feed.entries == []

    published(PracticePageFactory(title="Xylophone lessons for youth at risk"))
    from search.delivery import drain

    drain()
    _, feed = parsed(client, link["href"])
    assert [entry.title for entry in feed.entries] == ["Xylophone lessons for youth at risk"]
    # Browsing everything offers a feed of everything new.
    browse = BeautifulSoup(client.get("/search/").content, "html.parser")
    _, feed = parsed(client, browse.select_one('head link[type="application/rss+xml"]')["href"])
    assert feed.feed.title == "New on the portal: everything"
    assert feed.entries[0].title == "Xylophone lessons for youth at risk"
