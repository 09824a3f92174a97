"""The Elasticsearch index: analysis chains and explicit mappings for SearchDocuments.

Two chains, chosen when an index is created from what the node offers:

- ``full``: accents and case folded, English word forms stemmed, title prefixes as edge n-grams
  for suggestions. Needs the ``analysis-common`` module, which every Elasticsearch distribution
  ships except the integration-test one.
- ``core``: the standard tokenizer and lower case only (both in the server's core); suggestions
  match title prefixes at query time (``match_bool_prefix``). No folding, no stemming.

The chain is recorded in the index mapping's ``_meta`` so searches and ``search_status`` know it.
"""

from search.facets import FACETS

FULL = "full"
CORE = "core"
REQUIRED_MODULE = "analysis-common"
# Highlight at most this much of a field's text: Elasticsearch refuses to highlight fields longer
# than the index's max_analyzed_offset (a million characters by default) unless told to stop.
HIGHLIGHT_LIMIT = 900_000

_FULL_ANALYSIS = {
    "filter": {
        "autocomplete_edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
        "english_stem": {"type": "stemmer", "language": "english"},
    },
    "analyzer": {
        # Accents and case folded, so "Mthatha" finds "Mthátha" and "mthatha"; English word
        # forms stemmed, so "patrolling" finds "patrols" (as the database engine does).
        "folded": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "english_stem"],
        },
        # What a reader has typed so far, matched against title prefixes: never stemmed.
        "typed_prefix": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding"],
        },
        "autocomplete": {
            "type": "custom",
            "tokenizer": "standard",
            "filter": ["lowercase", "asciifolding", "autocomplete_edge"],
        },
    },
}
_CORE_ANALYSIS = {
    "analyzer": {
        "folded": {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]},
    },
}

KEYWORD = {"type": "keyword"}
FOLDED_TEXT = {"type": "text", "analyzer": "folded"}
# The fields snippets come from keep each word's offsets, so the highlighter reads them from the
# index instead of analysing every hit's text again (at 50,000 documents, highlighting a page
# of a common word's matches took two thirds of the search: 44 ms of Elasticsearch's time).
HIGHLIGHTED_TEXT = {**FOLDED_TEXT, "index_options": "offsets"}
SEARCH_FIELDS = ["title^4", "topics^3", "summary^2", "body"]
FACET_FIELDS = [facet.name for facet in FACETS]


def index_settings(chain: str) -> dict:
    return {
        "number_of_shards": 1,
        "analysis": _FULL_ANALYSIS if chain == FULL else _CORE_ANALYSIS,
    }


# Fields the mapping gained after indices were first made: ``ensure_index`` adds them to a live
# index, since a live mapping may gain fields but not change them (a rebuild makes the rest new).
ADDED_LATER = {"added": {"type": "date"}}


def mappings(chain: str) -> dict:
    title = dict(FOLDED_TEXT)
    if chain == FULL:
        title["fields"] = {
            "autocomplete": {
                "type": "text",
                "analyzer": "autocomplete",
                "search_analyzer": "typed_prefix",
            }
        }
    return {
        "dynamic": "strict",
        "_meta": {"analysis": chain},
        # A snippet comes from the summary or the body's opening (search.text.SNIPPET_SOURCE
        # characters, as on the database engine), a field of its own. The body is indexed but
        # not kept in the stored source: a publication's holds its PDFs' text, up to 2 million
        # characters, and highlighting it cost about 80 ms a hit (bench/long_bodies.py).
        "_source": {"excludes": ["body"]},
        "properties": {
            "object_id": {"type": "long"},
            "title": title,
            "summary": HIGHLIGHTED_TEXT,
            "body": FOLDED_TEXT,
            "opening": HIGHLIGHTED_TEXT,
            "topics": FOLDED_TEXT,
            "url": {"type": "keyword", "index": False},
            "date": {"type": "date"},
            **ADDED_LATER,
            **{name: KEYWORD for name in FACET_FIELDS},
        },
    }
