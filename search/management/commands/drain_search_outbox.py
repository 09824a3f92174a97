"""Deliver what waits in the search outbox: for a timer in production, so that changes made
while an engine was down reach it once it is back, even if nobody saves anything."""

from django.core.management.base import BaseCommand

from search.delivery import drain, retry_failed
from search.models import OutboxEntry


class Command(BaseCommand):
    help = "Deliver the search outbox to the engines; failed deliveries stay for the next run."

    def add_arguments(self, parser):
        parser.add_argument(
            "--retry-failed",
            action="store_true",
            help="First put the deliveries that were given up back in the queue.",
        )

    def handle(self, *args, **options):
        if options["retry_failed"]:
            self.stdout.write(f"{retry_failed()} given-up deliveries queued again.")
        delivered = drain()
        waiting = OutboxEntry.waiting().count()
        self.stdout.write(f"Delivered {delivered}; {waiting} still waiting in the outbox.")
        failing = OutboxEntry.most_failed()
        if failing is not None:
            self.stderr.write(f"Failing after {failing.attempts} attempts: {failing.last_error}")
        given_up = OutboxEntry.given_up().count()
        if given_up:
            self.stderr.write(f"{given_up} deliveries were given up (search_status lists them).")
