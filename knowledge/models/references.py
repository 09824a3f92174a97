"""Human references for partnerships (CSPS-2026-0042): unique, sequential per year, never reused.

A counter row per year is incremented with a single UPDATE inside the caller's transaction, so
two editors saving at the same moment get different numbers on PostgreSQL (the row lock) and on
SQLite (which the settings open in IMMEDIATE transaction mode, one writer at a time).
"""

from django.db import IntegrityError, models, transaction
from django.db.models import F

PREFIX = "CSPS"
# What a reference looks like: a profile's address, and a whole reference typed into the
# register's text box (looked up by the unique index, not by scanning the register).
REFERENCE_PATTERN = r"[A-Z]+-\d{4}-\d{4,}"
# A reference being typed, as far as its year's first digit at least ("CSPS-2", "CSPS-2026-00").
REFERENCE_START = r"[A-Z]+-\d[\d-]*"


class ReferenceCounter(models.Model):
    year = models.PositiveIntegerField(primary_key=True)
    last_number = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last_number}"


def format_reference(year: int, number: int) -> str:
    return f"{PREFIX}-{year}-{number:04d}"


def allocate_reference(year: int) -> str:
    with transaction.atomic():
        updated = ReferenceCounter.objects.filter(year=year).update(
            last_number=F("last_number") + 1
        )
        if not updated:
            try:
                with transaction.atomic():
                    ReferenceCounter.objects.create(year=year, last_number=1)
            except IntegrityError:
                # Another transaction created this year's counter first; take the next number.
                ReferenceCounter.objects.filter(year=year).update(last_number=F("last_number") + 1)
        number = ReferenceCounter.objects.get(year=year).last_number
    return format_reference(year, number)
