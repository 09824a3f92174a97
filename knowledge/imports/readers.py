"""Spreadsheet files to rows: CSV (UTF-8, with or without a byte-order mark) and XLSX."""

import csv
import io
from dataclasses import dataclass

MAX_ROWS = 5000


class UnreadableFile(Exception):
    """The file is not a CSV or XLSX the importer can read; the message says why."""


@dataclass
class Sheet:
    columns: list[str]
    rows: list[tuple[int, dict[str, object]]]  # (spreadsheet row number, column -> value)


def normalise_heading(heading) -> str:
    return str(heading or "").strip().lower().replace(" ", "_")


def _sheet(header: list, data_rows) -> Sheet:
    columns = [normalise_heading(heading) for heading in header]
    rows = []
    for number, values in enumerate(data_rows, start=2):
        if number - 1 > MAX_ROWS:
            raise UnreadableFile(f"The file has more than {MAX_ROWS} rows; split it.")
        values = list(values)
        if all(value in (None, "") for value in values):
            continue
        rows.append((number, dict(zip(columns, values, strict=False))))
    return Sheet(columns=columns, rows=rows)


def read_csv(content: bytes) -> Sheet:
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableFile("The CSV file is not UTF-8 text. Save it as 'CSV UTF-8'.") from error
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise UnreadableFile("The file is empty.")
    return _sheet(header, reader)


def read_xlsx(content: bytes) -> Sheet:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as error:
        raise UnreadableFile("The file is not a readable XLSX workbook.") from error
    rows = workbook.worksheets[0].iter_rows(values_only=True)
    header = next(rows, None)
    if not header:
        raise UnreadableFile("The first sheet is empty.")
    return _sheet(list(header), rows)


def read_sheet(name: str, content: bytes) -> Sheet:
    if name.lower().endswith(".xlsx"):
        return read_xlsx(content)
    if name.lower().endswith(".csv"):
        return read_csv(content)
    raise UnreadableFile("Upload a .csv or .xlsx file.")
