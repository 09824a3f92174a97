"""When a partnership was made public: the register keeps the moment, its profile and the public
spreadsheet show it, the list sorts by it, and the register's feed dates the partnership by it
(a partnership kept internal for years is news on the day it is made public)."""

import datetime
import importlib
import io

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import call_command
from django.utils import timezone

from knowledge.models import Partnership
from knowledge.models.choices import Visibility
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory
from tests.knowledge.test_public_partnerships import listed_titles
from tests.knowledge.test_register_download import download

pytestmark = pytest.mark.django_db

LONG_AGO = datetime.datetime(2019, 5, 2, 9, 0, tzinfo=datetime.UTC)


@pytest.fixture
def section():
    return PartnershipsSectionPageFactory()


def made_public(partnership, **save):
    partnership.visibility = Visibility.PUBLIC
    partnership.save(**save)
    partnership.refresh_from_db()
    return partnership


def registered_long_ago(**fields):
    """An internal partnership registered in 2019 and never shown."""
    partnership = PartnershipFactory(visibility=Visibility.INTERNAL, **fields)
    Partnership.objects.filter(pk=partnership.pk).update(created_at=LONG_AGO)
    partnership.refresh_from_db()
    return partnership


def test_the_register_dates_a_partnership_the_first_time_it_is_made_public():
    partnership = registered_long_ago()
    assert partnership.made_public_at is None  # internal: never public

    before = timezone.now()
    made_public(partnership, update_fields=["visibility"])  # kept even by a narrow save
    first = partnership.made_public_at
    assert before <= first <= timezone.now()

    # Withdrawn and shown again, it is still dated from the first time readers could see it.
    partnership.visibility = Visibility.INTERNAL
    partnership.save()
    made_public(partnership)
    assert partnership.made_public_at == first

    created_public = PartnershipFactory(visibility=Visibility.PUBLIC)
    assert created_public.made_public_at is not None


def test_the_migration_dates_partnerships_already_public_by_their_registration():
    migration = importlib.import_module("knowledge.migrations.0011_partnership_made_public_at")
    shown = PartnershipFactory(visibility=Visibility.PUBLIC)
    hidden = PartnershipFactory(visibility=Visibility.INTERNAL)
    Partnership.objects.update(made_public_at=None)  # as the release before this one left them

    migration.date_public_partnerships(apps, schema_editor=None)

    shown.refresh_from_db()
    hidden.refresh_from_db()
    assert shown.made_public_at == shown.created_at
    assert hidden.made_public_at is None


def test_the_profile_and_the_spreadsheet_say_since_when_it_is_public(client, section):
    partnership = made_public(registered_long_ago(title="Night patrols"))
    today = timezone.localdate(partnership.made_public_at)

    page = BeautifulSoup(
        client.get(f"{section.url}{partnership.reference}/").content, "html.parser"
    )
    public_since = page.find("dt", string="Public since").find_next_sibling("dd")
    assert public_since.time["datetime"] == today.isoformat()

    _, (row,) = download(client, section)
    assert row["Public since"] == today.isoformat()  # the day, not the moment


def test_the_list_shows_the_latest_made_public_first(client, section):
    PartnershipFactory(title="Registered and shown last year")
    Partnership.objects.update(made_public_at=LONG_AGO)
    PartnershipFactory(title="Shown last week")
    made_public(registered_long_ago(title="Kept internal for years"))

    assert listed_titles(client, section, "?sort=public") == [
        "Kept internal for years",
        "Shown last week",
        "Registered and shown last year",
    ]
    # Each card says the date the list is in the order of; by reference, none.
    cards = BeautifulSoup(client.get(f"{section.url}?sort=public").content, "html.parser")
    dates = [p.get_text(" ", strip=True) for p in cards.select(".card p.meta") if p.time]
    assert dates[-1] == "Public since 2 May 2019"
    newest = BeautifulSoup(client.get(f"{section.url}?sort=newest").content, "html.parser")
    assert newest.select(".card p.meta time")[0].parent.get_text(strip=True).startswith("Started")
    plain = BeautifulSoup(client.get(section.url).content, "html.parser")
    assert not plain.select(".card p.meta time")


def test_the_register_s_feed_announces_a_partnership_when_it_is_made_public(client, section):
    PartnershipFactory(title="Registered and shown at once")
    waited = registered_long_ago(title="Kept internal for years")
    made_public(waited)
    call_command("rebuild_search_index", stdout=io.StringIO())

    page = BeautifulSoup(client.get(section.url).content, "html.parser")
    response = client.get(page.find("a", string="RSS")["href"])
    feed = feedparser.parse(response.content)

    assert [entry.title for entry in feed.entries] == [
        "Kept internal for years",  # registered first, but news only now
        "Registered and shown at once",
    ]
    shown = datetime.datetime(*feed.entries[0].published_parsed[:6], tzinfo=datetime.UTC)
    assert abs(shown - waited.made_public_at) < datetime.timedelta(seconds=1)
