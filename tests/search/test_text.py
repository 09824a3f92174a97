"""Folding text for the index and splitting what a reader typed into words and phrases."""

import pytest

from search.text import fold, query_parts


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
    ("text", "parts"),
    [
        ('"Street lighting" in Mthátha', [("street", "lighting"), ("in",), ("mthatha",)]),
        ('rural "patrols', [("rural",), ("patrols",)]),
        ("title:x AND (y OR z*)", [("title",), ("and",), ("or",)]),
        ('""', []),
        ('"one"', [("one",)]),
    ],
)
def test_query_parts(text, parts):
    assert query_parts(text) == parts
