"""Whatever a page shows of its own, a reader can find it by: each field a public page shows is
in its search document, and the site's about pages, glossary terms and evidence guide are
searchable too, as long as readers may see them."""

import pytest
from wagtail.models import PageViewRestriction

from best_practice.models import Facilitator
from search.models import IndexedDocument
from tests.best_practice.factories import (
    EvidenceGuidePageFactory,
    MasterClassPageFactory,
    PracticePageFactory,
)
from tests.dialogue.factories import DialogueEventPageFactory
from tests.knowledge.factories import (
    AnnualReviewFactory,
    KPIFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
    ResearchPriorityPageFactory,
)
from tests.portal.factories import GlossaryPageFactory, GlossaryTermFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

WORD = "wombatphrase"
TEXT = f"Ask the {WORD} desk."
BODY = [("paragraph", f"<p>{TEXT}</p>")]


def found(client, query: str = WORD) -> list[dict]:
    """The JSON answer's hits, each with its address as a page's ``url`` gives it."""
    response = client.get("/search/", {"q": query, "format": "json"})
    assert response.status_code == 200
    hits = response.json()["results"]
    for hit in hits:
        assert hit["url"].startswith("http://testserver/")  # the API answers full addresses
        hit["url"] = hit["url"].removeprefix("http://testserver")
    return hits


def published(deliver, page):
    deliver(lambda: page.save_revision().publish())
    page.refresh_from_db()
    return page


@pytest.mark.parametrize(
    ("factory", "fields"),
    [
        (PracticePageFactory, {"introduction": TEXT}),
        (PracticePageFactory, {"body": BODY}),
        (PracticePageFactory, {"resources_and_cost": TEXT}),
        (PracticePageFactory, {"where_it_does_not_work": TEXT}),
        (PracticePageFactory, {"effect_note": TEXT}),
        (PracticePageFactory, {"economic_note": TEXT}),
        (PublicationPageFactory, {"introduction": TEXT}),
        (PublicationPageFactory, {"body": BODY}),
        (ResearchPriorityPageFactory, {"body": BODY}),
        (DialogueEventPageFactory, {"body": BODY}),
        (MasterClassPageFactory, {"body": BODY}),
        (MasterClassPageFactory, {"how_to_take_part": TEXT}),
        (MasterClassPageFactory, {"venue": TEXT}),
        (StandardPageFactory, {"body": BODY}),
        (EvidenceGuidePageFactory, {"emmie_explanation": TEXT}),
    ],
    ids=lambda value: value.__name__ if isinstance(value, type) else next(iter(value)),
)
def test_a_word_in_any_field_a_page_shows_finds_the_page(client, deliver, factory, fields):
    page = published(deliver, factory(**fields))

    assert [hit["url"] for hit in found(client)] == [page.url]
    assert WORD in client.get(page.url).content.decode()  # and the page does show it


def test_labels_a_page_shows_are_words_readers_can_search_by(client, deliver):
    practice = published(deliver, PracticePageFactory(structures=["neighbourhood-watch"]))
    event = published(deliver, DialogueEventPageFactory(audiences=["civilian-secretariat"]))
    master_class = published(deliver, MasterClassPageFactory(audience=["municipal"]))

    assert practice.url in [hit["url"] for hit in found(client, "neighbourhood watch")]
    assert event.url in [hit["url"] for hit in found(client, "civilian secretariat")]
    assert master_class.url in [hit["url"] for hit in found(client, "municipal officials")]


def test_a_master_class_is_found_by_its_facilitators_name(client, deliver):
    master_class = MasterClassPageFactory()
    Facilitator.objects.create(master_class=master_class, name="Thandiwe Wombatphrase")
    published(deliver, master_class)

    assert [hit["url"] for hit in found(client)] == [master_class.url]


def test_a_partnership_is_found_by_its_level_and_thrusts(client, deliver):
    PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory(level="collaboration"))

    assert f"partnership:{partnership.pk}" in [hit["id"] for hit in found(client, "collaboration")]


