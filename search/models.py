"""The search outbox (what changed, written in the same transaction as the change) and the
database engine's table of projected documents."""

from django.db import models
from wagtail.search import index

from portal.fields import ChoiceListField
from portal.taxonomy import Province, Setting, StrategyCategory


class OutboxEntry(models.Model):
    class Action(models.TextChoices):
        UPSERT = "upsert", "Add or update"
        DELETE = "delete", "Remove"

    kind = models.CharField(max_length=40)
    object_id = models.BigIntegerField()
    action = models.CharField(max_length=10, choices=Action.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name_plural = "outbox entries"

    def __str__(self):
        return f"{self.action} {self.kind}:{self.object_id}"


class IndexedDocument(index.Indexed, models.Model):
    """One SearchDocument, stored for the database engine (and as Elasticsearch's fallback)."""

    doc_id = models.CharField(max_length=80, unique=True)
    kind = models.CharField(max_length=40, db_index=True)
    # Not "object_id": Wagtail's index rebuild annotates querysets with that name.
    source_id = models.BigIntegerField()
    title = models.CharField(max_length=500)
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    url = models.CharField(max_length=500)
    date = models.DateField(null=True, blank=True, db_index=True)
    provinces = ChoiceListField(vocabulary=Province, blank=True)
    settings = ChoiceListField(vocabulary=Setting, blank=True)
    categories = ChoiceListField(vocabulary=StrategyCategory, blank=True)
    partnerships = models.TextField(blank=True, help_text="|CSPS-2026-0001|...|")
    rating = models.CharField(max_length=30, blank=True)
    topics = models.TextField(blank=True)
    # Accent- and case-folded copies that the full-text index reads, so "Mthátha" and
    # "mthatha" match on SQLite and PostgreSQL alike (the query is folded the same way).
    title_folded = models.CharField(max_length=500, blank=True)
    summary_folded = models.TextField(blank=True)
    body_folded = models.TextField(blank=True)
    topics_folded = models.TextField(blank=True)

    search_fields = [
        index.SearchField("title_folded", boost=4),
        index.SearchField("topics_folded", boost=3),
        index.SearchField("summary_folded", boost=2),
        index.SearchField("body_folded"),
        index.AutocompleteField("title_folded"),
        index.FilterField("kind"),
        index.FilterField("date"),
    ]

    class Meta:
        ordering = ["-date", "title"]

    def __str__(self):
        return self.doc_id


class UnansweredQuery(models.Model):
    """Searches that found nothing, per day: what readers want and the portal lacks."""

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
