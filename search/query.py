"""A reader's search, parsed from the URL: text, filters, page and sort. Unknown values are
dropped, never an error; which values each facet accepts is declared in ``search.facets``."""

from dataclasses import dataclass, field

from search.facets import FACETS
from search.reading import Reading, read
from search.text import clean_query

# By relevance, by the items' own dates, or by when they appeared on the portal (a report
# added today may be dated 2018): "added" is what a journalist checking what is new reads.
SORTS = ("relevance", "date", "added")
PAGE_SIZE = 10
FACET_SIZE = 50  # values listed per facet, the most frequent first
MAX_PAGE = 500


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    page: int = 1
    sort: str = "relevance"  # one of SORTS
    notes: list[str] = field(default_factory=list)
    relaxed: bool = False  # asked again needing only one of its terms (search.service)

    def reading(self) -> Reading:
        """What the text means to every engine (``search.reading``)."""
        reading = read(self.text)
        return reading.relaxed() if self.relaxed else reading

    @classmethod
    def from_params(cls, params) -> "SearchQuery":
        text, note = clean_query(params.get("q", ""))
        filters = {}
        for facet in FACETS:
            value = (params.get(facet.name) or "").strip()[:80]
            if value and (accepted := facet.accepts(value)) is not None:
                filters[facet.name] = accepted
        try:
            page = min(max(int(params.get("page", 1)), 1), MAX_PAGE)
        except (TypeError, ValueError):
            page = 1
        sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
        return cls(text=text, filters=filters, page=page, sort=sort, notes=[note] if note else [])
