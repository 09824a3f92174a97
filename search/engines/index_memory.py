"""What each worker holds in memory of the database engine's index: every document's facet values
and its place in date order (and in the order documents appeared on the portal). The database
finds what the words match and scores it; filtering, facet counts and the page of results are
then array operations here, instead of SQL that joins every match's facet rows (at 50,000
documents, half of the broadest searches' time; bench/README.md).

A document's facet rows and date are written with it and never change while it exists (changing
a document replaces its row, under a new id), and every write replaces the token of
:class:`~search.models.IndexVersion` in the same transaction. A worker reads the token on each
search and loads everything again when it has changed (at 50,000 documents: about 0.3 s, once
per change, and a few MB)."""

import heapq
import uuid
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from django.db.models import F

from search.engines.bm25_parts import PhraseParts
from search.facets import FACET_NAMES
from search.models import DocumentFacet, FacetValue, IndexedDocument, IndexVersion
from search.query import FACET_SIZE, PAGE_SIZE

UNKNOWN = -1  # the number of a filter value no document has
# Added to the score of a document that matches some but not all terms, so that documents
# matching every term come first. Scores are lower-is-better integers between about -1e16 and
# 7e17 (``fulltext``: -ln(relevance) * 1e15, relevance at least 1e-300), so the sum stays
# within 64 bits.
PARTIAL = 2**62


@dataclass(frozen=True)
class Scored:
    """Documents the words matched and their scores, lower first (zeros when not ranked), read
    from the two comma-separated lists a full-text statement returns, or found among the
    worker's documents (``positions``: their places in this copy, when already known)."""

    ids: np.ndarray
    scores: np.ndarray
    positions: np.ndarray | None = None

    @classmethod
    def from_lists(cls, ids: str | None, scores: str | None) -> "Scored":
        found = _integers(ids)
        scored = _integers(scores) if scores is not None else np.zeros(len(found), np.int64)
        if len(scored) != len(found):
            raise ValueError(f"{len(found)} matches came with {len(scored)} scores")
        return cls(found, scored)


def _integers(listed: str | None) -> np.ndarray:
    """numpy reads the list in C: about 1 ms for 22,000 numbers, against 4 through split()."""
    if not listed:
        return np.empty(0, dtype=np.int64)
    return np.fromstring(listed, dtype=np.int64, sep=",")


@dataclass
class Matches:
    """What a question's words matched. For a question that needs only some of its terms,
    ``scored`` are the documents with every term, ``some`` every document it matches (scores
    not read), and ``rank_some()`` scores those; it is called only when a page reaches past the
    documents with every term."""

    scored: Scored
    some: Scored | None = None
    rank_some: Callable[[], Scored] | None = None


@dataclass
class Answer:
    total: int
    counts: dict[str, dict[str, int]]  # facet name -> value -> count (the most frequent)
    page: list[int]  # the ids of one page of results, in order


