"""The public commitments tracker: counts by status, filters in the URL, one page of
commitments at a time."""

from django.db.models import Case, Count, F, IntegerField, Value, When
from django.utils import timezone

from dialogue.filters import CommitmentFilterForm
from dialogue.models import Commitment, CommitmentStatus
from dialogue.models.choices import UNFINISHED
from portal.listing import filtered_listing

COMMITMENTS_PER_PAGE = 25


def tracker_context(request, section) -> dict:
    # What is still to be done first, soonest due (overdue) first; then what is finished.
    finished_last = Case(
        When(status__in=UNFINISHED, then=Value(0)), default=Value(1), output_field=IntegerField()
    )
    commitments = (
        Commitment.objects.live()
        .with_maker()
        .select_related("event")
        .order_by(finished_last, F("due_date").asc(nulls_last=True), "pk")
    )
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
