"""What readers search for: Wagtail's query hits (its "Search terms" report and the search
promotions admin use them) and our own count of searches that found nothing."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal.site_structure import remembered
from search.models import UnansweredQuery


def _count_hit(model, **key) -> None:
    """Add one to ``model``'s daily ``hits`` row for ``key``: one UPDATE on every search but
    the day's first for that text, which inserts (two searches racing to insert both count)."""
    if model.objects.filter(**key).update(hits=F("hits") + 1):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, hits=1)
    except IntegrityError:
        model.objects.filter(**key).update(hits=F("hits") + 1)


def record(text: str, total: int) -> Query | None:
    """Count a search in Wagtail's query hits, and in ours when it found nothing."""
    if not text:
        return None
    normalised = normalise_query_string(text)[:255]
    if not normalised:
        return None
    query = Query.get(normalised)
    today = timezone.localdate()
    _count_hit(QueryDailyHits, query=query, date=today)
    if total == 0:
        _count_hit(UnansweredQuery, query_string=normalised, date=today)
    return query


def count_cached_search(sender, request, response, **kwargs) -> None:
    """A search answered from the page cache is counted as the view would have counted it."""
    counted = getattr(response, "counted_search", None)
    if counted:
        record(*counted)


def promotions_for(query: Query | None, request) -> list[dict]:
    """Editors' chosen results for this query: external links and live, public pages only."""
    if query is None or query.query_string not in promoted_query_strings(request):
        return []
    promoted = []
    for pick in query.editors_picks.select_related("page").order_by("sort_order"):
        if pick.page is not None:
            page = pick.page
            if not page.live or page.get_view_restrictions().exists():
                continue
            promoted.append(
                {"title": page.title, "url": page.get_url(request), "description": pick.description}
            )
        elif pick.external_link_url:
            promoted.append(
                {
                    "title": pick.external_link_text or pick.external_link_url,
                    "url": pick.external_link_url,
                    "description": pick.description,
                }
            )
    return promoted


def promoted_query_strings(request) -> frozenset[str]:
    """The texts editors have promoted results for (read once per generation while the page
    cache is on: saving a promotion replaces it)."""
    return remembered(
        request,
        "promoted-query-strings",
        lambda: frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True)),
    )


def unanswered(days: int = 30, limit: int = 100):
    since = timezone.localdate() - datetime.timedelta(days=days)
    return (
        UnansweredQuery.objects.filter(date__gte=since)
        .values("query_string")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query_string")[:limit]
    )
