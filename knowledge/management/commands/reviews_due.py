"""List partnerships whose annual review is due; optionally schedule this year's reviews."""

from datetime import timedelta

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from knowledge.flags import Flag, filter_by_flag
from knowledge.models import AnnualReview, Partnership
from knowledge.models.choices import PartnershipStatus, ReviewStatus

DEFAULT_DUE_IN_DAYS = 90


class Command(BaseCommand):
    help = (
        "List open partnerships with no completed review in the last 12 months. With "
        "--schedule, also create a scheduled review for every active partnership that has no "
        "review for the year (default: this year)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--schedule", action="store_true", help="Create scheduled reviews.")
        parser.add_argument("--year", type=int, help="The review year (default: this year).")

    def handle(self, *args, schedule=False, year=None, **options):
        today = timezone.localdate()
        year = year or today.year
        overdue = filter_by_flag(Partnership.objects.all(), Flag.REVIEW_OVERDUE, today)
        self.stdout.write(f"Reviews overdue: {overdue.count()}")
        for partnership in overdue.order_by("reference"):
            self.stdout.write(f"  {partnership.reference}  {partnership.title}")

        if not schedule:
            return
        without_review = Partnership.objects.filter(
            status__in=[PartnershipStatus.ACTIVE, PartnershipStatus.UNDER_REVIEW]
        ).exclude(reviews__year=year)
        with transaction.atomic():
            created = AnnualReview.objects.bulk_create(
                AnnualReview(
                    partnership=partnership,
                    year=year,
                    status=ReviewStatus.SCHEDULED,
                    due_on=today + timedelta(days=DEFAULT_DUE_IN_DAYS),
                )
                for partnership in without_review
            )
        self.stdout.write(self.style.SUCCESS(f"Scheduled {len(created)} review(s) for {year}."))
