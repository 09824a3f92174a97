"""Rebuild the portal search index from scratch: project every registered object."""

import time

from django.core.management.base import BaseCommand, CommandError

from search import engines, projection, registry
from search.models import OutboxEntry
from search.sync import enqueue

BATCH_SIZE = 500


class Command(BaseCommand):
    help = "Rebuild the portal's search index from every public, searchable object."

    def handle(self, *args, **options):
        started = time.monotonic()
        # Changes saved from here on may reach the old index (Elasticsearch's alias still points
        # at it) or be overwritten by an older projection: they are replayed at the end.
        replay_from = OutboxEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        rebuilds = [engine.start_rebuild() for engine in engines.all_configured()]
        seen: set[str] = set()
        self.failed: list[tuple[str, int]] = []
        summary = {}
        for search_kind in registry.kinds():
            indexed = self._project(search_kind, rebuilds, seen)
            everything = search_kind.model._default_manager.count()
            summary[search_kind.label] = (indexed, everything - indexed)
        removed = max(rebuild.finish(seen) for rebuild in rebuilds)
        replayed = self._replay(replay_from)
        for kind, pk in self.failed:
            enqueue(kind, [pk])
        seconds = time.monotonic() - started
        for label, (indexed, skipped) in summary.items():
            self.stdout.write(f"  {label}: {indexed} indexed, {skipped} not public")
        if removed:
            self.stdout.write(f"  {removed} stale documents removed")
        if replayed:
            self.stdout.write(f"  {replayed} changes saved during the rebuild queued again")
        self.stdout.write(self.style.SUCCESS(f"Indexed {len(seen)} documents in {seconds:.1f} s."))
        if self.failed:
            raise CommandError(
                f"{len(self.failed)} objects could not be projected (errors above); they wait "
                "in the search outbox (python manage.py search_status)."
            )

    def _project(self, search_kind, rebuilds, seen: set[str]) -> int:
        """Project one kind in batches, writing each batch to every engine as it goes (nothing
        holds the whole corpus). An object whose projection raises is reported and queued in
        the outbox, where it is retried and, if it keeps failing, parked for the admin."""
        queryset = search_kind.objects()
        total = queryset.count()
        indexed, done, batch, failed = 0, 0, [], []
        self._progress(search_kind.label, 0, total)
        with projection.batch():
            for instance in queryset.iterator(chunk_size=BATCH_SIZE):
                done += 1
                try:
                    document = search_kind.project(instance)
                except Exception as error:
                    self.stderr.write(f"\n  {search_kind.kind}:{instance.pk} failed: {error!r}")
                    failed.append(instance.pk)
                    continue
                if document is not None:
                    batch.append(document)
                if len(batch) >= BATCH_SIZE:
                    indexed += self._write(batch, rebuilds, seen)
                    batch = []
                    self._progress(search_kind.label, done, total)
            indexed += self._write(batch, rebuilds, seen)
        self._progress(search_kind.label, done, total)
        self.stdout.write("")
        self.failed.extend((search_kind.kind, pk) for pk in failed)
        return indexed

    def _write(self, batch, rebuilds, seen: set[str]) -> int:
        for rebuild in rebuilds:
            for doc_id, reason in rebuild.write(batch).items():
                self.stderr.write(f"  {doc_id} refused: {reason}")
        seen.update(document.doc_id for document in batch)
        return len(batch)

    def _replay(self, replay_from: int) -> int:
        """Queue again, for every engine, what changed after the rebuild started; what waited
        before it is in the new index, so those rows are done."""
        OutboxEntry.waiting().filter(pk__lte=replay_from).update(
            status=OutboxEntry.Status.DELIVERED
        )
        changed = OutboxEntry.objects.filter(pk__gt=replay_from).values_list("kind", "object_id")
        by_kind: dict[str, set[int]] = {}
        for kind, object_id in changed.distinct():
            by_kind.setdefault(kind, set()).add(object_id)
        for kind, ids in by_kind.items():
            enqueue(kind, ids)
        return sum(len(ids) for ids in by_kind.values())

    def _progress(self, label: str, done: int, total: int) -> None:
        width = 30
        filled = int(width * done / total) if total else width
        self.stdout.write(
            f"\r  {label:<20} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending=""
        )
        self.stdout.flush()
