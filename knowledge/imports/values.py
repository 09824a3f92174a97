"""Turning spreadsheet cells into field values, with a message a person can act on."""

import datetime
import re
from decimal import Decimal, InvalidOperation

LIST_SEPARATORS = re.compile(r"[;,]")


class CellError(ValueError):
    pass


def text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def choice(value, choices) -> str:
    """A choice by its stored value or its label, ignoring case; '' stays ''."""
    cell = text(value)
    if not cell:
        return ""
    for stored, label in choices:
        if cell.lower() in (str(stored).lower(), str(label).lower()):
            return stored
    allowed = ", ".join(str(stored) for stored, _ in choices)
    raise CellError(f"'{cell}' is not one of: {allowed}.")


def choice_list(value, choices) -> list[str]:
    cell = text(value)
    return [choice(part, choices) for part in LIST_SEPARATORS.split(cell) if part.strip()]


def date(value) -> datetime.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    cell = text(value)
    for date_format in ("%Y-%m-%d", "%d/%m/%Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.datetime.strptime(cell, date_format).date()
        except ValueError:
            continue
    raise CellError(f"'{cell}' is not a date; write it as YYYY-MM-DD.")


def decimal(value) -> Decimal | None:
    cell = text(value).replace(" ", "").replace("R", "")
    if not cell:
        return None
    try:
        return Decimal(cell)
    except InvalidOperation as error:
        raise CellError(f"'{cell}' is not a number.") from error
