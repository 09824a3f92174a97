"""Judging search: a set of plain-language questions with the answers a person would call right
(``judged_questions.json``), and the measures over it (success@5, nDCG@10)."""

import json
import math
from dataclasses import dataclass
from pathlib import Path

QUESTIONS_FILE = Path(__file__).with_name("judged_questions.json")


@dataclass(frozen=True)
class Judged:
    question: str
    asker: str
    answers: frozenset[str]


def questions() -> list[Judged]:
    data = json.loads(QUESTIONS_FILE.read_text(encoding="utf-8"))
    return [Judged(q["question"], q["asker"], frozenset(q["answers"])) for q in data]


def success_at(titles: list[str], judged: Judged, k: int = 5) -> bool:
    return any(title in judged.answers for title in titles[:k])


def ndcg_at(titles: list[str], judged: Judged, k: int = 10) -> float:
    """Normalised discounted cumulative gain with binary relevance."""
    gain = sum(
        1 / math.log2(rank + 2) for rank, title in enumerate(titles[:k]) if title in judged.answers
    )
    ideal = sum(1 / math.log2(rank + 2) for rank in range(min(len(judged.answers), k)))
    return gain / ideal if ideal else 0.0
