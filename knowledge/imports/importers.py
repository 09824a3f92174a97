"""Importing organisations and partnerships from spreadsheets, all or nothing.

Every row is checked first, with each problem reported by row and column. Only when no row
has a problem, and the caller asked to commit, are the rows written, in one transaction.
Organisations are matched to existing ones by NPO or PSIRA number, then by name, so an import
never creates a second record of an organisation the register already knows.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from wagtail.log_actions import log

from knowledge.models import Organisation, Partnership, PartnershipParty
from knowledge.models.choices import (
    Formality,
    FundingModel,
    Level,
    PartnershipStatus,
    PartyRole,
    Scope,
    Stance,
    Term,
    Visibility,
)
from knowledge.register_columns import (
    ORGANISATION_COLUMNS,
    ORGANISATION_PRIVATE_COLUMNS,
    PARTNERSHIP_COLUMNS,
    PARTNERSHIP_COMPUTED_COLUMNS,
)
from portal.taxonomy import Province, Sector, StrategicThrust

from . import values
from .readers import Sheet, UnreadableFile, read_sheet

PARTY_PATTERN = re.compile(r"^(?P<name>.+?)\s*\[(?P<role>[^\]]+)\]\s*$")


@dataclass
class RowResult:
    row: int
    label: str
    action: str = ""
    errors: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ImportReport:
    kind: str
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.file_errors and not any(row.errors for row in self.rows)

    def count(self, action: str) -> int:
        return sum(1 for row in self.rows if row.action == action and not row.errors)

    @property
    def count_create(self) -> int:
        return self.count("create")

    @property
    def count_update(self) -> int:
        return self.count("update")

    @property
    def count_unchanged(self) -> int:
        return self.count("unchanged")


def _name_key(name: str) -> str:
    return " ".join(name.lower().split())


def _validation_errors(error: ValidationError) -> list[tuple[str, str]]:
    if hasattr(error, "error_dict"):
        return [
            (column if column != "__all__" else "", message)
            for column, messages in error.message_dict.items()
            for message in messages
        ]
    return [("", message) for message in error.messages]


def _changed(instance, original: dict, names: list[str]) -> bool:
    return any(getattr(instance, name) != original.get(name) for name in names)


class OrganisationImporter:
    kind = "organisations"
    columns = ORGANISATION_COLUMNS + ORGANISATION_PRIVATE_COLUMNS
    required = ["name", "sector"]

    def __init__(self):
        organisations = list(Organisation.objects.all())
        self.by_npo = {o.npo_number: o for o in organisations if o.npo_number}
        self.by_psira = {o.psira_number: o for o in organisations if o.psira_number}
        self.by_name = {_name_key(o.name): o for o in organisations}
        self.seen: dict[int | str, int] = {}

    def match(self, data: dict) -> Organisation | None:
        return (
            self.by_npo.get(data.get("npo_number") or None)
            or self.by_psira.get(data.get("psira_number") or None)
            or self.by_name.get(_name_key(data.get("name", "")))
        )

    def parse(self, cells: dict, errors: list) -> dict:
        data = {}
        for column in self.columns:
            if column not in cells:
                continue
            try:
                if column == "sector":
                    data[column] = values.choice(cells[column], Sector.choices)
                elif column == "provinces":
                    data[column] = values.choice_list(cells[column], Province.choices)
                else:
                    data[column] = values.text(cells[column])
            except values.CellError as error:
                errors.append((column, str(error)))
        return data

    def check(self, number: int, cells: dict) -> tuple[RowResult, Organisation | None]:
        result = RowResult(row=number, label=values.text(cells.get("name")))
        data = self.parse(cells, result.errors)
        # The contact person's details (contact_<detail>) are kept on its own record.
        details = {
            column.removeprefix("contact_"): data.pop(column)
            for column in ORGANISATION_PRIVATE_COLUMNS
            if column in data
        }
        existing = self.match(data)
        instance = (
            Organisation.objects.select_related("contact").get(pk=existing.pk)
            if existing
            else Organisation()
        )
        original = {name: getattr(instance, name) for name in data}
        for name, value in data.items():
            setattr(instance, name, value)
        contact = instance.contact_or_blank()
        original_details = {detail: getattr(contact, detail) for detail in details}
        for detail, value in details.items():
            setattr(contact, detail, value)
        key = existing.pk if existing else _name_key(data.get("name", ""))
        if key in self.seen:
            result.errors.append(("name", f"The same organisation is on row {self.seen[key]}."))
        self.seen[key] = number
        try:
            instance.full_clean()
        except ValidationError as error:
            result.errors.extend(_validation_errors(error))
        try:
            contact.full_clean(exclude=["organisation"])
        except ValidationError as error:
            result.errors.extend(
                (f"contact_{detail}" if detail else "", message)
                for detail, message in _validation_errors(error)
            )
        if existing is None:
            result.action = "create"
        else:
            changed = _changed(instance, original, list(data)) or _changed(
                contact, original_details, list(details)
            )
            result.action = "update" if changed else "unchanged"
        return result, instance

    def save(self, instance: Organisation, action: str, user) -> None:
        instance.save()
        instance.save_contact()
        log(instance, "wagtail.create" if action == "create" else "wagtail.edit", user=user)


class PartnershipImporter:
    kind = "partnerships"
    columns = PARTNERSHIP_COLUMNS
    required = ["title", "parties"]
    choice_columns = {
        "scope": Scope.choices,
        "level": Level.choices,
        "formality": Formality.choices,
        "funding_model": FundingModel.choices,
        "term": Term.choices,
        "stance": Stance.choices,
        "status": PartnershipStatus.choices,
        "visibility": Visibility.choices,
    }
    list_columns = {"provinces": Province.choices, "thrusts": StrategicThrust.choices}
    date_columns = ["start_date", "end_date"]

    def __init__(self):
        self.organisations = {_name_key(o.name): o for o in Organisation.objects.all()}
        self.partnerships = {p.reference: p for p in Partnership.objects.all()}
        self.seen: dict[str, int] = {}

    def parse_parties(self, cell, errors: list) -> list[tuple[Organisation, str]]:
        parties = []
        for entry in filter(None, (part.strip() for part in values.text(cell).split(";"))):
            match = PARTY_PATTERN.match(entry)
            name, role = (match["name"], match["role"]) if match else (entry, "partner")
            organisation = self.organisations.get(_name_key(name))
            if organisation is None:
                errors.append(("parties", f"No organisation is called '{name}'; import it first."))
                continue
            try:
                parties.append((organisation, values.choice(role, PartyRole.choices)))
            except values.CellError as error:
                errors.append(("parties", f"{name}: {error}"))
        if not parties and not errors:
            errors.append(("parties", "Name at least one party, as 'Organisation [role]'."))
        return parties

    def parse(self, cells: dict, errors: list) -> dict:
        data = {}
        for column in self.columns:
            if column not in cells or column in ("reference", "parties"):
                continue
            try:
                if column in self.choice_columns:
                    data[column] = values.choice(cells[column], self.choice_columns[column])
                elif column in self.list_columns:
                    data[column] = values.choice_list(cells[column], self.list_columns[column])
                elif column in self.date_columns:
                    data[column] = values.date(cells[column])
                else:
                    data[column] = values.text(cells[column])
            except values.CellError as error:
                errors.append((column, str(error)))
        return data

    def check(self, number: int, cells: dict):
        reference = values.text(cells.get("reference"))
        result = RowResult(row=number, label=reference or values.text(cells.get("title")))
        existing = None
        if reference:
            existing = self.partnerships.get(reference)
            if existing is None:
                result.errors.append(
                    (
                        "reference",
                        f"No partnership has the reference {reference}; leave it blank to add "
                        "a new partnership.",
                    )
                )
            elif reference in self.seen:
                result.errors.append(("reference", f"Also on row {self.seen[reference]}."))
            self.seen[reference] = number
        data = self.parse(cells, result.errors)
        parties = self.parse_parties(cells.get("parties"), result.errors)
        instance = Partnership.objects.get(pk=existing.pk) if existing else Partnership()
        original = {name: getattr(instance, name) for name in data}
        for name, value in data.items():
            setattr(instance, name, value)
        try:
            instance.full_clean(exclude=["reference"])
        except ValidationError as error:
            result.errors.extend(_validation_errors(error))
        current_parties = (
            sorted((p.organisation_id, p.role) for p in instance.parties.all()) if existing else []
        )
        new_parties = [(organisation.pk, role) for organisation, role in parties]
        instance._imported_parties = new_parties
        if existing is None:
            result.action = "create"
        elif _changed(instance, original, list(data)) or sorted(new_parties) != current_parties:
            result.action = "update"
        else:
            result.action = "unchanged"
        return result, instance

    def save(self, instance: Partnership, action: str, user) -> None:
        instance.save()
        instance.parties.all().delete()
        PartnershipParty.objects.bulk_create(
            PartnershipParty(
                partnership=instance, organisation_id=organisation_id, role=role, sort_order=order
            )
            for order, (organisation_id, role) in enumerate(instance._imported_parties)
        )
        instance.save_revision(user=user, log_action=True)


IMPORTERS = {"organisations": OrganisationImporter, "partnerships": PartnershipImporter}


def import_register_file(kind: str, name: str, content: bytes, *, commit: bool, user=None):
    """Check (and, with ``commit``, write) one spreadsheet of organisations or partnerships."""
    importer = IMPORTERS[kind]()
    report = ImportReport(kind=kind)
    try:
        sheet: Sheet = read_sheet(name, content)
    except UnreadableFile as error:
        report.file_errors.append(str(error))
        return report
    known = set(importer.columns) | set(PARTNERSHIP_COMPUTED_COLUMNS)
    report.ignored_columns = [column for column in sheet.columns if column and column not in known]
    missing = [column for column in importer.required if column not in sheet.columns]
    if missing:
        report.file_errors.append(f"The file has no column for: {', '.join(missing)}.")
        return report
    if not sheet.rows:
        report.file_errors.append("The file has a header but no rows.")
        return report

    checked = []
    for number, cells in sheet.rows:
        result, instance = importer.check(number, cells)
        report.rows.append(result)
        checked.append((result, instance))

    if commit and report.ok:
        with transaction.atomic():
            for result, instance in checked:
                if result.action in ("create", "update"):
                    importer.save(instance, result.action, user)
        report.committed = True
    return report
