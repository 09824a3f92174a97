"""Which engine answers, how many documents of each kind it holds, and the outbox backlog."""

from django.core.management.base import BaseCommand

from search import registry
from search.delivery import engines
from search.engines.base import EngineUnavailable
from search.models import OutboxEntry
from search.service import primary_engine


class Command(BaseCommand):
    help = "Show the search engine, document counts per kind and the outbox backlog."

    def handle(self, *args, **options):
        self.stdout.write(f"Engine answering readers: {primary_engine().name}")
        for engine in engines():
            try:
                counts = engine.count_by_kind()
            except EngineUnavailable as error:
                self.stdout.write(f"Documents in the {engine.name} index: unavailable ({error})")
                continue
            self.stdout.write(f"Documents in the {engine.name} index:")
            for search_kind in registry.kinds():
                self.stdout.write(f"  {search_kind.label}: {counts.get(search_kind.kind, 0)}")
        pending = OutboxEntry.objects.count()
        self.stdout.write(f"Outbox backlog: {pending} change(s) waiting")
        failing = OutboxEntry.most_failed()
        if failing is not None:
            self.stdout.write(
                f"  failing deliveries: up to {failing.attempts} attempts; last error: "
                f"{failing.last_error[:200]}"
            )
