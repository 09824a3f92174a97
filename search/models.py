"""The search outbox (what changed, written in the same transaction as the change) and the
database engine's table of projected documents."""

from django.db import models


class OutboxEntry(models.Model):
    """A change one engine has still to receive (or received lately, or gave up on).

    Each engine has its own rows, so the database engine stays current while Elasticsearch is
    down. Delivered rows are kept for a day: a rebuild replays those written after it started
    into the index it has just made live."""

    class Action(models.TextChoices):
        UPSERT = "upsert", "Add or update"
        DELETE = "delete", "Remove"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed (given up)"

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    engine = models.CharField(max_length=20, default="database")
    action = models.CharField(max_length=10, choices=Action.choices)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    retry_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "search delivery"
        verbose_name_plural = "search deliveries"
        indexes = [
            models.Index(fields=["engine", "status", "id"], name="search_outbox_queue"),
            models.Index(fields=["status", "delivered_at"], name="search_outbox_delivered"),
        ]

    def __str__(self):
        return f"{self.action} {self.kind}:{self.object_id} to {self.engine}"

    @property
    def doc_id(self) -> str:
        return f"{self.kind}:{self.object_id}"

    @classmethod
    def waiting(cls):
        return cls.objects.filter(status=cls.Status.PENDING)

    @classmethod
    def given_up(cls):
        return cls.objects.filter(status=cls.Status.FAILED)

    @classmethod
    def most_failed(cls) -> "OutboxEntry | None":
        """The waiting entry with the most failed deliveries (its error says why), if any."""
        return cls.waiting().filter(attempts__gt=0).order_by("-attempts", "-pk").first()


class IndexedDocument(models.Model):
    """One SearchDocument, stored for the database engine (and as Elasticsearch's fallback).

    Its full-text index is the database's own, created by migration 0003: an FTS5 table kept
    current by triggers on SQLite, a weighted ``tsvector`` column with a GIN index on
    PostgreSQL. Facet values live in :class:`DocumentFacet`, one row per value.
    """

    doc_id = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    source_id = models.BigIntegerField()
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True, db_index=True)
    added = models.DateTimeField(null=True, blank=True)  # SearchDocument.added
    # Accent- and case-folded copies that the full-text index reads, so "Mthátha" and
    # "mthatha" match on SQLite and PostgreSQL alike (the query is folded the same way).
    title_folded = models.CharField(max_length=500, blank=True)
    summary_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    topics_folded = models.TextField(blank=True)

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self):
        return self.doc_id


class FacetValue(models.Model):
    """One value of one facet (``province`` = ``limpopo``), numbered so that facet counts group
    by an integer rather than by two strings."""

    name = models.CharField(max_length=20)
    value = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["name", "value"], name="search_facet_value_once")
        ]

    def __str__(self):
        return f"{self.name}={self.value}"


class DocumentFacet(models.Model):
    """A facet value of an indexed document (a publication in two provinces has two ``province``
    rows), so facet counts are a GROUP BY over the matches. Its two indexes cover both ways in:
    a document's values (counting) and a value's documents (filtering)."""

    document = models.ForeignKey(
        IndexedDocument, on_delete=models.CASCADE, related_name="facets", db_index=False
    )
    facet = models.ForeignKey(
        FacetValue, on_delete=models.CASCADE, related_name="+", db_index=False
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "facet"], name="search_document_facet_once")
        ]
        indexes = [models.Index(fields=["facet", "document"], name="search_facet_documents")]

    def __str__(self):
        return f"{self.document_id}: {self.facet_id}"


class IndexVersion(models.Model):
    """One row whose token the database engine replaces in the transaction of every write to
    its documents, so a worker can tell whether what it holds of them in memory
    (``search.engines.index_memory``) is still what the tables hold. A token is random, never a
    counter: a rolled-back write must not leave a later, different one looking the same."""

    token = models.UUIDField()

    def __str__(self):
        return str(self.token)


class UnansweredQuery(models.Model):
    """Searches that found nothing with enough of their words, per day: what readers want and
    the portal lacks."""

    query_string = models.CharField(max_length=255)
    date = models.DateField()
    hits = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["query_string", "date"], name="unanswered_once_a_day")
        ]
        verbose_name_plural = "unanswered queries"

    def __str__(self):
        return f"{self.query_string} ({self.date}: {self.hits})"
