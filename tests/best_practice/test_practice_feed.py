"""The best-practice library's feeds of new practices: they parse, carry only public practices,
newest first, and the library's page points to them."""

import feedparser
import pytest
from bs4 import BeautifulSoup
from wagtail.models import PageViewRestriction

from tests.best_practice.factories import PracticePageFactory, practice_library

pytestmark = pytest.mark.django_db

AWKWARD = 'Patrols & "safe" <routes> for learners'


def test_the_feeds_parse_and_carry_public_practices_newest_first(client):
    older = PracticePageFactory(title="Older practice")
    newer = PracticePageFactory(title=AWKWARD, evidence_rating="")
    PracticePage = type(newer)
    PracticePage.objects.filter(pk=older.pk).update(first_published_at="2025-01-01T09:00Z")
    PracticePage.objects.filter(pk=newer.pk).update(first_published_at="2026-01-01T09:00Z")
    draft = PracticePageFactory(title="Draft practice")
    draft.unpublish()
    private = PracticePageFactory(title="Private practice")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    library = practice_library()

    for suffix in ("feed/", "feed/atom/"):
        response = client.get(f"{library.url}{suffix}")
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.get("bozo_exception")
        assert [entry.title for entry in feed.entries] == [AWKWARD, "Older practice"]
        assert feed.entries[0].link.endswith(newer.url)
        assert feed.feed.title == f"{library.title}: new practices"
    rss = feedparser.parse(client.get(f"{library.url}feed/").content)
    assert "Not yet rated" in [tag.term for tag in rss.entries[0].tags]


def test_the_library_page_points_to_its_feeds(client):
    library = practice_library()
    page = BeautifulSoup(client.get(library.url).content, "html.parser")

    alternates = {link["type"]: link["href"] for link in page.select("link[rel=alternate]")}
    assert alternates == {
        "application/rss+xml": f"{library.url}feed/",
        "application/atom+xml": f"{library.url}feed/atom/",
    }
    subscribe = page.find("a", string="Subscribe to new practices (RSS)")
    assert subscribe["href"] == f"{library.url}feed/"