class IndexMemory:
    """Documents by position (their ids, sorted), facet values by position (their numbers,
    sorted) and one row per (document, value) pair, as arrays. A search's matches become a mask
    over the documents; counting is ``bincount`` over the rows of the documents that pass."""

    def __init__(
        self,
        token,
        rows: list[tuple[int, int]],
        values: list[tuple[int, str, str]],
        newest_first: list[int],
        added_last_first: list[int],
    ):
        self.token = token
        values = sorted(values)
        self.value_numbers = np.array([number for number, _, _ in values], dtype=np.int64)
        self.labels = [(name, value) for _, name, value in values]
        self.numbers = {(name, value): number for number, name, value in values}
        self.of_facet = {
            name: np.array([i for i, (n, _) in enumerate(self.labels) if n == name], dtype=np.intp)
            for name in FACET_NAMES
        }
        table = np.array(rows, dtype=np.int64).reshape(-1, 2)  # (document id, value number)
        order = np.array(newest_first, dtype=np.int64)
        self.document_ids = np.unique(np.concatenate([table[:, 0], order]))
        self.row_document = np.searchsorted(self.document_ids, table[:, 0])
        self.row_value = np.searchsorted(self.value_numbers, table[:, 1])
        # Each document's place in the listing without words: newest first, then by title.
        self.date_rank = self._rank(newest_first)
        # And in the order they appeared on the portal, the latest first (a search's feed).
        self.added_rank = self._rank(added_last_first)
        self._everything = None
        # SQLite's phrases' parts of bm25 in this state of the index (``bm25_parts``).
        self.phrase_parts = PhraseParts()

    def _rank(self, ids: list[int]) -> np.ndarray:
        """Each document's place in ``ids`` (documents not in it last: one written after the
        list was read is not among the documents until the next load)."""
        order = np.array(ids, dtype=np.int64)
        rank = np.full(len(self.document_ids), len(order), dtype=np.int64)
        held = np.isin(order, self.document_ids)
        rank[np.searchsorted(self.document_ids, order[held])] = np.flatnonzero(held)
        return rank

    def filter_numbers(self, filters: dict[str, str]) -> dict[str, int]:
        """Each filter's facet value number (a value no document has matches nothing)."""
        return {name: self.numbers.get((name, value), UNKNOWN) for name, value in filters.items()}

    def positions(self, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The positions of ``ids`` among the documents, and which of them are held (a document
        written after this copy was loaded is not, until the next search reloads it)."""
        positions = np.searchsorted(self.document_ids, ids)
        held = positions < len(self.document_ids)
        held[held] = self.document_ids[positions[held]] == ids[held]
        return positions, held

    def _having(self, number: int) -> np.ndarray:
        """A mask over the documents: those with the value numbered ``number``."""
        mask = np.zeros(len(self.document_ids), dtype=bool)
        position = np.searchsorted(self.value_numbers, number)
        if position < len(self.value_numbers) and self.value_numbers[position] == number:
            mask[self.row_document[self.row_value == position]] = True
        return mask

    def _counted(self, documents: np.ndarray) -> np.ndarray:
        return np.bincount(self.row_value[documents[self.row_document]], minlength=len(self.labels))

    def _listed(self, name: str, counted: np.ndarray) -> dict[str, int]:
        """The facet's FACET_SIZE most frequent values, the most frequent first, then by value."""
        positions = self.of_facet[name]
        counts = counted[positions]
        present = counts > 0
        positions, counts = positions[present], counts[present]
        if len(counts) > FACET_SIZE:  # only what can make the list: ties at the cut stay in
            least = np.partition(counts, len(counts) - FACET_SIZE)[len(counts) - FACET_SIZE]
            positions, counts = positions[counts >= least], counts[counts >= least]
        pairs = [(self.labels[p][1], int(c)) for p, c in zip(positions, counts, strict=True)]
        return dict(heapq.nsmallest(FACET_SIZE, pairs, key=lambda pair: (-pair[1], pair[0])))

    @staticmethod
    def _passing(matched: np.ndarray, having: dict, leave_out: str | None = None) -> np.ndarray:
        """The matched documents that pass every filter but ``leave_out``'s."""
        passing = matched
        for name, mask in having.items():
            if name != leave_out:
                passing = passing & mask
        return passing

    def _counts(self, matched: np.ndarray, having: dict, passing: np.ndarray) -> dict:
        """Per facet, its most frequent values. A facet with a selected value counts what the
        other filters allow, so a reader can switch between its values; the others count what
        passes every filter (``passing``)."""
        counted = self._counted(passing)
        found = {name: self._listed(name, counted) for name in FACET_NAMES if name not in having}
        for name in having:
            others = self._passing(matched, having, leave_out=name)
            found[name] = self._listed(name, self._counted(others))
        return found

    def _matched(self, found: Scored) -> tuple[np.ndarray, np.ndarray]:
        """A mask over the documents for what ``found`` holds, and the scores by document."""
        matched = np.zeros(len(self.document_ids), dtype=bool)
        scores = np.zeros(len(self.document_ids), dtype=np.int64)
        if found.positions is not None:  # found among these documents: every one is held
            positions, held = found.positions, slice(None)
        else:
            positions, held = self.positions(found.ids)
        matched[positions[held]] = True
        scores[positions[held]] = found.scores[held]
        return matched, scores

    def _page(self, candidates: np.ndarray, primary: np.ndarray, page: int) -> list[int]:
        """The ids of one page of ``candidates`` (document positions) in ``primary`` order,
        ties broken by id."""
        wanted = page * PAGE_SIZE
        if len(candidates) > wanted:  # only what can reach the page: ties at the cut stay in
            cut = np.partition(primary, wanted - 1)[wanted - 1]
            candidates, primary = candidates[primary <= cut], primary[primary <= cut]
        order = np.lexsort((self.document_ids[candidates], primary))
        chosen = candidates[order][wanted - PAGE_SIZE : wanted]
        return [int(pk) for pk in self.document_ids[chosen]]

    def _filtered(self, matches: Matches | None, filters: dict[str, int]) -> "_Filtered":
        """The masks and scores of one search before its page is chosen (``_Filtered``)."""
        matched, scores, partial = np.ones(len(self.document_ids), dtype=bool), None, None
        if matches is not None:
            matched, scores = self._matched(matches.scored)
        if matches is not None and matches.some is not None:
            some, _ = self._matched(matches.some)
            partial = some & ~matched
            matched = matched | partial
            scores[partial] = PARTIAL
        having = {name: self._having(number) for name, number in filters.items()}
        return _Filtered(matched, having, self._passing(matched, having), scores, partial)

    def _ranked(self, found: "_Filtered", matches: Matches | None, page: int) -> np.ndarray:
        """The scores by document; the documents with only some terms are scored (after
        PARTIAL) only if the page reaches past those with every term."""
        partial = found.partial
        if partial is None or not (found.passing & partial).any():
            return found.scores
        if int((found.passing & ~partial).sum()) >= page * PAGE_SIZE:
            return found.scores
        _, own = self._matched(matches.rank_some())
        scores = found.scores.copy()
        scores[partial] = PARTIAL + own[partial]
        return scores

    def count(self, matches: Matches | None, filters: dict[str, int]) -> int:
        """How many documents ``matches`` (as for ``answer``) leaves under ``filters``."""
        return int(self._filtered(matches, filters).passing.sum())

    def answer(
        self, matches: Matches | None, filters: dict[str, int], sort: str, page: int
    ) -> Answer:
        """One search: ``matches`` are what the words matched, or None for every document;
        ``filters`` maps facet names to value numbers; ``sort`` is "relevance", "date" or
        "added" (``SearchQuery.sort``)."""
        found = self._filtered(matches, filters)
        matched, having, passing = found.matched, found.having, found.passing
        if matches is None and not filters:  # browsing everything: the same for every reader
            if self._everything is None:
                self._everything = self._counts(matched, {}, passing)
            counts = self._everything
        else:
            counts = self._counts(matched, having, passing)
        candidates = np.flatnonzero(passing)
        if sort == "relevance" and found.scores is not None:
            primary = self._ranked(found, matches, page)[candidates]
        elif sort == "added":
            primary = self.added_rank[candidates]
        else:
            primary = self.date_rank[candidates]
        return Answer(int(passing.sum()), counts, self._page(candidates, primary, page))


@dataclass
class _Filtered:
    """Masks over the documents: what the words matched, each filter, what passes them all, and
    (for a question needing only some terms) the matches without every term; and the scores
    by document (None without words or ranking)."""

    matched: np.ndarray
    having: dict[str, np.ndarray]
    passing: np.ndarray
    scores: np.ndarray | None
    partial: np.ndarray | None


_held: IndexMemory | None = None


def current() -> IndexMemory:
    """What the tables hold now: the worker's copy if its token is current, else a new one."""
    global _held
    token = IndexVersion.objects.values_list("token", flat=True).first()
    held = _held
    if held is not None and token is not None and held.token == token:
        return held
    memory = _load(token)
    if token is not None:  # no row yet (nothing written): nothing to recognise it by later
        _held = memory
    return memory


def _load(token) -> IndexMemory:
    values = list(FacetValue.objects.values_list("id", "name", "value"))
    rows = list(DocumentFacet.objects.values_list("document_id", "facet_id").iterator(10_000))
    newest_first = list(
        IndexedDocument.objects.order_by(F("date").desc(nulls_last=True), "title", "id")
        .values_list("id", flat=True)
        .iterator(10_000)
    )
    added_last_first = list(
        IndexedDocument.objects.order_by(F("added").desc(nulls_last=True), "title", "id")
        .values_list("id", flat=True)
        .iterator(10_000)
    )
    return IndexMemory(token, rows, values, newest_first, added_last_first)


def changed() -> None:
    """Called by every write to the engine's documents, in its transaction."""
    IndexVersion.objects.bulk_create(
        [IndexVersion(pk=1, token=uuid.uuid4())],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["token"],
    )
