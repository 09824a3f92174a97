"""Importing register spreadsheets: problems by row and column, all or nothing, no duplicates,
and an export imported back changes nothing."""

import csv
import io
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse
from openpyxl import Workbook

from knowledge.groups import REGISTER_EDITORS, REGISTER_VIEWERS
from knowledge.imports import import_register_file
from knowledge.models import Organisation, Partnership
from knowledge.register_columns import PARTNERSHIP_COLUMNS
from portal.taxonomy import Province, Sector
from tests.knowledge.factories import OrganisationFactory, PartnershipFactory, user_in

pytestmark = pytest.mark.django_db

PARTNERSHIP_HEADER = PARTNERSHIP_COLUMNS


def csv_bytes(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def partnership_row(**overrides) -> list[str]:
    row = {
        "reference": "",
        "title": "Imported partnership",
        "summary": "From the SAPS database.",
        "purpose": "Safer streets.",
        "parties": "Sonke Gender Justice [lead]",
        "scope": "provincial",
        "provinces": "gauteng",
        "locality": "",
        "level": "Cooperation",
        "formality": "informal",
        "funding_model": "self-funded",
        "term": "long",
        "stance": "pursue",
        "thrusts": "",
        "responsible_unit": "Gauteng office",
        "start_date": "2025-03-01",
        "end_date": "",
        "status": "active",
        "visibility": "public",
        **overrides,
    }
    return [row[column] for column in PARTNERSHIP_HEADER]


@pytest.fixture
def sonke():
    return OrganisationFactory(name="Sonke Gender Justice", npo_number="033-254-NPO")


def test_valid_rows_are_checked_then_imported(sonke):
    content = csv_bytes(PARTNERSHIP_HEADER, [partnership_row(), partnership_row(title="Second")])

    dry_run = import_register_file("partnerships", "in.csv", content, commit=False)
    assert dry_run.ok
    assert dry_run.count("create") == 2
    assert not Partnership.objects.exists()

    report = import_register_file("partnerships", "in.csv", content, commit=True)
    assert report.committed
    imported = Partnership.objects.get(title="Imported partnership")
    assert imported.reference.startswith("CSPS-")
    assert imported.level == "cooperation"  # the label was accepted
    assert [party.organisation for party in imported.parties.all()] == [sonke]
    assert imported.revisions.count() == 1  # imports are audited like edits


def test_one_bad_row_imports_nothing_and_every_problem_is_reported(sonke):
    content = csv_bytes(
        PARTNERSHIP_HEADER,
        [
            partnership_row(),
            partnership_row(
                title="Broken",
                level="friendship",
                start_date="2025-06-01",
                end_date="2025-01-01",
                parties="Nobody Known [lead]",
            ),
            partnership_row(reference="CSPS-1999-0001"),
        ],
    )

    report = import_register_file("partnerships", "in.csv", content, commit=True)

    assert not report.committed
    assert not Partnership.objects.exists()
    problems = {(row.row, column) for row in report.rows for column, _ in row.errors}
    assert {(3, "level"), (3, "parties"), (4, "reference")} <= problems
    assert (2, "title") not in problems
    messages = " ".join(message for row in report.rows for _, message in row.errors)
    assert "'friendship' is not one of" in messages
    assert "No organisation is called 'Nobody Known'" in messages


def test_date_order_is_checked_at_the_end_date(sonke):
    content = csv_bytes(
        PARTNERSHIP_HEADER, [partnership_row(start_date="2025-06-01", end_date="2025-01-01")]
    )
    report = import_register_file("partnerships", "in.csv", content, commit=False)
    assert report.rows[0].errors == [("end_date", "The end date is before the start date.")]


def test_an_exported_file_imported_back_changes_nothing(client, sonke):
    partnership = PartnershipFactory(
        parties=[sonke],
        provinces=[Province.GAUTENG, Province.LIMPOPO],
        thrusts=["3-research-agenda"],
    )
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    export = client.get(reverse("wagtailsnippets_knowledge_partnership:list") + "?export=csv")
    content = b"".join(export.streaming_content)
    before = list(Partnership.objects.values())

    report = import_register_file("partnerships", "export.csv", content, commit=True)

    assert report.ok, [row.errors for row in report.rows]
    assert [row.action for row in report.rows] == ["unchanged"]
    assert not {"flags", "made_public_at", "profile_updated_at"} & set(report.ignored_columns)
    assert list(Partnership.objects.values()) == before
    assert partnership.revisions.count() == 0


def test_editing_an_exported_row_updates_that_partnership(sonke):
    partnership = PartnershipFactory(parties=[sonke])
    content = csv_bytes(
        PARTNERSHIP_HEADER, [partnership_row(reference=partnership.reference, title="New title")]
    )

    report = import_register_file("partnerships", "in.csv", content, commit=True)

    assert [row.action for row in report.rows] == ["update"]
    partnership.refresh_from_db()
    assert partnership.title == "New title"
    assert Partnership.objects.count() == 1


def test_organisations_match_by_registration_number_and_name(sonke):
    OrganisationFactory(name="Mthatha Community Police Forum", sector=Sector.CPF)
    content = csv_bytes(
        ["name", "sector", "provinces", "npo_number", "contact_email"],
        [
            ["Sonke (renamed in the SAPS list)", "ngo", "gauteng", "033-254-NPO", ""],
            ["  mthatha community police forum ", "cpf", "eastern-cape", "", ""],
            ["New watch group", "crime-prevention-association", "limpopo", "", "chair@example.org"],
        ],
    )

    report = import_register_file("organisations", "orgs.csv", content, commit=True)

    assert report.committed, [row.errors for row in report.rows]
    assert [row.action for row in report.rows] == ["update", "update", "create"]
    assert Organisation.objects.count() == 3
    assert Organisation.objects.get(name="New watch group").contact.email == "chair@example.org"


def test_the_same_organisation_twice_in_one_file_is_refused():
    content = csv_bytes(["name", "sector"], [["Watch group", "ngo"], ["watch  group", "ngo"]])
    report = import_register_file("organisations", "orgs.csv", content, commit=True)
    assert not report.committed
    assert report.rows[1].errors == [("name", "The same organisation is on row 2.")]


def test_xlsx_files_import_like_csv(sonke):
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(PARTNERSHIP_HEADER)
    sheet.append(partnership_row())
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = import_register_file("partnerships", "in.xlsx", buffer.getvalue(), commit=True)

    assert report.committed, [row.errors for row in report.rows]
    assert Partnership.objects.get().title == "Imported partnership"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("in.txt", b"x", "Upload a .csv or .xlsx file."),
        ("in.csv", b"", "The file is empty."),
        ("in.csv", b"name,sector\n", "no column for: title, parties"),
        ("in.csv", b"\xff\xfe\x00bad", "not UTF-8"),
        ("in.xlsx", b"not a workbook", "not a readable XLSX"),
    ],
)
def test_unreadable_files_get_a_clear_message(name, content, message):
    report = import_register_file("partnerships", name, content, commit=True)
    assert not report.ok
    assert message in " ".join(report.file_errors)


