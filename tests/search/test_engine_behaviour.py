"""One behaviour suite, run against every engine: the database engine always, Elasticsearch
against the real node of `make test-es` (in CI too). Tests marked `full_analysis` need accent
folding or stemming: on a node without the analysis-common module they are reported as not
applicable to it.
"""

import datetime
import uuid
from dataclasses import replace

import pytest

from search.documents import SearchDocument
from search.engines.database import DatabaseEngine
from search.query import SearchQuery
from search.service import RELAXED_NOTE, counted, searched
from search.text import SNIPPET_SOURCE
from tests.search.conftest import skip_unless_full_analysis

DOCUMENTS = [
    SearchDocument(
        kind="publication",
        object_id=1,
        title="Policing in Mthátha",
        url="/p/1/",
        summary="Patrols on school routes reduced robberies.",
        date=datetime.date(2025, 1, 1),
        provinces=["eastern-cape"],
        partnerships=["CSPS-2026-0005"],
    ),
    SearchDocument(
        kind="practice",
        object_id=2,
        title="Rural patrols",
        url="/b/2/",
        summary="Farmers and police patrol farm roads together.",
        date=datetime.date(2024, 1, 1),
        settings=["rural"],
        categories=["patrol"],
        rating="promising",
    ),
    SearchDocument(
        kind="practice",
        object_id=3,
        title="Safer lighting",
        url="/b/3/",
        summary="Lights on the paths people use at night.",
        date=datetime.date(2023, 1, 1),
        settings=["informal-settlement"],
        categories=["target-hardening"],
    ),
]


@pytest.fixture(params=["database", pytest.param("elasticsearch", marks=pytest.mark.elasticsearch)])
def engine(request, db):
    if request.param == "database":
        yield DatabaseEngine()
        return
    from search.engines.elasticsearch import ElasticsearchEngine

    url = request.getfixturevalue("elasticsearch_url")
    engine = ElasticsearchEngine(url=url, alias=f"portal_test_{uuid.uuid4().hex[:8]}")
    skip_unless_full_analysis(request, engine)
    yield engine
    engine.client.options(ignore_status=404).indices.delete(index=f"{engine.alias}-*")


@pytest.fixture
def filled(engine):
    engine.upsert(DOCUMENTS)
    return engine


def titles(results) -> list[str]:
    return [hit.title for hit in results.hits]


@pytest.mark.full_analysis
def test_accents_and_case_are_folded(filled):
    for text in ("mthatha", "MTHATHA", "Mthátha"):
        assert titles(filled.search(SearchQuery(text=text))) == ["Policing in Mthátha"], text


def test_phrases_match_words_in_order(filled):
    assert titles(filled.search(SearchQuery(text='"school routes"'))) == ["Policing in Mthátha"]
    assert titles(filled.search(SearchQuery(text='"routes school"'))) == []


def test_filters_and_facet_counts(filled):
    results = filled.search(SearchQuery(filters={"kind": "practice"}))
    assert sorted(titles(results)) == ["Rural patrols", "Safer lighting"]
    settings_facet = {f.value: f.count for f in results.facets["setting"]}
    assert settings_facet == {"rural": 1, "informal-settlement": 1}
    cited = filled.search(SearchQuery(filters={"partnership": "CSPS-2026-0005"}))
    assert titles(cited) == ["Policing in Mthátha"]


def test_sort_by_date_and_highlights(filled):
    assert titles(filled.search(SearchQuery(sort="date"))) == [
        "Policing in Mthátha",
        "Rural patrols",
        "Safer lighting",
    ]
    (hit,) = filled.search(SearchQuery(text="robberies")).hits
    assert "<mark>robberies</mark>" in hit.highlight.lower()


