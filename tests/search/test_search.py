"""Search over everything public: projection, keeping the index true, and what readers get."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from knowledge.models import PartnershipsSectionPage
from knowledge.models.choices import Visibility
from search.delivery import drain
from search.engines.database import DatabaseEngine
from search.models import IndexedDocument, OutboxEntry
from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import (
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    PublicationPageFactory,
)
from tests.search.conftest import indexed_ids

pytestmark = pytest.mark.django_db


def search(client, **params):
    response = client.get("/search/", {**params, "format": "json"})
    assert response.status_code == 200
    return response.json()


def test_only_public_things_are_projected(deliver):
    PartnershipsSectionPageFactory()
    public = deliver(lambda: PartnershipFactory(title="Open partnership"))
    internal = deliver(lambda: PartnershipFactory(visibility=Visibility.INTERNAL))

    assert f"partnership:{public.pk}" in indexed_ids()
    assert f"partnership:{internal.pk}" not in indexed_ids()
    document = IndexedDocument.objects.get(doc_id=f"partnership:{public.pk}")
    assert public.parties.get().organisation.contact.email not in document.body


def test_publishing_unpublishing_privacy_and_deletion_keep_the_index_true(deliver):
    publication = PublicationPageFactory(live=False, title="Draft study")
    doc_id = f"publication:{publication.pk}"
    assert doc_id not in indexed_ids()

    deliver(lambda: publication.save_revision().publish())
    assert doc_id in indexed_ids()

    publication.refresh_from_db()  # publish() updated the database, not this object
    deliver(lambda: publication.unpublish())
    assert doc_id not in indexed_ids()

    deliver(lambda: publication.save_revision().publish())
    restriction = deliver(
        lambda: PageViewRestriction.objects.create(
            page=publication.get_parent(), restriction_type=PageViewRestriction.LOGIN
        )
    )
    assert doc_id not in indexed_ids()  # the parent became private: so did its children

    deliver(lambda: restriction.delete())
    assert doc_id in indexed_ids()

    deliver(lambda: publication.delete())
    assert doc_id not in indexed_ids()
    assert not OutboxEntry.waiting().exists()


def test_a_partnership_made_internal_leaves_the_index(deliver):
    PartnershipsSectionPageFactory()
    partnership = deliver(lambda: PartnershipFactory())

    partnership.visibility = Visibility.INTERNAL
    deliver(lambda: partnership.save())

    assert f"partnership:{partnership.pk}" not in indexed_ids()


def test_a_failed_delivery_stays_in_the_outbox_and_a_retry_delivers_it(deliver, monkeypatch):
    def engine_down(self, documents):
        raise ConnectionError("engine unreachable")

    with monkeypatch.context() as patch:
        patch.setattr(DatabaseEngine, "upsert", engine_down)
        publication = deliver(lambda: PublicationPageFactory(title="Saved while down"))
        deliver(lambda: publication.save_revision().publish())

    assert publication.pk  # the save itself succeeded
    entry = OutboxEntry.waiting().get(object_id=publication.pk)
    assert entry.attempts >= 1
    assert "engine unreachable" in entry.last_error
    assert f"publication:{publication.pk}" not in indexed_ids()

    assert drain() == 1
    assert f"publication:{publication.pk}" in indexed_ids()
    assert not OutboxEntry.waiting().exists()


def test_rebuild_indexes_everything_public_and_reports_it(capsys):
    PartnershipsSectionPageFactory()
    PartnershipFactory()
    PartnershipFactory(visibility=Visibility.INTERNAL)
    PublicationPageFactory()
    IndexedDocument.objects.create(doc_id="stale:1", kind="stale", source_id=1, title="x", url="/")

    call_command("rebuild_search_index")
    output = capsys.readouterr().out

    assert "Partnership: 1 indexed, 1 not public" in output
    assert "Publication: 1 indexed, 0 not public" in output
    assert "stale:1" not in indexed_ids()

    call_command("search_status")
    status = capsys.readouterr().out
    assert "Engine answering readers: database" in status
    assert "Publication: 1" in status
    assert "Outbox for database: 0 change(s) waiting" in status
    assert "The database engine: SQLite FTS5" in status or "PostgreSQL tsvector" in status


@pytest.fixture
def indexed_library():
    PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(title="Mthatha school safety", provinces=["eastern-cape"])
    publication = PublicationPageFactory(
        title="Policing in Mthátha",
        abstract="Patrols on school routes reduced robberies of learners.",
        provinces=["eastern-cape"],
    )
    publication.partnerships.add(partnership)
    publication.save()
    PracticePageFactory(
        title="Rural patrols",
        strategy_category="patrol",
        place_settings=["rural"],
        evidence_rating="",
        summary="Farmers and police patrol together.",
    )
    PracticePageFactory(
        title="Safer lighting",
        strategy_category="target-hardening",
        place_settings=["informal-settlement"],
        summary="Lights on paths used at night.",
    )
    call_command("rebuild_search_index", stdout=io.StringIO())
    return partnership


def test_accents_and_case_are_folded(client, indexed_library):
    for text in ("mthatha", "MTHÁTHA", "Mthátha"):
        titles = [hit["title"] for hit in search(client, q=text)["results"]]
        assert "Policing in Mthátha" in titles, text


def test_phrases_in_quotes_match_words_together(client, indexed_library):
    assert [h["title"] for h in search(client, q='"school routes"')["results"]] == [
        "Policing in Mthátha"
    ]


def test_facets_narrow_as_filters_are_applied(client, indexed_library):
    everything = search(client)
    kinds = {f["value"]: f["count"] for f in everything["facets"]["kind"]}
    assert kinds == {"partnership": 1, "publication": 1, "practice": 2}

    practices = search(client, kind="practice")
    assert practices["total"] == 2
    settings = {f["value"]: f["count"] for f in practices["facets"]["setting"]}
    assert settings == {"rural": 1, "informal-settlement": 1}

    cited = search(client, partnership=indexed_library.reference)
    assert [h["kind"] for h in cited["results"]] == ["publication"]


def test_results_are_highlighted_and_json_has_a_stable_shape(client, indexed_library):
    data = search(client, q="robberies")
    assert set(data) == {
        "query",
        "total",
        "page",
        "pages",
        "notes",
        "relaxed",
        "enough_words",
        "offers",
        "promoted",
        "results",
        "facets",
    }
    assert data["offers"] == {}  # it found something
    assert data["relaxed"] is False  # with the words it was asked
    assert data["enough_words"] == data["total"] == 1
    (hit,) = data["results"]
    assert set(hit) == {"id", "kind", "title", "url", "summary", "date", "added", "highlight"}
    assert "<mark>robberies</mark>" in hit["highlight"]
    assert hit["url"].startswith("http://testserver/")


def test_accept_header_asks_for_json(client, indexed_library):
    response = client.get("/search/", {"q": "patrol"}, headers={"Accept": "application/json"})
    assert response["Content-Type"] == "application/json"


def test_suggestions_come_from_titles(client, indexed_library):
    response = client.get("/search/suggest/", {"q": "safer"})
    assert [s["title"] for s in response.json()["suggestions"]] == ["Safer lighting"]
    assert client.get("/search/suggest/", {"q": "s"}).json() == {"suggestions": []}


BAD_QUERIES = [
    '"unbalanced',
    "AND",
    "OR NOT",
    "-",
    "title:x",
    "*",
    "~",
    "/re(gex/",
    "a" * 10_000,
    "\x00\x01\x1f control",
    "Ṁixed ςcripts 中文 العربية",
    "emoji 🚓🏘️",
    "' OR 1=1 --",
    "<script>alert(1)</script>",
    "(((",
    "\\",
]


@pytest.mark.parametrize("text", BAD_QUERIES, ids=range(len(BAD_QUERIES)))
def test_every_query_a_person_can_type_returns_a_page(client, indexed_library, text):
    response = client.get("/search/", {"q": text})
    assert response.status_code == 200
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_very_long_query_is_truncated_with_a_note(client, indexed_library):
    data = search(client, q="patrol " * 2000)
    assert data["notes"] == ["Your search was shortened to its first 200 characters."]


def test_unknown_facet_values_are_ignored(client, indexed_library):
    data = search(client, kind="spaceship", province="atlantis", year="x", page="-3")
    assert data["total"] == 4
    assert data["query"]["filters"] == {}


def test_wagtail_update_index_runs_over_every_indexed_model(indexed_library):
    # make run calls update_index; a model field clashing with its annotations broke it once.
    out = io.StringIO()
    call_command("update_index", stdout=out)
    assert "indexed" in out.getvalue()


def test_a_cited_partnerships_profile_links_to_everything_citing_it(client, indexed_library):
    profile_url = PartnershipsSectionPage.objects.get().profile_url(indexed_library)
    page = BeautifulSoup(client.get(profile_url).content, "html.parser")
    link = page.find("a", string="Search everything that cites this partnership")

    results = client.get(link["href"], HTTP_ACCEPT="application/json").json()
    assert [hit["title"] for hit in results["results"]] == ["Policing in Mthátha"]


def test_a_page_past_the_end_shows_the_last_page(client):
    PartnershipsSectionPageFactory()
    for number in range(12):
        PartnershipFactory(title=f"Patrol partnership {number}")
    call_command("rebuild_search_index", stdout=io.StringIO())

    response = client.get("/search/", {"q": "patrol", "page": 24})
    assert response.status_code == 302 and "page=2" in response["Location"]
    data = client.get("/search/", {"q": "patrol", "page": 24, "format": "json"}).json()
    assert (data["page"], len(data["results"])) == (2, 2)


def test_the_partnership_facet_shows_names_and_nothing_found_offers_the_sections(client):
    PartnershipsSectionPageFactory()
    partnership = PartnershipFactory(title="Orlando night patrols")
    practice = PracticePageFactory(title="Night patrols")
    from best_practice.models import EvidenceItem

    EvidenceItem.objects.create(
        practice=practice, partnership=partnership, outcome="Robberies", effect="improved"
    )
    practice.save_revision().publish()
    call_command("rebuild_search_index", stdout=io.StringIO())

    facet = search(client, q="night")["facets"]["partnership"]
    assert [(v["value"], v["label"]) for v in facet] == [
        (partnership.reference, "Orlando night patrols")
    ]
    nothing = client.get("/search/", {"q": "xylophone"}).content.decode()
    assert "Nothing matched" in nothing and 'href="/partnerships/"' in nothing


def test_the_year_of_a_research_priority_is_when_it_was_published_not_its_target(deliver):
    from tests.knowledge.factories import ResearchPriorityPageFactory

    priority = ResearchPriorityPageFactory()
    deliver(lambda: priority.save_revision().publish())
    priority.refresh_from_db()
    stored = IndexedDocument.objects.get(doc_id=f"research-priority:{priority.pk}")
    assert stored.date == timezone.localdate(priority.first_published_at)  # the site's date
    assert stored.date != priority.target_date


def test_a_question_that_names_a_filter_offers_it_in_one_click(client):
    page = BeautifulSoup(
        client.get("/search/", {"q": "patrol in Gauteng for rural areas"}).content, "html.parser"
    )
    offers = {a.get_text(): a["href"] for a in page.select(".refinements a")}
    assert set(offers) == {"Province: Gauteng", "Setting: Rural", "Strategy: Patrol"}
    assert "province=gauteng" in offers["Province: Gauteng"]
    applied = client.get("/search/", {"q": "patrol in Gauteng", "province": "gauteng"})
    assert "Province: Gauteng" not in applied.content.decode().split("results-heading")[1]


def test_the_names_of_cited_public_partnerships_are_searchable_words(client):
    from best_practice.models import EvidenceItem
    from tests.dialogue.factories import DialogueEventPageFactory

    PartnershipsSectionPageFactory()
    public = PartnershipFactory(title="Orlando night patrols")
    internal = PartnershipFactory(title="Okapiland liaison", visibility=Visibility.INTERNAL)
    practice = PracticePageFactory(title="Lights on the way home")
    EvidenceItem.objects.create(
        practice=practice, partnership=public, outcome="Robberies", effect="improved"
    )
    event = DialogueEventPageFactory(title="Safety roundtable")
    event.partnerships.set([public, internal])
    event.save_revision().publish()
    call_command("rebuild_search_index", stdout=io.StringIO())

    titles = {hit["title"] for hit in search(client, q="Orlando")["results"]}
    assert {"Lights on the way home", "Safety roundtable", "Orlando night patrols"} <= titles
    assert search(client, q="Okapiland")["total"] == 0


@pytest.mark.django_db
def test_the_search_page_has_one_search_box_and_other_pages_the_headers(client):
    """The header's box would repeat the search page's own: one search landmark each."""
    on_search = BeautifulSoup(client.get("/search/", {"q": "patrol"}).content, "html.parser")
    elsewhere = BeautifulSoup(client.get("/").content, "html.parser")

    assert [form.get("action") for form in on_search.select('[role="search"]')] == ["/search/"]
    assert on_search.select("input[data-suggest]")[0]["value"] == "patrol"
    assert [form["action"] for form in elsewhere.select('form[role="search"]')] == ["/search/"]
    assert elsewhere.select_one("form.site-search") is not None
