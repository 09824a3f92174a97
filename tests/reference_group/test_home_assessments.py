"""The home page's latest independent assessments: published ones of public partnerships only,
each linking to where its partnership's profile shows it."""

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from knowledge.models.choices import Visibility
from reference_group.models import AssessmentStatus
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory
from tests.reference_group.factories import AssessmentFactory, ReferenceGroupSectionPageFactory

pytestmark = pytest.mark.django_db
HEADING = "Independent assessments"


def published(partnership, days_ago: int, **fields):
    return AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        published_at=timezone.now() - timezone.timedelta(days=days_ago),
        **fields,
    )


def home_cards(client) -> list:
    home = BeautifulSoup(client.get("/").content, "html.parser")
    heading = home.find("h2", string=HEADING)
    return heading.find_parent("section").select(".card") if heading else []


def test_the_latest_published_assessments_of_public_partnerships_are_on_the_home_page(client):
    PartnershipsSectionPageFactory()
    section = ReferenceGroupSectionPageFactory()
    patrols = PartnershipFactory(title="Orlando night patrols")
    lights = PartnershipFactory(title="Lights in Khayelitsha")
    internal = PartnershipFactory(title="Covert liaison", visibility=Visibility.INTERNAL)
    older = published(patrols, 30, overall_rating=3, author__group__name="Gauteng reference group")
    newest = published(lights, 1, overall_rating=None, author__group__name="Western Cape group")
    published(patrols, 2)
    published(patrols, 3)  # the fourth newest: three are shown
    published(internal, 0)
    AssessmentFactory(partnership=lights, status=AssessmentStatus.SUBMITTED)  # not published
    AssessmentFactory(partnership=lights, status=AssessmentStatus.ACCEPTED, published=False)

    cards = home_cards(client)
    assert [card.h3.get_text() for card in cards] == [
        "Lights in Khayelitsha",
        "Orlando night patrols",
        "Orlando night patrols",
    ]
    assert cards[0].a["href"] == f"/partnerships/{lights.reference}/#assessment-{newest.pk}"
    assert cards[0].select("p")[-1].get_text() == "Western Cape group"
    home = client.get("/").content.decode()
    assert "Covert liaison" not in home
    assert older.narrative not in home  # only the listing: the text is on the profile
    more = BeautifulSoup(home, "html.parser").find("h2", string=HEADING).find_parent("section")
    assert more.find("a", class_="more-link")["href"] == section.url

    # The profile the card links to shows that assessment under that anchor.
    profile = BeautifulSoup(client.get(cards[0].a["href"]).content, "html.parser")
    assert profile.find(id=f"assessment-{newest.pk}") is not None


def test_a_rated_assessment_says_its_overall_rating(client):
    PartnershipsSectionPageFactory()
    group = "Gauteng reference group"
    published(PartnershipFactory(), 1, overall_rating=3, author__group__name=group)
    (card,) = home_cards(client)
    assert card.select("p")[-1].get_text() == (
        "Gauteng reference group: overall effectiveness 3 out of 5"
    )


def test_no_assessment_section_before_one_is_published_or_while_profiles_are_not_public(client):
    section = PartnershipsSectionPageFactory()
    partnership = PartnershipFactory()
    AssessmentFactory(partnership=partnership, status=AssessmentStatus.SUBMITTED)
    assert home_cards(client) == []

    published(partnership, 1)
    assert len(home_cards(client)) == 1
    section.unpublish()
    assert home_cards(client) == []