def test_a_partnership_is_found_by_what_its_profile_says_it_achieved_and_nothing_private(
    client, deliver
):
    PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory())
    deliver(lambda: KPIFactory(partnership=partnership, indicator="Wombatphrase burglaries"))
    deliver(lambda: KPIFactory(partnership=partnership, indicator="Quollphrase", is_public=False))
    review = deliver(
        lambda: AnnualReviewFactory(
            partnership=partnership,
            status="in-progress",
            completed_on=None,
            public_summary="Fewer robberies on the numbat route.",
            findings_notes="Platypusphrase: the funder is unhappy.",
        )
    )
    doc_id = f"partnership:{partnership.pk}"
    assert [hit["id"] for hit in found(client)] == [doc_id]
    assert found(client, "numbat") == []  # the review is not completed: its summary is not public

    review.status = "completed"
    review.completed_on = review.due_on or partnership.start_date
    deliver(lambda: review.save())

    assert [hit["id"] for hit in found(client, "numbat")] == [doc_id]
    profile = client.get(f"/partnerships/{partnership.reference}/").content.decode()
    assert "Wombatphrase burglaries" in profile and "numbat route" in profile
    for private in ("Quollphrase", "Platypusphrase"):
        assert found(client, private) == []
        assert private not in profile


def test_an_about_page_is_found_until_it_is_restricted_or_unpublished(client, deliver):
    page = published(deliver, StandardPageFactory(title="Privacy notice", introduction=TEXT))
    (hit,) = found(client)
    assert (hit["title"], hit["url"], hit["summary"]) == ("Privacy notice", page.url, TEXT)

    restriction = deliver(
        lambda: PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.LOGIN
        )
    )
    assert found(client) == []
    deliver(lambda: restriction.delete())
    assert len(found(client)) == 1

    deliver(lambda: page.unpublish())
    assert found(client) == []


def test_a_glossary_term_leads_to_its_definition(client, deliver):
    glossary = GlossaryPageFactory()
    GlossaryTermFactory(page=glossary, term="Wombatphrase forum", definition="A forum.")
    published(deliver, glossary)

    (hit,) = found(client)
    assert (hit["title"], hit["url"], hit["summary"]) == (
        "Wombatphrase forum",
        f"{glossary.url}#wombatphrase-forum",
        "A forum.",
    )
    page = client.get(glossary.url).content.decode()
    assert 'id="wombatphrase-forum"' in page


def test_a_glossary_term_removed_or_made_private_leaves_search(client, deliver):
    glossary = GlossaryPageFactory()
    kept = GlossaryTermFactory(page=glossary, term="Kept term", definition=TEXT)
    GlossaryTermFactory(page=glossary, term="Wombatphrase forum")
    published(deliver, glossary)
    assert len(found(client)) == 2

    glossary = glossary.specific_class.objects.get(pk=glossary.pk)
    glossary.terms = [kept]
    deliver(lambda: glossary.save_revision().publish())
    assert [hit["title"] for hit in found(client)] == ["Kept term"]

    deliver(
        lambda: PageViewRestriction.objects.create(
            page=glossary, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
    )
    assert found(client) == []
    assert not IndexedDocument.objects.filter(doc_id__startswith="glossary-term:").exists()


def test_a_snippet_reads_as_phrases_not_as_fields_run_together(client, deliver):
    PartnershipsSectionPageFactory()
    deliver(
        lambda: PartnershipFactory(
            summary="Joint patrols.",
            purpose="Plan patrols with the wombatphrase forum",
            level="collaboration",
        )
    )
    practice = PracticePageFactory(implementation_steps="Agree routes\nShare a radio channel")
    published(deliver, practice)

    (hit,) = found(client)
    assert "wombatphrase</mark> forum. " in hit["highlight"]
    (hit,) = found(client, "radio channel")
    assert "Agree routes. Share a" in hit["highlight"]


def test_a_term_added_in_a_draft_of_the_glossary_is_searchable_only_once_published(client, deliver):
    glossary = published(deliver, GlossaryPageFactory())
    glossary = glossary.specific_class.objects.get(pk=glossary.pk)
    glossary.terms.add(GlossaryTermFactory.build(term="Wombatphrase", definition="Draft."))
    revision = deliver(lambda: glossary.save_revision())

    assert found(client) == []

    deliver(lambda: revision.publish())
    assert [hit["title"] for hit in found(client)] == ["Wombatphrase"]
