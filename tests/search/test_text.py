"""Folding text for the index and reading what a reader typed: terms, phrases, exclusions."""

import unicodedata

import pytest

from search.reading import read, required_of
from search.text import TYPOGRAPHIC, fold


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Mthatha POLICE", "mthatha police"),
        ("Mthátha “Ünïcödé” café", 'mthatha "unicode" cafe'),
        ("ﬁne Ωmega 北京", "fine ωmega 北京"),
    ],
)
def test_fold_lowers_case_and_drops_accents_in_any_script(text, folded):
    assert fold(text) == folded


@pytest.mark.parametrize(
    "text",
    [
        "Mtha\u0301tha",  # an accent typed as its own character after a plain letter
        "ΟΔΟΣ ΣΟΦΟΣ",  # the final sigma depends on the letters around it
        "\uff26\uff55\uff4c\uff4c ﬁ ﬂ ① Straße Ἀθῆναι naïve \u2013 \u2018quoted\u2019",
        "a\u0301\u0327b \u0301start",  # marks in a row, and a mark with no letter
        "plain" * 50 + " \u2013 " + "report " * 50,
    ],
)
def test_folding_runs_of_other_characters_is_folding_the_whole_text(text):
    """Only runs of non-ASCII characters are decomposed (for speed on long PDF text); the
    result must be what decomposing the whole text gives."""
    decomposed = unicodedata.normalize("NFKD", text.translate(TYPOGRAPHIC))
    whole = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    assert fold(text) == whole


def words(reading) -> list:
    return [sorted(" ".join(words) for words in term) for term in reading.terms]


@pytest.mark.parametrize(
    ("text", "terms", "phrases", "excluded", "required"),
    [
        (
            "patrol strategies in rural areas",
            [["patrol"], ["strategies"], ["rural"], ["areas"]],
            [],
            [],
            2,
        ),
        ('"Street lighting" in Mthátha', [["mthatha"]], [("street", "lighting")], [], 1),
        ("rural -cctv", [["rural"]], [], [("cctv",)], 1),
        ('rural "patrols', [["rural"], ["patrols"]], [], [], 1),
        ("title:x AND (y OR z*)", [["title"]], [], [], 1),  # operators are plain words
        ("the", [["the"]], [], [], 1),  # only stop words: they are all there is
        # how questions are put: "what works against ..." asks about what follows "against"
        (
            "what works against stock theft",
            [["works"], ["livestock theft", "stock theft"]],
            [],
            [],
            1,
        ),
        ("ourselves again now", [["ourselves"], ["again"], ["now"]], [], [], 2),
        # an identifier (letters and numbers joined by hyphens) is one term, its words in order
        ("CSPS-2026-0007", [["csps 2026 0007"]], [], [], 1),
        ("covid-19 in the 2018-2020 plan", [["covid 19"], ["2018 2020"], ["plan"]], [], [], 2),
        (
            "gender-based stock-theft",
            [["gender"], ["based"], ["livestock theft", "stock theft"]],  # no number: words
            [],
            [],
            2,
        ),
        ('""', [], [], [], 0),
    ],
)
def test_a_question_is_read_into_terms_phrases_and_exclusions(
    text, terms, phrases, excluded, required
):
    reading = read(text)
    assert words(reading) == terms
    assert (reading.phrases, reading.excluded, reading.required) == (phrases, excluded, required)


def test_synonyms_and_acronyms_stand_with_the_word():
    cpf = [
        "community police forum",
        "community police forums",
        "community policing forum",
        "community policing forums",
        "cpf",
        "cpfs",
    ]
    assert words(read("CPF meetings")) == [cpf, ["meetings"]]
    assert words(read("community police forum")) == [cpf]
    assert words(read("what is a community policing forum")) == [cpf]  # one term, not three
    assert ["children", "learners", "pupils", "scholars"] in words(read("safe pupils"))


@pytest.mark.parametrize(("count", "required"), [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (8, 4)])
def test_at_least_half_the_terms_are_required(count, required):
    assert required_of(count) == required


def test_a_reading_needing_fewer_terms_keeps_its_phrases_and_exclusions():
    reading = read('"street lighting" informal crime reduce -cctv')
    relaxed = reading.relaxed()

    assert reading.relaxable and reading.required == 2
    assert (relaxed.terms, relaxed.phrases, relaxed.excluded) == (
        reading.terms,
        reading.phrases,
        reading.excluded,
    )
    assert relaxed.required == 1 and not relaxed.relaxable
    assert not read("rural patrols").relaxable  # one of two is already enough
