"""Delete registrants' personal data a set number of days after their event ended (POPIA: kept
no longer than needed). For a daily timer in production."""

import datetime

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from dialogue.models import Registration


class Command(BaseCommand):
    help = "Delete registrations of events that ended more than the retention period ago."

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.DIALOGUE_REGISTRATION_RETENTION_DAYS,
            help="Days after the event to keep registrations "
            "(default: DIALOGUE_REGISTRATION_RETENTION_DAYS).",
        )

    def handle(self, *args, days, **options):
        cutoff = timezone.now() - datetime.timedelta(days=days)
        deleted, _ = Registration.objects.filter(event__ends_at__lt=cutoff).delete()
        self.stdout.write(
            f"Deleted {deleted} registration(s) of events that ended before "
            f"{timezone.localtime(cutoff):%-d %B %Y}."
        )
