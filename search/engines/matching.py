"""What a question's words match in the database engine's full-text index, and their scores.

A statement of matches (``fulltext``) finds the documents; on PostgreSQL the same statement
scores them. On SQLite, once the worker has been asked for each of a question's phrases before
in this state of the index, it reads each phrase's rows and part of bm25 once and keeps them
(``bm25_parts``): a question whose phrases are all kept is then matched and scored in numpy,
without a statement. The first question with a word costs what a ranked statement costs, the
next reads the word's part, and every later one finds it kept (at 50,000 documents, the mix of
``bench/search_speed.py`` then spends about 5 ms a question in the engine instead of 19;
bench/README.md)."""

import contextlib

import numpy as np
from django.db import connection, transaction

from search.engines import bm25_parts, fulltext
from search.engines.index_memory import IndexMemory, Matches, Scored
from search.query import PAGE_SIZE
from search.reading import Reading


class Matching:
    def __init__(self, reading: Reading, memory: IndexMemory):
        self.reading = reading
        self.memory = memory
        self.database = fulltext.for_database()
        self._parts_ready = None

    def matches(self, ranked: bool) -> Matches | None:
        """What the words match, or None (no words: every document). Without ``ranked`` every
        score is 0, and the database does not compute them (ranking is most of a broad word's
        cost)."""
        reading = self.reading
        if reading.empty:
            return None
        found = self._from_parts if ranked and self._by_parts() else self._listed
        if not ranked or reading.required >= len(reading.terms):
            return Matches(found(ranked=ranked))
        # Documents with only some of the terms rank after those with all of them, so they are
        # scored only if a page reaches them (at 50,000 documents, "rural patrols" matches
        # 28,668 documents, 8,815 of them with both words: 56 ms to score all, 30 ms this way).
        every_term = found(ranked=True, every_term=True)
        if len(every_term.ids) < PAGE_SIZE:  # the first page reaches past them: score all at once
            some = found(ranked=True)
            return Matches(every_term, some=some, rank_some=lambda: some)
        return Matches(every_term, some=found(ranked=False), rank_some=lambda: found(ranked=True))

    def _by_parts(self) -> bool:
        """Whether this question is matched and scored from its phrases' parts (decided once:
        every statement a question makes has the same phrases)."""
        if self._parts_ready is None:
            tree = self.database.tree(self.reading) if self.database.scores_by_phrase else None
            self._parts_ready = tree is not None and self.memory.phrase_parts.ready(
                [*bm25_parts.phrases(tree), *self.reading.excluded]
            )
        return self._parts_ready

    def _from_parts(self, ranked: bool, every_term: bool = False) -> Scored:
        """The matches and their scores from the phrases' parts, without asking the database
        (``bm25_parts.evaluate``)."""
        tree = self.database.tree(self.reading, every_term)
        documents = self.memory.document_ids
        matched, relevance = bm25_parts.evaluate(
            tree, self.reading.excluded, len(documents), self._part, ranked
        )
        positions = np.flatnonzero(matched)
        if not ranked:
            scores = np.zeros(len(positions), dtype=np.int64)
        else:
            scores = self.database.scores(relevance[positions])
        return Scored(documents[positions], scores, positions)

    def _listed(self, ranked: bool, every_term: bool = False) -> Scored:
        """The matches as the database lists them: one row of two lists (``fulltext``)."""
        source, params = self.database.matches(self.reading, ranked=ranked, every_term=every_term)
        # A transaction only to scope planner settings: on SQLite (IMMEDIATE transactions) one
        # would take the write lock, so reads there run without.
        settings = self.database.settings
        scope = transaction.atomic() if settings else contextlib.nullcontext()
        with scope, connection.cursor() as cursor:
            for setting in settings:
                cursor.execute(setting)
            cursor.execute(source, params)
            return Scored.from_lists(*cursor.fetchone())

    def _part(self, phrase) -> bm25_parts.Part:
        return self.memory.phrase_parts.get(phrase, self._read_part)

    def _read_part(self, phrase) -> bm25_parts.Part:
        """The phrase's rows, as positions among the documents the worker holds (one written
        since it loaded them is left out, as from every answer until the next search)."""
        source, params = self.database.phrase_part(phrase)
        with connection.cursor() as cursor:
            cursor.execute(source, params)
            rows = np.array(cursor.fetchall(), dtype=[("id", np.int64), ("part", np.float64)])
        positions, held = self.memory.positions(rows["id"])
        return positions[held], rows["part"][held]
