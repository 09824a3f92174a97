"""What to offer when a search finds nothing: a spelling from the index's own words ("Did you
mean …?") and the question with only the words that find something.

The vocabulary is every word of the indexed titles and of the facet labels, read from the
database engine's index, which is kept current whichever engine answers readers (each engine
has its own outbox). So the offer is the same on SQLite, PostgreSQL and Elasticsearch, needs no
database extension (PostgreSQL's pg_trgm must be created by a superuser), and only ever offers
words that public documents contain. Neither engine ranks close spellings itself. The word
list is cached for a few minutes: at 50,000 documents it is some ten thousand words, and a
correction is looked for only when a search found nothing.
"""

import difflib
from dataclasses import dataclass

from django.core.cache import cache

from search import engines
from search.facets import facet_labels
from search.models import IndexedDocument
from search.query import SearchQuery
from search.reading import STOP_WORDS, TOKEN
from search.text import WORD, fold

VOCABULARY_KEY = "search:vocabulary"
VOCABULARY_SECONDS = 300
SIMILARITY = 0.75  # difflib's ratio: "patorl" → "patrol" is 0.83, "light" → "night" 0.8
SHORTEST = 4  # shorter words are too easily "corrected" into others


@dataclass(frozen=True)
class Offer:
    text: str  # the question to search for instead
    total: int  # how many results it finds


def vocabulary() -> tuple[str, ...]:
    """The words, sorted (difflib's candidates, in a stable order)."""
    words = cache.get(VOCABULARY_KEY)
    if words is None:
        titles = IndexedDocument.objects.values_list("title", flat=True).iterator()
        labels = [label for named in facet_labels().values() for label in named.values()]
        words = tuple(
            sorted(
                {
                    word
                    for text in (*titles, *labels)
                    for word in WORD.findall(fold(text))
                    if len(word) >= SHORTEST and not word.isdigit()
                }
            )
        )
        cache.set(VOCABULARY_KEY, words, VOCABULARY_SECONDS)
    return words


def still_indexed(word: str) -> bool:
    """Whether a facet label or a public document holds the word now. The cached vocabulary may
    be minutes old, and a title that has since left the index (a partnership made internal)
    must not come back as a spelling. Asked of the database engine's full-text index: a few
    milliseconds at 50,000 documents, where scanning the titles for a rare word took 50."""
    if any(word in fold(label) for named in facet_labels().values() for label in named.values()):
        return True
    return engines.get(engines.DATABASE).count(SearchQuery(text=word)) > 0


def _correct(word: str, words: frozenset[str], choices: tuple[str, ...]) -> str:
    folded = fold(word)
    if len(folded) < SHORTEST or folded in words or folded in STOP_WORDS or not folded.isalpha():
        return word
    close = difflib.get_close_matches(folded, choices, n=1, cutoff=SIMILARITY)
    return close[0] if close and still_indexed(close[0]) else word


def spelling(text: str, count) -> Offer | None:
    """The question with its unknown words replaced by the closest words of the index, if that
    finds something. ``count(text)`` is how many results a question finds."""
    choices = vocabulary()
    words = frozenset(choices)
    corrected = []
    for token in TOKEN.findall(text):
        if token.startswith('"') or token.startswith("-"):
            corrected.append(token)  # phrases and exclusions are kept as typed
            continue
        corrected.append(WORD.sub(lambda match: _correct(match.group(), words, choices), token))
    suggestion = " ".join(corrected)
    if fold(suggestion) == fold(text):
        return None
    total = count(suggestion)
    return Offer(suggestion, total) if total else None


def fewer_words(text: str, count) -> Offer | None:
    """The question with only the words that find something on their own, if it had others."""
    tokens = [token for token in TOKEN.findall(text) if fold(token) not in STOP_WORDS]
    if len(tokens) < 2:
        return None
    finding = [token for token in tokens if count(token)]
    if not finding or len(finding) == len(tokens):
        return None
    shorter = " ".join(finding)
    total = count(shorter)
    return Offer(shorter, total) if total else None
