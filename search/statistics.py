"""What readers search for: Wagtail's query hits (its "Search terms" report and the search
promotions admin use them) and our own count of searches that found nothing with enough of
their words (nothing at all, or only results with some of them: ``search.service.searched``)."""

import atexit
import datetime
import threading
import time
from collections import Counter

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.search.utils import normalise_query_string

from portal import page_privacy
from portal.site_structure import remembered
from search.models import UnansweredQuery


def _count_hits(model, hits: int, **key) -> None:
    """Add ``hits`` to ``model``'s daily ``hits`` row for ``key``: one UPDATE, or for the day's
    first count an INSERT (two workers racing to insert both count)."""
    if model.objects.filter(**key).update(hits=F("hits") + hits):
        return
    try:
        with transaction.atomic():
            model.objects.create(**key, hits=hits)
    except IntegrityError:
        model.objects.filter(**key).update(hits=F("hits") + hits)


class _Tally:
    """Searches counted in this process and not yet written: ``(text, found nothing) -> n``.

    Writing two rows for every search would make a cached search cost two database writes,
    which serialise on SQLite; the tally is written at most every ``SEARCH_COUNT_SECONDS`` (on
    the first search after that time, and when the process exits)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.pending: Counter[tuple[str, bool]] = Counter()
        self.since = time.monotonic()

    def add(self, text: str, found_nothing: bool) -> None:
        with self.lock:
            self.pending[(text, found_nothing)] += 1
            due = time.monotonic() - self.since >= settings.SEARCH_COUNT_SECONDS
        if due:
            self.write()

    def write(self) -> None:
        with self.lock:
            pending, self.pending = self.pending, Counter()
            self.since = time.monotonic()
        today = timezone.localdate()
        for (text, found_nothing), hits in pending.items():
            _count_hits(QueryDailyHits, hits, query=Query.get(text), date=today)
            if found_nothing:
                _count_hits(UnansweredQuery, hits, query_string=text, date=today)


tally = _Tally()
atexit.register(tally.write)


def normalised(text: str) -> str:
    return normalise_query_string(text)[:255] if text else ""


def record(text: str, unanswered: bool) -> None:
    """Count a search in Wagtail's query hits, and in ours when it went ``unanswered``."""
    if text := normalised(text):
        tally.add(text, unanswered)


def count_cached_search(sender, request, response, **kwargs) -> None:
    """A search answered from the page cache is counted as the view would have counted it."""
    counted = getattr(response, "counted_search", None)
    if counted:
        record(*counted)


def promotions_for(text: str, request) -> list[dict]:
    """Editors' chosen results for this query: external links and live, public pages only."""
    text = normalised(text)
    if text not in promoted_query_strings(request):
        return []
    promoted = []
    picks = SearchPromotion.objects.filter(query__query_string=text)
    for pick in picks.select_related("page").order_by("sort_order"):
        if pick.page is not None:
            page = pick.page
            if not page.live or page_privacy.view_restrictions(page).exists():
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
