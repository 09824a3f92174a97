"""Bringing scattered partnership records into the register from CSV and XLSX files."""

from .importers import IMPORTERS, ImportReport, RowResult, import_register_file

__all__ = ["IMPORTERS", "ImportReport", "RowResult", "import_register_file"]
