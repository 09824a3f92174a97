"""The private page tree read once per request (portal/page_privacy.py) gives Wagtail's answers:
restricted pages stay out of listings and are refused when served, with the page cache off and
on, however the restriction is placed, and the next request after a change sees it."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from best_practice.models import PracticePage
from tests.best_practice.factories import PracticePageFactory
from tests.portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(params=["page cache off", "page cache on"])
def reader(request, client, settings):
    """An anonymous reader whose requests skip the rendered-page cache, so each one renders;
    with the page cache on, the private tree is also kept per generation between requests."""
    settings.PAGE_CACHE_SECONDS = 300 if request.param == "page cache on" else 0
    caches["default"].clear()
    caches["pages"].clear()
    client.cookies["messages"] = "keeps the rendered page out of the page cache"
    return client


def restrict(page, kind=PageViewRestriction.LOGIN, **fields):
    return PageViewRestriction.objects.create(page=page, restriction_type=kind, **fields)


def listed_titles(client, page) -> str:
    return client.get(page.url).content.decode()


def test_a_restricted_practice_leaves_the_listing_and_is_refused(reader):
    shown = PracticePageFactory(title="Farm watch patrols")
    hidden = PracticePageFactory(title="Quiet informant scheme")
    section = shown.get_parent()
    assert "Quiet informant scheme" in listed_titles(reader, section)

    restrict(hidden)

    listing = listed_titles(reader, section)
    assert "Farm watch patrols" in listing
    assert "Quiet informant scheme" not in listing
    refused = reader.get(hidden.url)
    assert refused.status_code == 302 and "login" in refused["Location"]
    assert reader.get(shown.url).status_code == 200


def test_a_restriction_on_a_section_covers_every_page_below_it(reader):
    practice = PracticePageFactory(title="Street lighting audit")
    section = practice.get_parent()
    assert reader.get(practice.url).status_code == 200

    restriction = restrict(section, PageViewRestriction.PASSWORD, password="s3cret")

    answer = reader.get(practice.url)
    assert answer.status_code == 200
    assert b"Street lighting audit" not in answer.content
    assert b'name="password"' in answer.content
    assert "Street lighting audit" not in listed_titles(reader, Page.objects.get(depth=2))

    restriction.delete()
    assert b"Street lighting audit" in reader.get(practice.url).content


def test_group_restrictions_admit_only_the_group(reader, django_user_model):
    practice = PracticePageFactory(title="Station lock-up checklist")
    restriction = restrict(practice, PageViewRestriction.GROUPS)
    commanders = Group.objects.create(name="Station commanders")
    restriction.groups.add(commanders)
    reader.force_login(django_user_model.objects.create_user("outsider"))

    refused = reader.get(practice.url)
    assert refused.status_code == 302 and "login" in refused["Location"]

    commander = django_user_model.objects.create_user("commander")
    commander.groups.add(commanders)
    reader.force_login(commander)
    assert b"Station lock-up checklist" in reader.get(practice.url).content


def test_an_alias_of_a_restricted_page_is_restricted_too(reader):
    source = StandardPageFactory(title="Internal briefing")
    elsewhere = StandardPageFactory(title="Public folder")
    alias = source.create_alias(parent=elsewhere, update_slug="briefing-copy")
    restrict(source)

    refused = reader.get(alias.url)

    assert refused.status_code == 302 and "login" in refused["Location"]


def test_public_lists_the_same_pages_as_wagtail(reader, rf):
    """The project's public() and Wagtail's own agree, for nested and overlapping restrictions."""
    practices = PracticePageFactory.create_batch(4)
    section = practices[0].get_parent()
    restrict(practices[1])
    restrict(practices[2], PageViewRestriction.PASSWORD, password="x")
    restrict(section.get_parent(), PageViewRestriction.LOGIN)  # the home page: everything

    wagtail = set(Page.objects.public().values_list("pk", flat=True))
    PageViewRestriction.objects.filter(page=section.get_parent()).delete()
    wagtail_after = set(Page.objects.public().values_list("pk", flat=True))
    listing = listed_titles(reader, section)

    assert wagtail == {Page.objects.get(depth=1).pk}
    shown = {page.title for page in practices if page.pk in wagtail_after}
    assert shown == {practices[0].title, practices[3].title}
    assert all(title in listing for title in shown)
    assert all(page.title not in listing for page in practices if page.title not in shown)


def test_the_tree_is_read_once_per_request_whatever_the_number_of_restrictions(reader):
    practices = PracticePageFactory.create_batch(3)
    section = practices[0].get_parent()
    reader.get(section.url)

    def restriction_reads():
        with CaptureQueriesContext(connection) as captured:
            assert reader.get(section.url).status_code == 200
        return sum("wagtailcore_pageviewrestriction" in query["sql"] for query in captured)

    before = restriction_reads()
    for practice in practices:
        restrict(practice)
    after = restriction_reads()

    assert before == after <= 1
    assert PracticePage.objects.live().public().count() == 0  # outside a request: Wagtail's