def test_what_appeared_last_comes_first_whatever_its_own_date(engine):
    """A search's feed lists what appeared on the portal last first: a report added today may
    be dated years ago. Undated additions (a document indexed before the field existed) last."""
    added = datetime.datetime(2026, 12, 1, 9, tzinfo=datetime.UTC)
    engine.upsert(
        [
            replace(DOCUMENTS[0], added=added),  # dated 2025
            replace(DOCUMENTS[1], added=None),  # dated 2024, when added not known
            replace(DOCUMENTS[2], added=added + datetime.timedelta(hours=1)),  # dated 2023
        ]
    )
    results = engine.search(SearchQuery(sort="added"))
    assert titles(results) == ["Safer lighting", "Policing in Mthátha", "Rural patrols"]
    assert [hit.added for hit in results.hits] == [added + datetime.timedelta(hours=1), added, None]
    words = engine.search(SearchQuery(text="patrols", sort="added"))
    assert titles(words) == ["Policing in Mthátha", "Rural patrols"]


def test_deleted_documents_are_gone(filled):
    filled.delete(["practice:3", "practice:99"])
    assert titles(filled.search(SearchQuery(text="lighting"))) == []


def test_suggestions_from_titles(filled):
    assert [s["title"] for s in filled.suggest("rur")] == ["Rural patrols"]


@pytest.mark.full_analysis
def test_word_forms_find_each_other(filled):
    found = titles(filled.search(SearchQuery(text="patrolling")))
    assert sorted(found) == ["Policing in Mthátha", "Rural patrols"]


def test_a_selected_facet_counts_what_the_other_filters_allow(filled):
    results = filled.search(SearchQuery(filters={"kind": "practice", "setting": "rural"}))
    assert titles(results) == ["Rural patrols"]
    assert results.total == 1
    facets = {name: {f.value: f.count for f in values} for name, values in results.facets.items()}
    # Kind is counted over the rural documents, setting over the practices.
    assert facets["kind"] == {"practice": 1}
    assert facets["setting"] == {"rural": 1, "informal-settlement": 1}
    assert facets["category"] == {"patrol": 1}
    assert [f.value for f in results.facets["setting"] if f.selected] == ["rural"]


def test_totals_count_every_match_and_pages_walk_through_them(engine):
    engine.upsert(
        [
            SearchDocument(
                kind="practice" if number % 2 else "publication",
                object_id=number,
                title=f"Lighting study {number}",
                url=f"/l/{number}/",
                date=datetime.date(2020, 1, 1) + datetime.timedelta(days=number),
                partnerships=[f"CSPS-2026-{number:04d}"],
            )
            for number in range(1, 63)
        ]
    )
    everything = engine.search(SearchQuery(text="lighting"))
    assert everything.total == 62
    practices = engine.search(SearchQuery(text="lighting", filters={"kind": "practice"}))
    assert practices.total == 31
    last_page = engine.search(SearchQuery(text="lighting", page=7, sort="date"))
    assert titles(last_page) == ["Lighting study 2", "Lighting study 1"]
    # Facets list the most frequent values, not every partnership ever cited.
    assert len(everything.facets["partnership"]) == 50


def test_case_is_folded(filled):
    for text in ("farmers", "FARMERS", "FaRmErS"):
        assert titles(filled.search(SearchQuery(text=text))) == ["Rural patrols"], text


def test_suggestions_ignore_case(filled):
    assert [s["title"] for s in filled.suggest("RURAL pat")] == ["Rural patrols"]


def test_a_title_only_match_still_shows_a_snippet(filled):
    (hit,) = filled.search(SearchQuery(text="lighting")).hits
    assert hit.title == "Safer lighting"
    assert "Lights on the paths" in hit.highlight


def test_half_the_words_are_enough_and_every_word_ranks_first(engine):
    def document(number, title):
        return SearchDocument(kind="practice", object_id=number, title=title, url=f"/s/{number}/")

    engine.upsert(
        [
            document(21, "Stokvel savings patrol"),
            document(22, "Stokvel patrol"),
            document(23, "Savings clubs"),
            document(24, "Unrelated"),
        ]
    )
    found = titles(engine.search(SearchQuery(text="stokvel savings patrol")))
    assert found[:2] == ["Stokvel savings patrol", "Stokvel patrol"]
    assert "Savings clubs" not in found  # one word of three is not enough
    two = titles(engine.search(SearchQuery(text="stokvel lighting")))
    assert sorted(two) == ["Stokvel patrol", "Stokvel savings patrol"]  # one of two is


