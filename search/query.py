"""A reader's search, parsed from the URL: text, filters, page and sort. Unknown values are
dropped, never an error."""

from dataclasses import dataclass, field

from portal.taxonomy import Province, Setting, StrategyCategory
from search.text import clean_query

FACETS = ["kind", "province", "setting", "category", "rating", "year", "partnership"]
SORTS = ("relevance", "date")
PAGE_SIZE = 10
FACET_SIZE = 50  # values listed per facet, the most frequent first
MAX_PAGE = 500


@dataclass
class SearchQuery:
    text: str = ""
    filters: dict[str, str] = field(default_factory=dict)
    page: int = 1
    sort: str = "relevance"
    notes: list[str] = field(default_factory=list)

    @classmethod
    def from_params(cls, params, known_kinds, known_ratings) -> "SearchQuery":
        text, note = clean_query(params.get("q", ""))
        allowed = {
            "kind": set(known_kinds),
            "province": set(Province.values),
            "setting": set(Setting.values),
            "category": set(StrategyCategory.values),
            "rating": set(known_ratings),
        }
        filters = {}
        for name in FACETS:
            value = (params.get(name) or "").strip()
            if not value:
                continue
            if name == "year":
                if value.isdigit() and 1900 <= int(value) <= 2100:
                    filters[name] = value
            elif name == "partnership":
                if len(value) <= 30 and value.replace("-", "").isalnum():
                    filters[name] = value.upper()
            elif value in allowed[name]:
                filters[name] = value
        try:
            page = min(max(int(params.get("page", 1)), 1), MAX_PAGE)
        except (TypeError, ValueError):
            page = 1
        sort = params.get("sort") if params.get("sort") in SORTS else "relevance"
        return cls(text=text, filters=filters, page=page, sort=sort, notes=[note] if note else [])
