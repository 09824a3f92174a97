"""Deliver what waits in the search outbox: for a timer in production, so that changes made
while an engine was down reach it once it is back, even if nobody saves anything."""

from django.core.management.base import BaseCommand

from search.delivery import drain
from search.models import OutboxEntry


class Command(BaseCommand):
    help = "Deliver the search outbox to the engines; failed deliveries stay for the next run."

    def handle(self, *args, **options):
        delivered = drain()
        waiting = OutboxEntry.objects.count()
        self.stdout.write(f"Delivered {delivered}; {waiting} still waiting in the outbox.")
        failing = OutboxEntry.most_failed()
        if failing is not None:
            self.stderr.write(f"Failing after {failing.attempts} attempts: {failing.last_error}")
