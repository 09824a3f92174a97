"""Text handling shared by indexing and querying: folding, cleaning and highlighting."""

import functools
import html
import re
import sys
import unicodedata

MAX_QUERY_LENGTH = 200
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
TYPOGRAPHIC = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})
WORD = re.compile(r"\w+", re.UNICODE)
SNIPPET_RADIUS = 90
# How much of a document's body its snippet is looked for in. A publication's body holds its
# PDFs' text (up to 2 million characters each), and a page of hits read and folded all of it.
SNIPPET_SOURCE = 20_000


NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold(text: str) -> str:
    """Lower case, without accents, typographic quotes made plain: Mthátha -> mthatha."""
    if text.isascii():
        return text.lower()  # most text, and nothing to decompose: the fast way
    # Only the runs of other characters are decomposed: str.translate walks a whole string
    # character by character, and one dash in a report's 2 million characters of PDF text
    # took 600 ms this way against 60. ASCII characters decompose to themselves and never
    # reorder with accents, so the result is the same.
    return NON_ASCII.sub(_folded_run, text).lower()


def _folded_run(run: re.Match) -> str:
    decomposed = unicodedata.normalize("NFKD", run.group().translate(TYPOGRAPHIC))
    return decomposed.translate(_without_combining_marks())


@functools.cache
def _without_combining_marks() -> dict[int, None]:
    """A str.translate table deleting every combining mark (accents once decomposed)."""
    return {code: None for code in range(sys.maxunicode + 1) if unicodedata.combining(chr(code))}


def clean_query(raw: str) -> tuple[str, str]:
    """A query safe to hand to any engine, and a note for the reader if it was changed."""
    text = CONTROL_CHARACTERS.sub(" ", raw or "")
    text = " ".join(text.split())
    note = ""
    if len(text) > MAX_QUERY_LENGTH:
        text = text[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0] or text[:MAX_QUERY_LENGTH]
        note = f"Your search was shortened to its first {MAX_QUERY_LENGTH} characters."
    return text, note


def terms(query: str) -> list[str]:
    return [word for word in WORD.findall(fold(query)) if len(word) > 1]


def highlight(text: str, query: str) -> str:
    """An escaped snippet of ``text`` around the first matched term, with terms in <mark>."""
    if not text:
        return ""
    words = terms(query)
    folded_text = fold(text)
    positions = [folded_text.find(word) for word in words if word in folded_text]
    start = max(0, min(positions) - SNIPPET_RADIUS) if positions else 0
    end = start + 2 * SNIPPET_RADIUS + 40
    # Start and end at word boundaries, never inside a word.
    if start > 0 and (space := text.find(" ", start, min(positions or [start]) + 1)) != -1:
        start = space + 1
    if end < len(text) and (space := text.rfind(" ", start, end)) > start:
        end = space
    snippet = text[start:end]
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return prefix + _marked(snippet, words) + suffix


def _marked(snippet: str, words: list[str]) -> str:
    folded = fold(snippet)
    if len(folded) != len(snippet):
        return html.escape(snippet)  # folding changed lengths (rare ligatures): no marks
    spans = sorted(
        match.span() for word in set(words) for match in re.finditer(re.escape(word), folded)
    )
    out, position = [], 0
    for begin, end in spans:
        if begin < position:
            continue
        out.append(html.escape(snippet[position:begin]))
        out.append(f"<mark>{html.escape(snippet[begin:end])}</mark>")
        position = end
    out.append(html.escape(snippet[position:]))
    return "".join(out)
