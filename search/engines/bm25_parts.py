"""SQLite's relevance, added up from each phrase's part of bm25 instead of asked for per question.

FTS5's bm25 of a row is a sum over the phrases of the query's expression, in the order they are
written. Each phrase adds idf(phrase) * f(its weighted count in the row, the row's length): a
number that depends on the phrase, the row and the whole index (how many rows hold the phrase,
the average row length), and on nothing else in the expression. A phrase adds nothing to a row
that lacks it, nor where an AND it stands in does not hold for the row (FTS5 reports a phrase's
instances only from the parts of the expression that matched).

Computing bm25 is most of a broad question's time (at 50,000 documents, 24 ms of "patrol"'s 28),
and readers' questions share their words. So the database is asked once per phrase and state of
the index for the rows holding the phrase and its part in each (``PhraseParts``, kept by the
worker's ``index_memory.IndexMemory``, which a write replaces). A question whose phrases are
all kept is then matched here (its AND, OR and NOT as operations on masks) and its relevance
added up in the expression's order, so each sum is the double the database would have
computed (``evaluate``; tests compare both). A part costs about one and a half times a ranked
statement over the phrase's rows, so it is read only for a phrase asked for a second time
(``ready``).

The expression's tree comes from ``fulltext._either``, which also writes its SQL
(``SQLiteFullText.tree``).
"""

import threading
from collections import OrderedDict
from collections.abc import Callable

import numpy as np
from django.conf import settings

from search.reading import Phrase

ASKED_LIMIT = 100_000  # phrases remembered as asked for once (forgotten all at once past it)

# The documents holding a phrase (their positions in the worker's copy of the index), and the
# phrase's part of bm25 in each.
Part = tuple[np.ndarray, np.ndarray]


class PhraseParts:
    """Phrases' parts of bm25 for one state of the index, the least recently used dropped once
    they hold more than ``budget`` rows in all (``SEARCH_PHRASE_PARTS_ROWS``; 16 bytes a row).
    A phrase in more rows than that is not kept, and questions with it are left to the
    database; a budget of 0 leaves every question to it."""

    def __init__(self, budget: int | None = None):
        self.budget = settings.SEARCH_PHRASE_PARTS_ROWS if budget is None else budget
        self.rows = 0
        self._parts: OrderedDict[Phrase, Part] = OrderedDict()
        self._asked: set[Phrase] = set()
        self._too_large: set[Phrase] = set()
        self._lock = threading.Lock()  # runserver and threaded workers share a worker's copy

    def ready(self, phrases: list[Phrase]) -> bool:
        """Whether a question with these phrases should be scored from their parts: when each
        is kept, or was asked for before (and is read now). Otherwise the database ranks the
        question as it would without parts, and its phrases are remembered as asked, so a word
        asked only once never costs a part."""
        with self._lock:
            if self.budget <= 0 or any(p in self._too_large for p in phrases):
                return False
            new = [p for p in phrases if p not in self._parts and p not in self._asked]
            if not new:
                return True
            if len(self._asked) + len(new) > ASKED_LIMIT:
                self._asked.clear()
            self._asked.update(new)
            return False

    def get(self, phrase: Phrase, load: Callable[[Phrase], Part]) -> Part:
        with self._lock:
            part = self._parts.get(phrase)
            if part is not None:
                self._parts.move_to_end(phrase)
                return part
        part = load(phrase)
        if len(part[0]) > self.budget:
            with self._lock:
                self._too_large.add(phrase)
            return part
        with self._lock:
            if phrase not in self._parts:
                self._parts[phrase] = part
                self.rows += len(part[0])
            while self.rows > self.budget:
                _, (dropped, _) = self._parts.popitem(last=False)
                self.rows -= len(dropped)
        return part

    def __contains__(self, phrase: Phrase) -> bool:
        return phrase in self._parts


def tree_builders():
    """The callables that make ``fulltext._either`` build an expression as a tree: ("and" |
    "or", children) or ("phrase", words)."""

    def join_and(parts):
        return ("and", list(parts))

    def join_or(parts):
        return ("or", list(parts))

    def phrase(words):
        return ("phrase", tuple(words))

    def term(alternatives):
        return join_or([phrase(words) for words in alternatives])

    return join_and, join_or, term, phrase


def phrases(tree) -> list[Phrase]:
    """The distinct phrases of an expression's tree."""
    kind, body = tree
    if kind == "phrase":
        return [body]
    return list(dict.fromkeys(phrase for child in body for phrase in phrases(child)))


def evaluate(
    tree, excluded: list[Phrase], size: int, part: Callable[[Phrase], Part], ranked: bool = True
) -> tuple[np.ndarray, np.ndarray | None]:
    """Over ``size`` documents, by position (``part`` gives each phrase's rows as positions):
    a mask of those the expression ``tree`` matches without any ``excluded`` phrase, and (when
    ``ranked``) each one's bm25, higher is better, added up from the phrases' parts."""
    parts: dict[Phrase, Part] = {}
    masks: dict = {}  # by phrase, or by the identity of an AND or OR node of ``tree``

    def rows(phrase) -> Part:
        if phrase not in parts:
            parts[phrase] = part(phrase)
        return parts[phrase]

    def holds(node) -> np.ndarray:  # which documents hold the node
        kind, body = node
        key = body if kind == "phrase" else id(node)
        if key not in masks:
            if kind == "phrase":
                mask = np.zeros(size, dtype=bool)
                mask[rows(body)[0]] = True
            else:
                combine = np.logical_and if kind == "and" else np.logical_or
                mask = combine.reduce([holds(child) for child in body])
            masks[key] = mask
        return masks[key]

    matched = holds(tree).copy()
    for phrase in excluded:
        matched &= ~holds(("phrase", phrase))
    if not ranked:
        return matched, None
    total = np.zeros(size, dtype=np.float64)

    def add(node, live: np.ndarray) -> None:  # in the expression's order, where it counts
        kind, body = node
        if kind == "phrase":
            positions, values = rows(body)
            counted = live[positions]
            total[positions[counted]] += values[counted]
            return
        if kind == "and":
            live = live & holds(node)
        for child in body:
            add(child, live)

    add(tree, matched)
    return matched, total
