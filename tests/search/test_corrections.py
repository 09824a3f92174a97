"""What a search that finds little offers (search issue): "Did you mean …?" from the words of
the index, the results that have some of the words when nothing has enough of them, and the
question with only the words that find something."""

import io
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command

from knowledge.models.choices import Visibility
from search.corrections import VOCABULARY_KEY, spelling
from search.service import RELAXED_NOTE
from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_vocabulary():
    cache.delete(VOCABULARY_KEY)
    yield
    cache.delete(VOCABULARY_KEY)


@pytest.fixture
def library():
    PartnershipsSectionPageFactory()
    PracticePageFactory(title="Rural farm watch patrols")
    PracticePageFactory(title="Street lighting in informal settlements")
    call_command("rebuild_search_index", stdout=io.StringIO())


def offers(client, q: str) -> dict:
    response = client.get("/search/", {"q": q, "format": "json"})
    return response.json()["offers"]


def test_a_misspelt_question_is_offered_the_indexs_spelling(client, library):
    found = offers(client, "strete lightning")

    assert found["spelling"]["q"] == "street lighting"
    assert found["spelling"]["total"] >= 1


def test_the_offer_is_a_link_on_the_page(client, library):
    page = BeautifulSoup(client.get("/search/", {"q": "rurl"}).content, "html.parser")

    link = page.select_one(".offer a")
    assert link.get_text() == "rural"
    assert link["href"].startswith("?q=rural")


def test_a_question_that_finds_enough_gets_no_offer(client, library):
    assert offers(client, "rural farm watch") == {}


def test_a_question_nothing_has_enough_words_of_shows_what_has_some(client, library):
    answer = client.get("/search/", {"q": "farm xylophone quasar zebu", "format": "json"}).json()

    assert [hit["title"] for hit in answer["results"]] == ["Rural farm watch patrols"]
    assert answer["relaxed"] is True
    assert answer["notes"] == [RELAXED_NOTE]
    assert answer["offers"] == {}  # the results are the answer: no "search for farm instead"
    page = BeautifulSoup(
        client.get("/search/", {"q": "farm xylophone quasar zebu"}).content, "html.parser"
    )
    assert page.select_one(".notice[role=status]").get_text() == RELAXED_NOTE
    assert page.select_one("#results-heading").get_text(" ", strip=True).startswith("1 result")


def test_a_misspelt_question_answered_with_some_words_is_offered_the_spelling(client, library):
    # "lighting" alone finds the practice; spelt right, all three words do
    answer = client.get("/search/", {"q": "strete lighting informl", "format": "json"}).json()

    assert answer["relaxed"] is True and answer["total"] == 1
    assert answer["offers"]["spelling"] == {"q": "street lighting informal", "total": 1}


def test_a_question_with_enough_words_together_says_nothing_of_the_kind(client, library):
    answer = client.get("/search/", {"q": "farm watch", "format": "json"}).json()

    assert answer["relaxed"] is False and answer["notes"] == []


def test_a_question_few_things_have_enough_words_of_goes_on_with_what_has_some(client, library):
    # the street-lighting practice is rural too: one of the three words
    answer = client.get("/search/", {"q": "rural farm watch", "format": "json"}).json()

    assert [hit["title"] for hit in answer["results"]] == [
        "Rural farm watch patrols",
        "Street lighting in informal settlements",
    ]
    assert answer["relaxed"] is True
    assert answer["notes"] == [
        "Only 1 result has enough of these words together. Results with some of them follow."
    ]


def test_only_words_that_find_something_are_offered(client, library):
    # a quoted phrase is kept as typed, so nothing is found without it
    found = offers(client, '"farm watch" xylophone quasar')

    assert "spelling" not in found
    assert found["fewer_words"] == {"q": '"farm watch"', "total": 1}


def test_an_internal_partnerships_words_are_never_offered(client, deliver, library):
    partnership = deliver(lambda: PartnershipFactory(title="Okapiland liaison patrols"))
    # while it is public, its words are offered
    assert offers(client, "okapilnd")["spelling"]["q"] == "okapiland"

    partnership.visibility = Visibility.INTERNAL
    deliver(partnership.save)

    # the cached vocabulary still holds the word; no offer may bring it back, even one that a
    # search would count results for
    assert "okapiland" not in str(offers(client, "okapilnd patrols"))
    assert spelling("okapilnd", count=lambda text: 5) is None


class RankedApart:
    """An engine whose relaxed ranking puts the one result with enough of the words wherever
    ``position`` says (an engine ranks what has some of the words by its own score)."""

    def __init__(self, position: int, total: int = 12):
        self.relaxed_order = [f"doc:{n}" for n in range(1, total)]
        self.relaxed_order.insert(position, "doc:enough")

    def search(self, query):
        from search.engines.base import Hit, SearchResults

        ids = self.relaxed_order if query.relaxed else ["doc:enough"]
        page = ids[(query.page - 1) * 10 : query.page * 10]
        hits = [Hit(doc_id, "practice", doc_id, "/", "", None) for doc_id in page]
        return SearchResults(hits=hits, total=len(ids))


@pytest.mark.parametrize("position", [0, 9, 10, 11])
def test_what_has_enough_of_the_words_comes_first_and_every_result_once(position):
    from search.query import SearchQuery
    from search.service import searched

    engine = RankedApart(position)
    question = SearchQuery(text="alpha beta gamma")
    pages = [
        [hit.doc_id for hit in searched(engine, replace(question, page=page)).hits]
        for page in (1, 2)
    ]

    assert pages[0][0] == "doc:enough"
    shown = pages[0] + pages[1]
    assert sorted(shown) == sorted(engine.relaxed_order)  # each of the 12 once
    by_date = searched(engine, replace(question, sort="date"))
    assert [hit.doc_id for hit in by_date.hits] == engine.relaxed_order[:10]  # date order kept
    assert by_date.notes == [
        "Only 1 result has enough of these words together. These results include those with "
        "some of them."
    ]


def test_a_question_some_results_answer_is_offered_only_a_spelling_that_answers_more(client):
    PartnershipsSectionPageFactory()
    for title in ("Farm watch", "Night watch shelters", "Watch groups"):
        PracticePageFactory(title=title, problem="Crime.", summary="A practice.")
    call_command("rebuild_search_index", stdout=io.StringIO())
    # "fight" is in no title and "night" is close to it. "farm watch fight" has one result with
    # enough of its words (two of three); "farm watch night" would have two: not enough of a
    # gain to offer it to a reader who already has answers.
    answer = client.get("/search/", {"q": "farm watch fight", "format": "json"}).json()

    assert answer["relaxed"] is True and answer["enough_words"] == 1
    assert answer["offers"] == {}
    # when nothing has enough of the words, any spelling that finds something is offered
    nothing = client.get("/search/", {"q": "fight zebu quasar", "format": "json"}).json()
    assert nothing["offers"]["spelling"]["q"] == "night zebu quasar"


def test_a_last_page_of_only_what_came_first_is_not_left_empty():
    from search.query import SearchQuery
    from search.service import searched

    engine = RankedApart(position=10, total=11)  # the relaxed second page: that result alone

    second = searched(engine, SearchQuery(text="alpha beta gamma", page=2))

    assert [hit.doc_id for hit in second.hits] == ["doc:enough"]
