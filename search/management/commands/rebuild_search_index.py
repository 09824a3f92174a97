"""Rebuild the portal search index from scratch: project every registered object."""

import time

from django.core.management.base import BaseCommand
from django.db import transaction

from search import registry
from search.delivery import engines
from search.models import OutboxEntry

BATCH_SIZE = 500


class Command(BaseCommand):
    help = "Rebuild the portal's search index from every public, searchable object."

    def handle(self, *args, **options):
        started = time.monotonic()
        targets = engines()
        pending_before = OutboxEntry.objects.order_by("-pk").values_list("pk", flat=True).first()
        database_engine, other_engines = targets[0], targets[1:]
        database_engine.clear()
        every_document = []
        summary = {}
        for search_kind in registry.kinds():
            queryset = search_kind.model._default_manager.all()
            total = queryset.count()
            indexed = skipped = 0
            batch = []
            for number, instance in enumerate(queryset.iterator(chunk_size=BATCH_SIZE), start=1):
                instance = instance.specific if hasattr(instance, "specific") else instance
                document = instance.search_document()
                if document is None:
                    skipped += 1
                else:
                    batch.append(document)
                if len(batch) >= BATCH_SIZE or number == total:
                    with transaction.atomic():
                        database_engine.upsert(batch)
                    every_document.extend(batch)
                    indexed += len(batch)
                    batch = []
                    self._progress(search_kind.label, number, total)
            if total == 0:
                self._progress(search_kind.label, 0, 0)
            self.stdout.write("")
            summary[search_kind.label] = (indexed, skipped)
        for engine in other_engines:
            # A new index beside the live one, then an alias swap: readers never see it empty.
            engine.rebuild(every_document)
        # Everything queued before the rebuild started is now reflected in the index.
        if pending_before is not None:
            OutboxEntry.objects.filter(pk__lte=pending_before).delete()
        seconds = time.monotonic() - started
        for label, (indexed, skipped) in summary.items():
            self.stdout.write(f"  {label}: {indexed} indexed, {skipped} not public")
        total_indexed = sum(indexed for indexed, _ in summary.values())
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total_indexed} documents in {seconds:.1f} s.")
        )

    def _progress(self, label: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(
            f"\r  {label:<20} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
        )
        self.stdout.flush()
