"""Rebuild the portal search index from scratch: project every registered object."""

import time

from django.core.management.base import BaseCommand

from search import projection, registry
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
        every_document = []
        summary = {}
        # Documents are replaced in place and the stale ones removed at the end, so readers
        # never search a half-built index.
        with projection.batch():
            for search_kind in registry.kinds():
                documents = self._project(search_kind, database_engine)
                every_document.extend(documents)
                summary[search_kind.label] = (
                    len(documents),
                    search_kind.model._default_manager.count() - len(documents),
                )
        removed = database_engine.delete_except({document.doc_id for document in every_document})
        database_engine.tidy()
        for engine in other_engines:
            # A new index beside the live one, then an alias swap: readers never see it empty.
            engine.rebuild(every_document)
        # Everything queued before the rebuild started is now reflected in the index.
        if pending_before is not None:
            OutboxEntry.objects.filter(pk__lte=pending_before).delete()
        seconds = time.monotonic() - started
        for label, (indexed, skipped) in summary.items():
            self.stdout.write(f"  {label}: {indexed} indexed, {skipped} not public")
        if removed:
            self.stdout.write(f"  {removed} stale documents removed")
        total_indexed = len(every_document)
        self.stdout.write(
            self.style.SUCCESS(f"Indexed {total_indexed} documents in {seconds:.1f} s.")
        )

    def _project(self, search_kind, database_engine) -> list:
        queryset = projection.searchable_objects(search_kind.model)
        total = queryset.count()
        documents, batch = [], []
        self._progress(search_kind.label, 0, total)
        for number, instance in enumerate(queryset.iterator(chunk_size=BATCH_SIZE), start=1):
            document = instance.search_document()
            if document is not None:
                batch.append(document)
            if len(batch) >= BATCH_SIZE or number == total:
                database_engine.upsert(batch)
                documents.extend(batch)
                batch = []
                self._progress(search_kind.label, number, total)
        self.stdout.write("")
        return documents

    def _progress(self, label: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(
            f"\r  {label:<20} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
        )
        self.stdout.flush()
