"""Routing any page in two queries keeps Wagtail's rules: drafts are not found, a routable
page's own sub-URLs come before deeper pages, and the number of queries does not grow with the
page's depth."""

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from tests.dialogue.factories import DialogueSectionPageFactory
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory
from tests.portal.factories import StandardPageFactory
from tests.query_plans import sqlite_plan

pytestmark = pytest.mark.django_db


def chain(name: str, depth: int):
    page = StandardPageFactory(slug=name)
    for level in range(2, depth + 1):
        page = StandardPageFactory(parent=page, slug=f"level-{level}")
    return page


def test_a_deep_page_is_found_with_as_many_queries_as_a_shallow_one(client):
    shallow, deep = chain("shallow", 1), chain("deep", 6)
    assert client.get(deep.url).status_code == 200  # warm per-process caches

    counts = []
    for page in (shallow, deep):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(page.url).status_code == 200
        counts.append(len(queries))

    # Only the breadcrumbs' single ancestors query differs in its rows, not in its count.
    assert counts[0] == counts[1]


def test_drafts_and_missing_pages_are_not_found_and_live_children_of_drafts_are(client):
    parent = StandardPageFactory(slug="parent")
    child = StandardPageFactory(parent=parent, slug="child")
    parent.unpublish()

    assert client.get("/parent/").status_code == 404
    assert client.get("/parent/child/").status_code == 200  # as Wagtail's own walk has it
    assert client.get("/parent/nobody/").status_code == 404
    assert client.get("/nowhere/at/all/").status_code == 404
    assert child.live


def test_a_routable_pages_sub_url_comes_before_a_child_page_of_that_slug(client):
    section = PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(title="Routed profile")
    StandardPageFactory(parent=section, slug="organisations", title="A child page")
    organisation = partnership.parties.get().organisation

    response = client.get(f"{section.url}organisations/{organisation.pk}/")
    assert response.status_code == 200
    assert organisation.name.encode() in response.content
    assert b"A child page" in client.get(f"{section.url}organisations/").content


def breadcrumb_titles(response) -> list[str]:
    trail = response.content.decode().split('aria-label="Breadcrumb"', 1)[1].split("</nav>")[0]
    return [part.split("</a>")[0] for part in trail.split('">')[1:]]


def test_breadcrumbs_come_from_the_pages_routing_read_and_leave_out_drafts(client):
    top = StandardPageFactory(slug="top", title="Top")
    middle = StandardPageFactory(parent=top, slug="middle", title="Middle draft")
    bottom = StandardPageFactory(parent=middle, slug="bottom", title="Bottom")
    assert breadcrumb_titles(client.get(bottom.url)) == ["Home", "Top", "Middle draft", "Bottom"]

    middle.unpublish()

    assert breadcrumb_titles(client.get("/top/middle/bottom/")) == ["Home", "Top", "Bottom"]
    with CaptureQueriesContext(connection) as queries:
        client.get("/top/middle/bottom/")
    assert not any('"wagtailcore_page"."path" IN' in query["sql"] for query in queries)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="reads SQLite's query plan")
def test_routing_finds_the_pages_on_the_way_through_an_index_not_by_reading_the_tree(client):
    """Wagtail does not index ``url_path``; routing must not read every page to find a URL."""
    page = chain("indexed", 3)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page.url).status_code == 200
    routing = next(q["sql"] for q in queries if '"wagtailcore_page"."url_path" IN' in q["sql"])
    assert_uses_an_index(routing)


def assert_uses_an_index(sql: str):
    plan = sqlite_plan(sql)
    assert "USING INDEX" in plan and "SCAN wagtailcore_page" not in plan, plan


@pytest.fixture
def kept_structure(settings):
    """The page cache on, so that the site's structure is kept per generation."""
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    cache.clear()
    Client().get("/")  # the first request ever creates the footer's settings row (a change)
    yield
    caches["pages"].clear()
    cache.clear()