def test_command_dry_run_then_commit(tmp_path, sonke):
    path = tmp_path / "partnerships.csv"
    path.write_bytes(csv_bytes(PARTNERSHIP_HEADER, [partnership_row()]))

    out = StringIO()
    call_command("import_register", "partnerships", str(path), stdout=out)
    assert "Dry run, nothing written. 1 rows: 1 to create" in out.getvalue()
    assert not Partnership.objects.exists()

    call_command("import_register", "partnerships", str(path), "--commit", stdout=out)
    assert Partnership.objects.count() == 1


def test_command_fails_with_the_problems(tmp_path, sonke):
    path = tmp_path / "partnerships.csv"
    path.write_bytes(csv_bytes(PARTNERSHIP_HEADER, [partnership_row(scope="galactic")]))
    err = StringIO()

    with pytest.raises(CommandError, match="Nothing was imported"):
        call_command("import_register", "partnerships", str(path), "--commit", stderr=err)
    assert "row 2, column scope: 'galactic' is not one of" in err.getvalue()


def test_admin_import_page_checks_then_imports(client, sonke):
    client.force_login(user_in(REGISTER_EDITORS))
    url = reverse("knowledge_register_import")
    content = csv_bytes(PARTNERSHIP_HEADER, [partnership_row()])

    checked = client.post(
        url, {"kind": "partnerships", "file": SimpleUploadedFile("in.csv", content)}
    )
    assert checked.status_code == 200
    assert "The file is ready to import" in checked.content.decode()
    assert not Partnership.objects.exists()

    imported = client.post(
        url,
        {"kind": "partnerships", "commit": "on", "file": SimpleUploadedFile("in.csv", content)},
    )
    assert "Imported" in imported.content.decode()
    assert Partnership.objects.count() == 1


def test_admin_import_page_shows_problems_by_row_and_column(client, sonke):
    client.force_login(user_in(REGISTER_EDITORS))
    content = csv_bytes(PARTNERSHIP_HEADER, [partnership_row(level="friendship")])

    response = client.post(
        reverse("knowledge_register_import"),
        {"kind": "partnerships", "commit": "on", "file": SimpleUploadedFile("in.csv", content)},
    )

    html = response.content.decode()
    assert "Problems found: nothing was imported" in html
    assert "<td>2</td>" in html and "<td>level</td>" in html
    assert not Partnership.objects.exists()


def test_viewers_cannot_import(client):
    client.force_login(user_in(REGISTER_VIEWERS))
    response = client.get(reverse("knowledge_register_import"))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
