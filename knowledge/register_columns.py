"""The columns of the register's spreadsheets: the export writes them, the import reads them.

Keeping one list means a file exported from the admin can be edited and imported back, and an
unedited round trip changes nothing.
"""

from knowledge.models.organisations import OrganisationContact

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
# Kept by the register itself; exported for reading, ignored on import.
PARTNERSHIP_COMPUTED_COLUMNS = ["flags", "made_public_at", "profile_updated_at"]

ORGANISATION_COLUMNS = ["name", "sector", "provinces", "npo_number", "psira_number", "website"]
# The contact person's details: accepted on import (to bring in contact lists), never exported.
ORGANISATION_PRIVATE_COLUMNS = [f"contact_{detail}" for detail in OrganisationContact.DETAILS]

# Model attributes that hold an exported column whose name differs from it.
EXPORT_ATTRIBUTES = {"parties": "parties_for_export"}


def export_fields(columns: list[str]) -> list[str]:
    return [EXPORT_ATTRIBUTES.get(column, column) for column in columns]


def headings_for(columns: list[str]) -> dict[str, str]:
    return {EXPORT_ATTRIBUTES.get(column, column): column for column in columns}