def routing_queries(queries) -> list[str]:
    return [q["sql"] for q in queries if '"wagtailcore_page"."url_path" IN' in q["sql"]]


def test_a_sections_own_addresses_are_routed_without_a_query_while_it_is_kept(
    client, kept_structure
):
    section = PartnershipsSectionPageFactory()
    first, second = PartnershipFactory(), PartnershipFactory()
    client.get(section.url)  # keeps the structure for this generation

    for partnership in (first, second):  # any of its addresses, not one remembered answer
        with CaptureQueriesContext(connection) as queries:
            response = client.get(f"{section.url}{partnership.reference}/")
        assert response.status_code == 200
        assert partnership.title.encode() in response.content
        assert routing_queries(queries) == []
        assert not any('"wagtailcore_page"."id" =' in q["sql"] for q in queries)

    # A child page the section does not answer for is read as a page below it.
    StandardPageFactory(parent=section, slug="guidance", title="Register guidance")
    with CaptureQueriesContext(connection) as queries:
        assert b"Register guidance" in client.get(f"{section.url}guidance/").content
    assert routing_queries(queries) == [] and len(reading("guidance", queries)) == 1


def reading(slug: str, queries) -> list[str]:
    """The queries that look a page up by this slug."""
    return [q["sql"] for q in queries if f"\"slug\" = '{slug}'" in q["sql"]]


def test_a_page_that_leads_somewhere_is_routed_without_a_query_and_a_leaf_with_one(
    client, kept_structure
):
    top = StandardPageFactory(slug="top", title="Top")
    index = StandardPageFactory(parent=top, slug="index", title="An index page")
    leaf = StandardPageFactory(parent=index, slug="leaf", title="A leaf page")
    client.get(index.url)  # keeps the structure for this generation

    with CaptureQueriesContext(connection) as queries:
        response = client.get(index.url)
    assert b"An index page" in response.content
    assert routing_queries(queries) == []
    assert breadcrumb_titles(response) == ["Home", "Top", "An index page"]

    # A leaf of the type its parent mostly holds is read in one query ...
    with CaptureQueriesContext(connection) as queries:
        response = client.get(leaf.url)
    assert b"A leaf page" in response.content
    assert routing_queries(queries) == [] and len(reading("leaf", queries)) == 1
    if connection.vendor == "sqlite":  # found through the slug's index, not by reading the tree
        assert_uses_an_index(reading("leaf", queries)[0])
    assert breadcrumb_titles(response) == ["Home", "Top", "An index page", "A leaf page"]
    assert client.get(f"{index.url}nobody/").status_code == 404
    leaf.unpublish()
    assert client.get(leaf.url).status_code == 404

    # ... and one of another type, or with a draft on the way, the usual way.
    dialogue = DialogueSectionPageFactory()
    StandardPageFactory(parent=dialogue, slug="about-dialogues", title="About the dialogues")
    with CaptureQueriesContext(connection) as queries:
        assert b"About the dialogues" in client.get(f"{dialogue.url}about-dialogues/").content
    assert len(routing_queries(queries)) == 1

    top.unpublish()  # a draft on the way: its live children are still found, as Wagtail has it
    response = client.get(index.url)
    assert response.status_code == 200
    assert breadcrumb_titles(response) == ["Home", "An index page"]
    assert client.get(top.url).status_code == 404


def test_a_kept_section_that_is_unpublished_or_restricted_stops_answering_at_once(
    client, kept_structure
):
    section = PartnershipsSectionPageFactory()
    partnership = PartnershipFactory()
    profile = f"{section.url}{partnership.reference}/"
    assert client.get(profile).status_code == 200

    PageViewRestriction.objects.create(page=section, restriction_type="login")
    response = client.get(profile)
    assert response.status_code == 302 and "login" in response["Location"]

    PageViewRestriction.objects.filter(page=section).delete()
    assert client.get(profile).status_code == 200
    section.unpublish()
    assert client.get(profile).status_code == 404