def test_a_very_long_body_is_found_and_highlighted(engine):
    filler = "Community safety forum minutes. " * 40_000  # 1.3 million characters
    engine.upsert(
        [
            SearchDocument(
                kind="publication",
                object_id=501,
                title="Annual minutes",
                url="/m/",
                body="Stokvel patrol roster agreed. " + filler,
            )
        ]
    )
    (hit,) = engine.search(SearchQuery(text="stokvel")).hits
    assert "<mark>" in hit.highlight and "stokvel" in hit.highlight.lower()


def test_a_word_only_past_the_bodys_opening_finds_it_with_the_summary_as_snippet(engine):
    """Snippets come from the summary and the body's first SNIPPET_SOURCE characters, on both
    engines; the whole body is still searched."""
    filler = "Community safety forum minutes. " * (SNIPPET_SOURCE // 30)
    engine.upsert(
        [
            SearchDocument(
                kind="publication",
                object_id=502,
                title="Annual minutes",
                url="/m2/",
                summary="The forum's year.",
                body=filler + " Stokvel roster agreed.",
            )
        ]
    )
    (hit,) = engine.search(SearchQuery(text="stokvel")).hits
    assert hit.highlight.startswith("The forum")
    assert "<mark>" not in hit.highlight


def test_equal_dates_give_stable_pages(engine):
    engine.upsert(
        [
            SearchDocument(
                kind="practice",
                object_id=number,
                title=f"Walking bus {number}",
                url=f"/w/{number}/",
                date=datetime.date(2024, 5, 1),
            )
            for number in range(1, 26)
        ]
    )
    pages = [
        [hit.doc_id for hit in engine.search(SearchQuery(sort="date", page=page)).hits]
        for page in (1, 2, 3)
    ]
    seen = [doc_id for page in pages for doc_id in page]
    assert len(seen) == len(set(seen)) == 25
    assert pages == [
        [hit.doc_id for hit in engine.search(SearchQuery(sort="date", page=page)).hits]
        for page in (1, 2, 3)
    ]


def test_stop_words_never_decide_and_most_words_are_enough(filled):
    # "the", "in", "on" are not words of the documents; "farmers" and "patrol" are
    assert titles(filled.search(SearchQuery(text="the farmers in the rural patrol"))) == [
        "Rural patrols"
    ]
    # three meaningful words: two of them are enough
    assert titles(filled.search(SearchQuery(text="farm roads lighting"))) == ["Rural patrols"]
    assert titles(filled.search(SearchQuery(text="lights paths night patrol")))[0] == (
        "Safer lighting"
    )


def test_a_question_nothing_has_enough_words_of_finds_what_has_some(filled):
    question = SearchQuery(text="robberies zebu quasar")  # two of three needed, one anywhere
    assert filled.search(question).total == 0

    results = searched(filled, question)

    assert titles(results) == ["Policing in Mthátha"]
    assert results.relaxed and results.notes == [RELAXED_NOTE]
    assert counted(filled, question) == 1
    assert not searched(filled, SearchQuery(text="robberies school")).relaxed


def test_a_question_few_things_have_enough_words_of_goes_on_with_what_has_some(filled):
    question = SearchQuery(text="lights paths night farmers")  # two of four needed
    assert titles(filled.search(question)) == ["Safer lighting"]  # three of them

    results = searched(filled, question)

    # What has enough of the words comes first, then what has one ("Farmers ... patrol").
    assert titles(results) == ["Safer lighting", "Rural patrols"]
    assert results.relaxed and results.enough_words == 1
    assert results.notes == [
        "Only 1 result has enough of these words together. Results with some of them follow."
    ]
    assert counted(filled, question) == 2


def test_a_quoted_phrase_stays_required_when_fewer_words_are(filled):
    found = searched(filled, SearchQuery(text='"farm roads" patrol zebu quasar'))
    assert titles(found) == ["Rural patrols"] and found.relaxed
    # no document has both the phrase and one of the words: nothing, as typed
    nothing = searched(filled, SearchQuery(text='"farm roads" robberies zebu quasar'))
    assert (nothing.total, nothing.relaxed, nothing.notes) == (0, False, [])


def test_facet_labels_are_words_that_find_what_is_tagged(filled):
    # "Target hardening" and "Informal settlement" are labels, not words of the text
    assert titles(filled.search(SearchQuery(text="target hardening"))) == ["Safer lighting"]
    assert titles(filled.search(SearchQuery(text="informal settlement"))) == ["Safer lighting"]
    assert titles(filled.search(SearchQuery(text="promising"))) == ["Rural patrols"]


def test_synonyms_find_each_other(engine):
    engine.upsert(
        [
            SearchDocument(
                kind="practice",
                object_id=11,
                title="Community police forum meetings",
                url="/c/11/",
                summary="Monthly meetings with station commanders.",
            ),
            SearchDocument(
                kind="practice",
                object_id=12,
                title="Walking buses for pupils",
                url="/c/12/",
                summary="Parents walk learners to school.",
            ),
        ]
    )
    assert titles(engine.search(SearchQuery(text="CPF"))) == ["Community police forum meetings"]
    assert titles(engine.search(SearchQuery(text="children school"))) == [
        "Walking buses for pupils"
    ]


def test_a_minus_excludes_a_word(filled):
    assert titles(filled.search(SearchQuery(text="patrols -farmers"))) == ["Policing in Mthátha"]
    only_excluded = titles(filled.search(SearchQuery(text="-farmers", sort="date")))
    assert only_excluded == ["Policing in Mthátha", "Safer lighting"]


@pytest.mark.parametrize(
    "query",
    [
        SearchQuery(text="patrols"),
        SearchQuery(text="patrols", sort="date"),
        SearchQuery(text="patrols school lighting"),  # most words are enough
        SearchQuery(text='"school routes"'),
        SearchQuery(text="patrols -farmers"),
        SearchQuery(text="-farmers"),
        SearchQuery(text="patrols", filters={"kind": "practice"}),
        SearchQuery(filters={"kind": "practice", "setting": "rural"}),
        SearchQuery(filters={"setting": "no-such-setting"}),
        SearchQuery(),
        SearchQuery(text="the of and"),  # only stop words
        SearchQuery(text="xylophone"),
        SearchQuery(text="robberies zebu quasar", relaxed=True),  # needing one of the words
    ],
    ids=repr,
)
def test_a_count_is_the_total_a_search_finds(filled, query):
    """The spelling and fewer-words offers count questions rather than search them."""
    expected = filled.search(query).total
    assert filled.count(query) == expected


def test_numbers_joined_by_hyphens_are_words_a_reader_can_type(engine):
    # PostgreSQL's parser read "CSPS-2026-0009" as csps, -2026 and -0009 (signed numbers), so
    # "2026" and the reference itself found nothing there but the word "csps".
    engine.upsert(
        [
            SearchDocument(
                kind="partnership",
                object_id=9,
                title="Faith communities against violence",
                url="/partnerships/CSPS-2026-0009/",
                summary="Register reference CSPS-2026-0009, running 2018-2020.",
            ),
            SearchDocument(
                kind="partnership",
                object_id=11,
                title="Forum support",
                url="/partnerships/CSPS-2025-0011/",
                summary="Register reference CSPS-2025-0011, after COVID-19.",
            ),
            SearchDocument(
                kind="partnership",
                object_id=12,
                title="Community radio",
                url="/partnerships/CSPS-2026-0012/",
                summary="Register reference CSPS-2026-0012.",
            ),
        ]
    )

    # A reference is one identifier: what has it, not everything with "csps" and "2026".
    for typed in ("CSPS-2026-0009", "csps-2026-0009,"):
        assert titles(searched(engine, SearchQuery(text=typed))) == [
            "Faith communities against violence"
        ]
    assert titles(engine.search(SearchQuery(text="csps 2026 0009")))[0] == (
        "Faith communities against violence"
    )
    assert sorted(titles(engine.search(SearchQuery(text="2026")))) == [
        "Community radio",
        "Faith communities against violence",
    ]
    assert titles(engine.search(SearchQuery(text="2020"))) == ["Faith communities against violence"]
    assert titles(engine.search(SearchQuery(text="covid 19"))) == ["Forum support"]
    assert titles(engine.search(SearchQuery(text='"covid 19"'))) == ["Forum support"]
    assert titles(engine.search(SearchQuery(text="COVID-19 support"))) == ["Forum support"]
