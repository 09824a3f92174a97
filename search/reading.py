"""How the portal reads what a reader types: a question, not a boolean formula.

- English stop words ("in", "the", "what", "how") never decide whether something matches.
- Each meaningful word stands with its synonyms (``search/synonyms.txt``) as one *term*.
- A document must match at least half of the terms (``required``: one of two, two of three
  or four); documents that match every term rank first, then those that match most. When
  fewer than a few documents have that many, the search is asked again needing only one, and
  those that had enough still come first (``search.service``).
- Quoted phrases are required as written, and ``-word`` excludes.
- Letters and numbers joined by hyphens, with a number among them (a register reference such
  as CSPS-2026-0007, COVID-19, 2018-2020), are one identifier: one term, matched as a phrase,
  so a reference finds what has that reference, not everything with "CSPS" and "2026".

Every engine reads a query through ``read()``, so they agree on what a question means.
"""

import functools
import re
from dataclasses import dataclass, field, replace
from itertools import groupby
from pathlib import Path

from search.text import WORD, fold

SYNONYMS_FILE = Path(__file__).with_name("synonyms.txt")
MAX_TERMS = 8  # a pasted paragraph is read as its first eight meaningful words

STOP_WORDS = frozenset(
    (  # noqa: SIM905 (a word list reads best as words)
        "a about above after again against all also am an and any are as at be because been "
        "before being below between both but by can could did do does doing down during each "
        "few for from further had has have having he her here hers herself him himself his how "
        "i if in into is it its itself just me more most my myself no nor not now of off on "
        "once only or other our ours ourselves out over own same she should so some such than "
        "that the their theirs them themselves then there these they this those through to "
        "too under until up very was we were what when where which while who whom why will "
        "with would you your yours yourself yourselves"
    ).split()
)
TOKEN = re.compile(r'"[^"]*"|-?[^\s"]+')
IDENTIFIER = re.compile(r"[^\W_]+(?:-[^\W_]+)+")  # parts joined by hyphens; one must be a number

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Reading:
    terms: list[tuple[Phrase, ...]] = field(default_factory=list)  # each: its alternatives
    phrases: list[Phrase] = field(default_factory=list)  # quoted, required as written
    excluded: list[Phrase] = field(default_factory=list)  # -word
    required: int = 0  # how many terms a document must match

    @property
    def empty(self) -> bool:
        return not (self.terms or self.phrases or self.excluded)

    @property
    def relaxable(self) -> bool:
        """Whether needing fewer of the terms could find more (quoted phrases and excluded words
        stay as typed)."""
        return self.required > 1

    def relaxed(self) -> "Reading":
        """The same question, needing only one of its terms."""
        return replace(self, required=1)

    @property
    def words(self) -> list[str]:
        """Every word a match may show (for highlighting)."""
        found = [word for term in self.terms for alternative in term for word in alternative]
        return found + [word for phrase in self.phrases for word in phrase]


def required_of(count: int) -> int:
    """At least half of the terms (one of two, two of three or four, three of five...)."""
    return (count + 1) // 2


@functools.cache
def synonym_groups() -> dict[Phrase, tuple[Phrase, ...]]:
    """Each word or phrase of the synonyms file -> every alternative in its group."""
    groups: dict[Phrase, tuple[Phrase, ...]] = {}
    for line in SYNONYMS_FILE.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        members = tuple(dict.fromkeys(tuple(WORD.findall(fold(item))) for item in line.split(",")))
        members = tuple(member for member in members if member)
        for member in members:
            groups[member] = tuple(dict.fromkeys(groups.get(member, ()) + members))
    return groups


def _words(text: str) -> Phrase:
    return tuple(word for word in WORD.findall(fold(text)) if len(word) > 1 or word.isdigit())


def _with_synonyms(words: list[str | Phrase]) -> list[tuple[Phrase, ...]]:
    """Terms from single words, joining a run of words that is a multi-word synonym
    ("community police forum" is one term, which also finds "CPF"); an identifier (a phrase
    among the words) is a term of its own."""
    terms = []
    for is_identifier, run in groupby(words, key=lambda word: isinstance(word, tuple)):
        run = list(run)
        terms.extend([(word,) for word in run] if is_identifier else _word_terms(run))
    return terms


def _word_terms(words: list[str]) -> list[tuple[Phrase, ...]]:
    groups, terms, position = synonym_groups(), [], 0
    longest = max((len(key) for key in groups), default=1)
    while position < len(words):
        for size in range(min(longest, len(words) - position), 0, -1):
            run = tuple(words[position : position + size])
            if size > 1 and run in groups:
                terms.append(groups[run])
                position += size
                break
        else:
            word = (words[position],)
            terms.append(groups.get(word, (word,)))
            position += 1
    return terms


def _is_identifier(token: str) -> bool:
    return bool(IDENTIFIER.fullmatch(token.rstrip(".,;:!?"))) and any(
        character.isdigit() for character in token
    )


def read(text: str) -> Reading:
    phrases, excluded, plain = [], [], []
    for token in TOKEN.findall(text or ""):
        if token.startswith('"'):
            words = _words(token)
            if len(words) > 1:
                phrases.append(words)
            else:
                plain.extend(words)
        elif token.startswith("-") and len(token) > 1:
            excluded.extend((word,) for word in _words(token[1:]))
        elif _is_identifier(token) and len(words := _words(token)) > 1:
            plain.append(words)  # one term, its words in order
        else:
            plain.extend(_words(token))
    meaningful = [word for word in plain if isinstance(word, tuple) or word not in STOP_WORDS]
    meaningful = meaningful or plain
    terms = list(dict.fromkeys(_with_synonyms(meaningful)))[:MAX_TERMS]
    return Reading(
        terms=terms, phrases=phrases, excluded=excluded, required=required_of(len(terms))
    )
