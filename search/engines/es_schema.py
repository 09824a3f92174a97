"""The Elasticsearch index: analysers and explicit mappings for SearchDocuments."""

INDEX_SETTINGS = {
    "number_of_shards": 1,
    "analysis": {
        "filter": {
            "autocomplete_edge": {"type": "edge_ngram", "min_gram": 2, "max_gram": 20},
            "english_stem": {"type": "stemmer", "language": "english"},
        },
        "analyzer": {
            # Accents and case folded, so "Mthatha" finds "Mthátha" and "mthatha"; English
            # word forms stemmed, so "patrolling" finds "patrols" (as the database engine does).
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
    },
}

KEYWORD = {"type": "keyword"}
FOLDED_TEXT = {"type": "text", "analyzer": "folded"}

MAPPINGS = {
    "dynamic": "strict",
    "properties": {
        "kind": KEYWORD,
        "object_id": {"type": "long"},
        "title": {
            **FOLDED_TEXT,
            "fields": {
                "autocomplete": {
                    "type": "text",
                    "analyzer": "autocomplete",
                    "search_analyzer": "typed_prefix",
                },
            },
        },
        "summary": FOLDED_TEXT,
        "body": FOLDED_TEXT,
        "topics": FOLDED_TEXT,
        "url": {"type": "keyword", "index": False},
        "date": {"type": "date"},
        "year": KEYWORD,
        "province": KEYWORD,
        "setting": KEYWORD,
        "category": KEYWORD,
        "rating": KEYWORD,
        "partnership": KEYWORD,
    },
}

SEARCH_FIELDS = ["title^4", "topics^3", "summary^2", "body"]
FACET_FIELDS = ["kind", "province", "setting", "category", "rating", "year", "partnership"]
