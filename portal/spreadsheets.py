"""CSV exports that a spreadsheet cannot mistake for formulas.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
when the CSV is opened in Excel or LibreOffice (``=HYPERLINK(...)`` in a partnership's title or a
reader's search). Every CSV export in the admin (the register's, the dialogue's, the reference
groups' and Wagtail's own reports, such as search terms) goes through Wagtail's
``SpreadsheetExportMixin``, so its preprocessing is extended once, here, to prefix such a cell
with an apostrophe, as OWASP advises. Wagtail's XLSX export already stores such cells as text.
The public site's downloads (the register's, the commitments tracker's) are written by
``csv_download``, with the same guard.
"""

import csv
import datetime
from collections.abc import Iterable

from django.http import StreamingHttpResponse
from django.utils.timezone import localdate
from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(value):
    """``value``, with an apostrophe before it if a spreadsheet would read it as a formula."""
    if not isinstance(value, str) or not value.startswith(FORMULA_STARTS):
        return value
    try:
        float(value)  # a negative number is a number, not a formula
    except ValueError:
        return "'" + value
    return value


def protect_csv_exports() -> None:
    """Extend Wagtail's export preprocessing (once) so that CSV cells are never formulas."""
    original = SpreadsheetExportMixin.preprocess_field_value
    if getattr(original, "neutralises_formulas", False):
        return

    def preprocess_field_value(self, field, value, export_format):
        processed = original(self, field, value, export_format)
        if export_format == SpreadsheetExportMixin.FORMAT_CSV:
            return neutralise_formula(processed)
        return processed

    preprocess_field_value.neutralises_formulas = True
    SpreadsheetExportMixin.preprocess_field_value = preprocess_field_value


class _Lines:
    """What ``csv.writer`` writes to: each row comes back as its line, to be streamed."""

    def write(self, line: str) -> str:
        return line


def _cell(value):
    """A cell's text: a date (or a moment's day, in the site's time zone) as 2026-11-25,
    nothing for None, never a formula."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = localdate(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    return neutralise_formula(value)


def csv_download(name: str, header: list[str], rows: Iterable[list]) -> StreamingHttpResponse:
    """A CSV file for a reader to download, named ``name-YYYY-MM-DD.csv`` and streamed as its
    rows are read (so the page cache never keeps it): a byte order mark first, so that Excel
    reads UTF-8, dates as 2026-11-25, and no cell a spreadsheet would run as a formula."""
    writer = csv.writer(_Lines())

    def lines():
        yield "\ufeff"
        yield writer.writerow(header)
        for row in rows:
            yield writer.writerow([_cell(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}-{localdate():%Y-%m-%d}.csv"'
    return response
