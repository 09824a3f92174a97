"""The database engine's facet values, held in each worker's memory: which values each indexed
document has, so that a search counts its facets over the ids the full-text index matched,
instead of joining every match's facet rows in SQL (at 50,000 documents, that join was half of
the broadest searches' time; bench/README.md).

A document's facet rows are written with it and never change while it exists (changing a
document replaces its row, under a new id), and every write replaces the token of
:class:`~search.models.IndexVersion` in the same transaction. A worker reads the token on each
search and loads the rows again when it has changed (at 50,000 documents: about 0.1 s, once per
change, and about 20 MB)."""

import heapq
import uuid

import numpy as np

from search.facets import FACET_NAMES
from search.models import DocumentFacet, FacetValue, IndexVersion
from search.query import FACET_SIZE


class FacetMemory:
    """The facet rows as arrays: for each row, its document's position among the sorted
    document ids and its value's position among the sorted value numbers. Counting is then
    ``bincount`` over the rows of the matched documents (about 2 ms for 22,000 matches)."""

    def __init__(self, token, rows: list[tuple[int, int]], values: list[tuple[int, str, str]]):
        self.token = token
        values = sorted(values)
        self.value_numbers = np.array([number for number, _, _ in values], dtype=np.int64)
        self.labels = [(name, value) for _, name, value in values]
        self.of_facet = {
            name: np.array([i for i, (n, _) in enumerate(self.labels) if n == name], dtype=np.intp)
            for name in FACET_NAMES
        }
        table = np.array(rows, dtype=np.int64).reshape(-1, 2)  # (document id, value number)
        self.document_ids = np.unique(table[:, 0])
        self.row_document = np.searchsorted(self.document_ids, table[:, 0])
        self.row_value = np.searchsorted(self.value_numbers, table[:, 1])
        self._everything = None

    def _documents(self, ids) -> np.ndarray:
        """A mask over the documents: those in ``ids`` (None: all)."""
        if ids is None:
            return np.ones(len(self.document_ids), dtype=bool)
        ids = np.asarray(ids, dtype=np.int64)
        positions = np.searchsorted(self.document_ids, ids)
        known = positions < len(self.document_ids)
        known[known] = self.document_ids[positions[known]] == ids[known]
        mask = np.zeros(len(self.document_ids), dtype=bool)
        mask[positions[known]] = True
        return mask

    def _having(self, number: int) -> np.ndarray:
        """A mask over the documents: those with the value numbered ``number``."""
        mask = np.zeros(len(self.document_ids), dtype=bool)
        position = np.searchsorted(self.value_numbers, number)
        if position < len(self.value_numbers) and self.value_numbers[position] == number:
            mask[self.row_document[self.row_value == position]] = True
        return mask

    def _counted(self, documents: np.ndarray) -> np.ndarray:
        rows = documents[self.row_document]
        return np.bincount(self.row_value[rows], minlength=len(self.labels))

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

    def counts(self, ids, filters: dict[str, int]) -> dict[str, dict[str, int]]:
        """Per facet, the FACET_SIZE most frequent values among ``ids`` (None: every document)
        and their counts. A facet with a selected value (``filters``: facet name -> value
        number) counts what the other filters allow, so a reader can switch between its values;
        the others count what passes every filter."""
        if ids is None and not filters:  # browsing everything: the same for every reader
            if self._everything is None:
                self._everything = self._count(self._documents(None), {})
            return self._everything
        return self._count(self._documents(ids), filters)

    def _count(self, matched: np.ndarray, filters: dict[str, int]) -> dict[str, dict[str, int]]:
        having = {name: self._having(number) for name, number in filters.items()}
        passing = matched.copy()
        for mask in having.values():
            passing &= mask
        counted = self._counted(passing)
        found = {name: self._listed(name, counted) for name in FACET_NAMES if name not in having}
        for name in having:
            others = matched.copy()
            for other, mask in having.items():
                if other != name:
                    others &= mask
            found[name] = self._listed(name, self._counted(others))
        return found


_held: FacetMemory | None = None


def current() -> FacetMemory:
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


def _load(token) -> FacetMemory:
    values = list(FacetValue.objects.values_list("id", "name", "value"))
    rows = list(DocumentFacet.objects.values_list("document_id", "facet_id").iterator(10_000))
    return FacetMemory(token, rows, values)


def changed() -> None:
    """Called by every write to the engine's documents, in its transaction."""
    IndexVersion.objects.bulk_create(
        [IndexVersion(pk=1, token=uuid.uuid4())],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=["token"],
    )
