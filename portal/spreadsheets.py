"""CSV exports that a spreadsheet cannot mistake for formulas.

A cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is run as a formula
when the CSV is opened in Excel or LibreOffice (``=HYPERLINK(...)`` in a partnership's title or a
reader's search). Every CSV export in the admin (the register's, the dialogue's, the reference
groups' and Wagtail's own reports, such as search terms) goes through Wagtail's
``SpreadsheetExportMixin``, so its preprocessing is extended once, here, to prefix such a cell
with an apostrophe, as OWASP advises. Wagtail's XLSX export already stores such cells as text.
"""

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
