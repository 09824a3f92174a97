"""The public commitments tracker: counts by status, filters in the URL, one page of
commitments at a time."""

from django.db.models import Count
from django.utils import timezone

from dialogue.filters import CommitmentFilterForm
from dialogue.models import Commitment, CommitmentStatus
from portal.listing import filtered_listing

COMMITMENTS_PER_PAGE = 25


def tracker_context(request, section) -> dict:
    commitments = Commitment.objects.live().with_maker().select_related("event").in_tracker_order()
    counts = dict(commitments.order_by().values_list("status").annotate(n=Count("pk")))
    return {
        **filtered_listing(
            request,
            CommitmentFilterForm(request.GET),
            commitments,
            COMMITMENTS_PER_PAGE,
            "commitments",
        ),
        "status_counts": [
            (value, label, counts.get(value, 0)) for value, label in CommitmentStatus.choices
        ],
        "overdue_count": commitments.overdue().count(),
        "today": timezone.localdate(),
        "section": section,
    }
