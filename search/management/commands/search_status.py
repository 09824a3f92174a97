"""Which engine answers, how each indexes, its documents per kind, and each engine's deliveries
waiting or given up."""

from django.core.management.base import BaseCommand
from django.db.models import Count

from search import engines, registry
from search.engines.base import EngineUnavailable
from search.models import OutboxEntry


class Command(BaseCommand):
    help = "Show the search engines, document counts per kind and the outbox per engine."

    def handle(self, *args, **options):
        self.stdout.write(f"Engine answering readers: {engines.primary().name}")
        for engine in engines.all_configured():
            try:
                counts = engine.count_by_kind()
                details = engine.describe()
            except EngineUnavailable as error:
                self.stdout.write(f"The {engine.name} engine: unavailable ({error})")
                continue
            self.stdout.write(f"The {engine.name} engine: {'; '.join(details)}")
            for search_kind in registry.kinds():
                self.stdout.write(f"  {search_kind.label}: {counts.get(search_kind.kind, 0)}")
        waiting = dict(
            OutboxEntry.waiting().values_list("engine").annotate(n=Count("pk")).order_by()
        )
        for name in engines.configured():
            self.stdout.write(f"Outbox for {name}: {waiting.get(name, 0)} change(s) waiting")
        failing = OutboxEntry.most_failed()
        if failing is not None:
            self.stdout.write(
                f"  failing deliveries: up to {failing.attempts} attempts; last error: "
                f"{failing.last_error[:200]}"
            )
        given_up = OutboxEntry.given_up()
        if given_up.exists():
            self.stdout.write(
                f"Given up (see Reports → Search deliveries): {given_up.count()} deliveries"
            )
            for entry in given_up.order_by("-pk")[:10]:
                self.stdout.write(
                    f"  {entry.doc_id} to {entry.engine}, {entry.attempts} attempts: "
                    f"{entry.last_error[:200]}"
                )
