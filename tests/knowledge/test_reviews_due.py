import datetime
from io import StringIO

import pytest
from django.core.management import call_command

from knowledge.models import AnnualReview
from knowledge.models.choices import PartnershipStatus, ReviewStatus
from tests.knowledge.factories import AnnualReviewFactory, PartnershipFactory

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = StringIO()
    call_command("reviews_due", *args, stdout=out)
    return out.getvalue()


def test_lists_partnerships_whose_review_is_overdue():
    overdue = PartnershipFactory(start_date=datetime.date(2020, 1, 1))
    reviewed = PartnershipFactory(start_date=datetime.date(2020, 1, 1))
    AnnualReviewFactory(partnership=reviewed, completed_on=datetime.date.today())

    output = run()

    assert "Reviews overdue: 1" in output
    assert overdue.reference in output
    assert reviewed.reference not in output


def test_schedule_creates_one_review_per_active_partnership_and_is_idempotent():
    active = PartnershipFactory()
    already = PartnershipFactory()
    AnnualReviewFactory(
        partnership=already,
        year=2027,
        status=ReviewStatus.SCHEDULED,
        completed_on=None,
        recommendation="",
    )
    PartnershipFactory(status=PartnershipStatus.TERMINATED)

    assert "Scheduled 1 review(s) for 2027." in run("--schedule", "--year", "2027")
    assert "Scheduled 0 review(s) for 2027." in run("--schedule", "--year", "2027")

    review = AnnualReview.objects.get(partnership=active, year=2027)
    assert review.status == ReviewStatus.SCHEDULED
    assert review.due_on is not None
