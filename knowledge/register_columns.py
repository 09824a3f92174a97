"""The columns of the register's spreadsheets: the export writes them, the import reads them.

Keeping one list means a file exported from the admin can be edited and imported back, and an
unedited round trip changes nothing.
"""

PARTNERSHIP_COLUMNS = [
    "reference",
    "title",
    "summary",
    "purpose",
    "parties",
    "scope",
    "provinces",
    "locality",
    "level",
    "formality",
    "funding_model",
    "term",
    "stance",
    "thrusts",
    "responsible_unit",
    "start_date",
    "end_date",
    "status",
    "visibility",
]
# Computed by the register; exported for reading, ignored on import.
PARTNERSHIP_COMPUTED_COLUMNS = ["flags"]

ORGANISATION_COLUMNS = ["name", "sector", "provinces", "npo_number", "psira_number", "website"]
# Accepted on import (to bring in contact lists) but never exported.
ORGANISATION_PRIVATE_COLUMNS = ["contact_name", "contact_role", "contact_email", "contact_phone"]

# Model attributes that hold an exported column whose name differs from it.
EXPORT_ATTRIBUTES = {"parties": "parties_for_export"}


def export_fields(columns: list[str]) -> list[str]:
    return [EXPORT_ATTRIBUTES.get(column, column) for column in columns]


def headings_for(columns: list[str]) -> dict[str, str]:
    return {EXPORT_ATTRIBUTES.get(column, column): column for column in columns}
