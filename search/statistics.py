"""What readers search for: Wagtail's query hits (its "Search terms" report and the search
promotions admin use them) and our own count of searches that found nothing."""

import datetime

from django.db.models import F, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query
from wagtail.search.utils import normalise_query_string

from search.models import UnansweredQuery


def record(text: str, total: int) -> None:
    if not text:
        return
    normalised = normalise_query_string(text)[:255]
    if not normalised:
        return
    Query.get(normalised).add_hit()
    if total == 0:
        today = timezone.localdate()
        entry, _ = UnansweredQuery.objects.get_or_create(query_string=normalised, date=today)
        UnansweredQuery.objects.filter(pk=entry.pk).update(hits=F("hits") + 1)


def promotions_for(text: str, request) -> list[dict]:
    """Editors' chosen results for this query: external links and live, public pages only."""
    if not text:
        return []
    query = Query.objects.filter(query_string=normalise_query_string(text)).first()
    if query is None:
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


def unanswered(days: int = 30, limit: int = 100):
    since = timezone.localdate() - datetime.timedelta(days=days)
    return (
        UnansweredQuery.objects.filter(date__gte=since)
        .values("query_string")
        .annotate(total=Sum("hits"))
        .order_by("-total", "query_string")[:limit]
    )
