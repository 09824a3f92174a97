"""A master class page names its facilitators' organisations and partner institutions, live
and in an editor's preview of unsaved changes, without reading their contact people; before it
starts, it says how to take part."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.formats import date_format

from best_practice.models import Facilitator
from tests.best_practice.factories import MasterClassPageFactory
from tests.knowledge.factories import OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def master_class():
    page = MasterClassPageFactory(title="Joint patrols")
    page.facilitators.add(
        Facilitator(name="Nomsa Facilitator", organisation=OrganisationFactory(name="Safety NGO"))
    )
    page.partner_institutions.add(OrganisationFactory(name="Training College"))
    page.save_revision().publish()
    return page


def test_the_page_names_organisations_without_reading_their_contacts(client, master_class):
    with CaptureQueriesContext(connection) as queries:
        html = client.get(master_class.url).content.decode()

    for shown in ("Nomsa Facilitator", "Safety NGO", "Training College"):
        assert shown in html
    read = " ".join(query["sql"] for query in queries)
    assert '"knowledge_organisation"."name"' in read
    assert "knowledge_organisationcontact" not in read


def test_an_editor_previews_unsaved_facilitators(master_class):
    draft = master_class.specific
    draft.facilitators.add(Facilitator(name="Unsaved Facilitator"))
    draft.partner_institutions.add(OrganisationFactory(name="Unsaved Institution"))
    draft.save_revision()
    preview = master_class.get_latest_revision_as_object()  # children in memory, not saved
    request = RequestFactory().get(master_class.url)
    request.user = get_user_model().objects.create_superuser("ed", "ed@example.org", "pw")

    response = preview.serve_preview(request, preview.default_preview_mode)

    html = response.render().content.decode()
    assert response.status_code == 200
    for shown in ("Nomsa Facilitator", "Unsaved Facilitator", "Unsaved Institution"):
        assert shown in html


def days_from_today(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def taking_part(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    heading = soup.find(id="taking-part-heading")
    return " ".join(heading.find_parent("section").get_text().split()) if heading else None


def test_an_upcoming_class_says_how_to_take_part_until_applications_close(client):
    page = MasterClassPageFactory(
        start_date=days_from_today(30),
        how_to_take_part="Provincial secretariats nominate up to four people.",
        application_url="https://forms.example.gov.za/master-class",
        contact_email="classes@example.gov.za",
        applications_close=days_from_today(10),
    )
    section = (
        BeautifulSoup(client.get(page.url).content, "html.parser")
        .find(id="taking-part-heading")
        .find_parent("section")
    )

    text = " ".join(section.get_text().split())
    assert "Provincial secretariats nominate up to four people." in text
    assert f"Applications close {date_format(days_from_today(10))}." in text
    assert section.find("a", string="Apply or nominate someone")["href"] == page.application_url
    assert section.find("a", href="mailto:classes@example.gov.za") is not None
    listing = client.get(page.get_parent().url).content.decode()
    assert "Apply by" in listing

    page.applications_close = days_from_today(-1)
    page.save_revision().publish()
    closed = taking_part(client, page)
    assert closed.startswith(
        f"How to take part Applications closed on {date_format(days_from_today(-1))}."
    )
    assert "nominate" not in closed and "Questions: classes@example.gov.za" in closed
    assert "Apply by" not in client.get(page.get_parent().url).content.decode()


def test_a_class_that_started_or_offers_no_way_in_says_nothing_of_taking_part(client):
    started = MasterClassPageFactory(
        start_date=days_from_today(0), how_to_take_part="Nominations through the province."
    )
    silent = MasterClassPageFactory(start_date=days_from_today(30))

    assert taking_part(client, started) is None
    assert taking_part(client, silent) is None


def test_applications_cannot_close_after_the_class_starts():
    page = MasterClassPageFactory.build(
        start_date=days_from_today(30), applications_close=days_from_today(31)
    )
    with pytest.raises(ValidationError) as refused:
        page.clean()
    assert refused.value.message_dict["applications_close"] == [
        "Applications must close by the day the class starts."
    ]


def test_the_home_page_shows_the_coming_master_classes_and_until_when_to_apply(client):
    MasterClassPageFactory(
        title="Joint patrols in practice",
        theme="Patrols with forums",
        start_date=days_from_today(30),
        how_to_take_part="Nominations through the province.",
        applications_close=days_from_today(10),
    )
    MasterClassPageFactory(title="Last year's class", start_date=days_from_today(-300))

    home = BeautifulSoup(client.get("/").content, "html.parser")
    section = home.find("h2", string="Coming master classes").find_parent("section")

    (card,) = section.select(".card")
    assert card.find("a").get_text() == "Joint patrols in practice"
    assert f"Patrols with forums. Apply by {date_format(days_from_today(10))}." in card.get_text()
    assert section.find("a", string="All master classes") is not None
