"""The reader's search page, its JSON twin for API clients, and title suggestions."""

from dataclasses import replace
from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET
from wagtail.models import Site

from portal.site_structure import section_pages
from search import corrections, facets
from search.engines.base import SearchResults
from search.query import PAGE_SIZE, SearchQuery
from search.service import FEW_ENOUGH, run_search, suggest
from search.service import count as count_results
from search.statistics import promotions_for, record
from search.text import MAX_QUERY_LENGTH, WORD, fold


def wants_json(request) -> bool:
    if request.GET.get("format") == "json":
        return True
    accept = request.headers.get("Accept", "")
    return "application/json" in accept and "text/html" not in accept


def query_link(query: SearchQuery, **changes) -> str:
    """The query string of ``query`` with ``changes`` (an empty value drops the parameter)."""
    params = {"q": query.text, **query.filters, "sort": query.sort}
    params.update(changes)
    return "?" + urlencode({k: v for k, v in params.items() if v not in ("", None)})


@require_GET
def search_view(request):
    query = SearchQuery.from_params(request.GET)
    results = run_search(query)
    pages = max(1, -(-results.total // PAGE_SIZE))
    if query.page > pages and results.total:
        # A page past the end (an old link, a hand-made URL) shows the last one.
        if not wants_json(request):
            return redirect(request.path + query_link(query, page=pages))
        query.page = pages
        results = run_search(query)
    name_partnerships(results)
    promoted, offers, counted = [], {}, None
    if query.page == 1:
        # Answered only with some of its words: editors should see it as much as one that
        # found nothing (a synonym or a promotion may be what it lacks).
        unanswered = not results.total or (results.relaxed and not results.enough_words)
        record(query.text, unanswered)
        promoted = promotions_for(query.text, request)
        counted = (query.text, unanswered)
        offers = other_questions(query, results)
    if wants_json(request):
        response = JsonResponse(
            {
                "query": {
                    "q": query.text,
                    "filters": query.filters,
                    "page": query.page,
                    "sort": query.sort,
                },
                "total": results.total,
                "page": query.page,
                "pages": pages,
                "notes": results.notes,
                "relaxed": results.relaxed,
                # how many of the results have enough of the words (when relaxed, the first)
                "enough_words": results.enough_words if results.relaxed else results.total,
                "offers": {
                    name: {"q": offer.text, "total": offer.total} for name, offer in offers.items()
                },
                "promoted": [
                    {**item, "url": request.build_absolute_uri(item["url"])} for item in promoted
                ],
                "results": [
                    {
                        "id": hit.doc_id,
                        "kind": hit.kind,
                        "title": hit.title,
                        "url": request.build_absolute_uri(hit.url),
                        "summary": hit.summary,
                        "date": hit.date.isoformat() if hit.date else None,
                        "added": hit.added.isoformat() if hit.added else None,
                        "highlight": hit.highlight,
                    }
                    for hit in results.hits
                ],
                "facets": {
                    name: [
                        {
                            "value": v.value,
                            "label": v.label,
                            "count": v.count,
                            "selected": v.selected,
                        }
                        for v in values
                    ]
                    for name, values in results.facets.items()
                },
            }
        )
        response.counted_search = counted  # counted again when served from the page cache
        return response
    facet_groups = [
        {
            "name": facet.name,
            "title": facet.title,
            "values": [
                {
                    "value": value,
                    "link": query_link(
                        query, **{facet.name: "" if value.selected else value.value}, page=""
                    ),
                }
                for value in results.facets.get(facet.name, [])[:12]
            ],
        }
        for facet in facets.FACETS
        if results.facets.get(facet.name)
    ]
    kind_labels = facets.BY_NAME["kind"].labels()
    response = render(
        request,
        "search/search.html",
        {
            "query": query,
            "results": results,
            "promoted": promoted,
            "hits": [(hit, kind_labels.get(hit.kind, hit.kind)) for hit in results.hits],
            "facet_groups": facet_groups,
            "pages": pages,
            "previous_link": query_link(query, page=query.page - 1) if query.page > 1 else "",
            "next_link": query_link(query, page=query.page + 1) if query.page < pages else "",
            "max_query_length": MAX_QUERY_LENGTH,
            "refinements": refinements(query) if query.text else [],
            "offers": [
                (name, offer, query_link(query, q=offer.text, page=""))
                for name, offer in offers.items()
            ],
            "browse_sections": browse_sections(request) if not results.total else [],
            # The same search as a feed of its newest results (its own order, from page one),
            # also for words that find nothing yet; none for an empty page of everything.
            "feed_query": query_link(query, page="", sort="")
            if results.total or query.text or query.filters
            else "",
            "sort_links": {
                "relevance": query_link(query, sort="relevance"),
                "date": query_link(query, sort="date"),
                "added": query_link(query, sort="added"),
            },
        },
    )
    response.counted_search = counted  # counted again when served from the page cache
    return response


REFINABLE = ("kind", "province", "setting", "category", "rating")
FEW = 3  # fewer results than this, and a better spelling is offered


def other_questions(query: SearchQuery, results: SearchResults) -> dict[str, corrections.Offer]:
    """For a search that found little, or nothing with enough of its words: a spelling from the
    index's words (for the latter, one that does find enough of them: "mthata school patrls" is
    answered by "school" alone until "mthatha school patrols" is offered); for one that found
    nothing, the question with only the words that find something (same filters)."""
    total = results.total
    if not query.text or (total >= FEW and not results.relaxed):
        return {}

    def count(text: str, relax: bool = True) -> int:
        return count_results(replace(query, text=text, page=1, notes=[]), relax=relax)

    offers = {}
    if results.relaxed:
        spelling = corrections.spelling(query.text, lambda text: count(text, relax=False))
        # Some results already have enough of the words: a spelling must find enough of them
        # in at least a few ("ways to fight stock theft" was offered "ways to night stock
        # theft" for its two results: "fight" is no title's word, but it is not misspelt).
        needed = FEW_ENOUGH if results.enough_words else 1
        spelling = spelling if spelling and spelling.total >= needed else None
    else:
        spelling = corrections.spelling(query.text, count)
        spelling = spelling if spelling and spelling.total > total else None
    if spelling:
        offers["spelling"] = spelling
    if not total and not offers and (shorter := corrections.fewer_words(query.text, count)):
        offers["fewer_words"] = shorter
    return offers


def refinements(query: SearchQuery) -> list[dict]:
    """Filters the words name ("patrol in Gauteng" names the province Gauteng), offered as
    one-click refinements when they are not applied yet."""
    words = f" {' '.join(WORD.findall(fold(query.text)))} "
    offers = []
    for name in REFINABLE:
        if name in query.filters:
            continue
        facet = facets.BY_NAME[name]
        for value, label in facet.labels().items():
            if f" {' '.join(WORD.findall(fold(label)))} " in words:
                offers.append(
                    {
                        "facet": facet.title,
                        "label": label,
                        "link": query_link(query, **{name: value}, page=""),
                    }
                )
    return offers[:3]


def public_partnership_names(references) -> dict[str, str]:
    """{reference: title} of the public partnerships among ``references``; others are left
    out, so an internal partnership's name is never read for a reader."""
    from knowledge.models import Partnership

    return dict(
        Partnership.objects.public()
        .filter(reference__in=list(references))
        .values_list("reference", "title")
    )


def name_partnerships(results) -> None:
    """The partnership facet lists register references; readers see the partnerships' names
    (public partnerships only: the facet holds no other)."""
    values = results.facets.get("partnership") or []
    if not values:
        return
    names = public_partnership_names(value.value for value in values)
    for value in values:
        value.label = names.get(value.value, value.value)


def browse_sections(request) -> list:
    """The site's sections, for a search that found nothing."""
    site = Site.find_for_request(request)
    if site is None:
        return []
    return section_pages(request, site.root_page)


@require_GET
def suggest_view(request):
    return JsonResponse({"suggestions": suggest(request.GET.get("q", ""))})
