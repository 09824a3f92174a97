"""Editors' promoted results, and what the admin learns about readers' searches."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.core.management import call_command
from django.urls import reverse
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from search.models import UnansweredQuery
from search.statistics import tally
from tests.knowledge.factories import PublicationPageFactory
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def promote(text, page=None, **fields):
    return SearchPromotion.objects.create(query=Query.get(text), page=page, **fields)


def test_promoted_pages_come_first_for_their_query(client):
    guide = StandardPageFactory(title="How to start a forum")
    promote("forum", page=guide, description="Start here.", sort_order=0)
    promote(
        "forum",
        external_link_url="https://example.org/guide",
        external_link_text="Guide",
        sort_order=1,
    )

    data = client.get("/search/", {"q": "Forum", "format": "json"}).json()

    assert [p["title"] for p in data["promoted"]] == ["How to start a forum", "Guide"]
    assert data["promoted"][0]["description"] == "Start here."
    html = client.get("/search/", {"q": "forum"}).content.decode()
    assert "Recommended by the editors" in html


def test_unpublished_or_private_pages_are_never_promoted(client):
    draft = StandardPageFactory(title="Draft page")
    draft.unpublish()
    private = StandardPageFactory(title="Staff page")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    promote("forum", page=draft)
    promote("forum", page=private)

    data = client.get("/search/", {"q": "forum", "format": "json"}).json()

    assert data["promoted"] == []


def test_searches_are_counted_and_unanswered_ones_reported(client):
    PublicationPageFactory(title="Patrol study")
    PublicationPageFactory(title="Night patrol study")
    call_command("rebuild_search_index", stdout=io.StringIO())
    for _ in range(2):
        client.get("/search/", {"q": "zebra crossings"})
    client.get("/search/", {"q": "patrol"})
    # no result has two of its three words: answered with "patrol" alone, and reported
    assert client.get("/search/", {"q": "patrol zebu quasar", "format": "json"}).json()["relaxed"]
    # one result has two of them (the other follows with one): answered, not reported
    topped_up = client.get("/search/", {"q": "night patrol quasar", "format": "json"}).json()
    assert (topped_up["relaxed"], topped_up["enough_words"], topped_up["total"]) == (True, 1, 2)

    assert Query.get("zebra crossings").hits == 2
    admin = get_user_model().objects.create_superuser("boss", "", "pw")
    client.force_login(admin)
    report = client.get(reverse("search_unanswered_queries")).content.decode()
    assert "<td>zebra crossings</td><td>2</td>" in report
    assert "<td>patrol zebu quasar</td><td>1</td>" in report
    assert "<td>patrol</td>" not in report
    assert "night patrol quasar" not in report


def test_the_report_is_for_signed_in_editors_only(client):
    response = client.get(reverse("search_unanswered_queries"))
    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_searches_answered_from_the_page_cache_are_counted_too(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    client.get("/")  # the first request creates the footer's settings row (a change)

    states = [client.get("/search/", {"q": "zebra crossings"})["X-Page-Cache"] for _ in range(3)]
    json_states = [
        client.get("/search/", {"q": "zebra crossings", "format": "json"})["X-Page-Cache"]
        for _ in range(2)
    ]

    assert states == ["miss", "hit", "hit"] and json_states == ["miss", "hit"]
    assert Query.get("zebra crossings").hits == 5
    assert UnansweredQuery.objects.get(query_string="zebra crossings").hits == 5


def test_a_promotion_chosen_after_a_search_shows_on_the_next_one(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    caches["default"].clear()
    guide = StandardPageFactory(title="How to start a forum")
    assert client.get("/search/", {"q": "forum", "format": "json"}).json()["promoted"] == []

    promote("forum", page=guide)

    data = client.get("/search/", {"q": "forum", "format": "json"}).json()
    assert [item["title"] for item in data["promoted"]] == ["How to start a forum"]


def test_searches_are_tallied_in_the_worker_and_written_together(client, settings):
    settings.SEARCH_COUNT_SECONDS = 3600
    tally.write()  # start a fresh window

    for text in ("zebra crossings", "Zebra  crossings", "street lights"):
        client.get("/search/", {"q": text})

    assert not Query.objects.filter(query_string="zebra crossings").exists()
    tally.write()  # as the first search after the window, or the worker stopping, does
    assert Query.get("zebra crossings").hits == 2
    assert Query.get("street lights").hits == 1
    assert UnansweredQuery.objects.get(query_string="zebra crossings").hits == 2
