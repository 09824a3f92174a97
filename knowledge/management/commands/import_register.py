"""Import organisations or partnerships from a CSV or XLSX file (a dry run unless --commit)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from knowledge.imports import IMPORTERS, import_register_file


class Command(BaseCommand):
    help = (
        "Check a spreadsheet of organisations or partnerships and report every problem by row "
        "and column. With --commit, write it, but only if no row has a problem."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(IMPORTERS))
        parser.add_argument("path", type=Path)
        parser.add_argument("--commit", action="store_true", help="Write the rows.")

    def handle(self, *args, kind, path, commit, **options):
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        report = import_register_file(kind, path.name, path.read_bytes(), commit=commit)
        for message in report.file_errors:
            self.stderr.write(f"File: {message}")
        if report.ignored_columns:
            self.stdout.write(f"Ignored columns: {', '.join(report.ignored_columns)}")
        for row in report.rows:
            for column, message in row.errors:
                where = f"row {row.row}" + (f", column {column}" if column else "")
                self.stderr.write(f"{where}: {message}")
        summary = (
            f"{len(report.rows)} rows: {report.count('create')} to create, "
            f"{report.count('update')} to update, {report.count('unchanged')} unchanged"
        )
        if not report.ok:
            raise CommandError(f"{summary}. Nothing was imported: fix the problems above.")
        if report.committed:
            self.stdout.write(self.style.SUCCESS(f"Imported. {summary}."))
        else:
            self.stdout.write(f"Dry run, nothing written. {summary}. Add --commit to import.")
