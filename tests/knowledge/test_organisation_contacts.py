"""An organisation's contact person: kept in a table of its own, edited with the organisation in
the register's admin, brought in by the register's import, and moved there by a migration."""

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from knowledge.groups import REGISTER_EDITORS
from knowledge.imports.importers import import_register_file
from knowledge.models import Organisation, OrganisationContact
from tests.knowledge.factories import OrganisationFactory, user_in
from tests.knowledge.test_register_import import csv_bytes

pytestmark = pytest.mark.django_db


def organisation_url(action: str, *args) -> str:
    return reverse(f"wagtailsnippets_knowledge_organisation:{action}", args=args)


@pytest.fixture
def editor(client):
    client.force_login(user_in(REGISTER_EDITORS))


def form_data(**overrides) -> dict:
    data = {
        "name": "Ikhaya Safety Forum",
        "sector": "cpf",
        "provinces": ["gauteng"],
        "npo_number": "",
        "psira_number": "",
        "website": "",
        "contact_name": "",
        "contact_role": "",
        "contact_email": "",
        "contact_phone": "",
    }
    data.update(overrides)
    return data


def test_the_edit_form_shows_the_contact_person(client, editor):
    organisation = OrganisationFactory(contact__role="Chairperson")

    form = client.get(organisation_url("edit", organisation.pk)).context["form"]

    assert form.initial["contact_name"] == "Thandi Private"
    assert form.initial["contact_role"] == "Chairperson"
    assert form.initial["contact_email"] == "thandi.private@example.org"
    assert form["contact_phone"].value() == "082 555 0101"


def test_an_editor_adds_an_organisation_with_its_contact_person(client, editor):
    response = client.post(
        organisation_url("add"),
        form_data(contact_name="Lerato Chair", contact_email="lerato@example.org"),
    )

    assert response.status_code == 302, response.context["form"].errors
    contact = Organisation.objects.get(name="Ikhaya Safety Forum").contact
    assert (contact.name, contact.email, contact.role) == ("Lerato Chair", "lerato@example.org", "")


def test_an_editor_changes_the_contact_person(client, editor):
    organisation = OrganisationFactory()

    response = client.post(
        organisation_url("edit", organisation.pk),
        form_data(name=organisation.name, sector="ngo", contact_email="new@example.org"),
    )

    assert response.status_code == 302, response.context["form"].errors
    assert OrganisationContact.objects.get(organisation=organisation).email == "new@example.org"
    assert OrganisationContact.objects.get(organisation=organisation).name == ""


def test_clearing_every_detail_removes_the_contact_person(client, editor):
    organisation = OrganisationFactory()

    response = client.post(
        organisation_url("edit", organisation.pk), form_data(name=organisation.name)
    )

    assert response.status_code == 302, response.context["form"].errors
    assert not OrganisationContact.objects.filter(organisation=organisation).exists()
    assert Organisation.objects.get(pk=organisation.pk).sector == "cpf"


def test_an_organisation_without_a_contact_person_gets_no_empty_record(client, editor):
    response = client.post(organisation_url("add"), form_data())

    assert response.status_code == 302, response.context["form"].errors
    assert Organisation.objects.filter(name="Ikhaya Safety Forum").exists()
    assert not OrganisationContact.objects.exists()


def test_a_bad_contact_email_is_refused_beside_its_field_and_nothing_is_saved(client, editor):
    organisation = OrganisationFactory(name="Before")

    response = client.post(
        organisation_url("edit", organisation.pk),
        form_data(name="After", contact_name="Renamed", contact_email="not an address"),
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {"contact_email": ["Enter a valid email address."]}
    organisation.refresh_from_db()
    assert organisation.name == "Before"
    assert organisation.contact.name == "Thandi Private"


def test_the_import_changes_only_the_contact_details_in_the_file():
    organisation = OrganisationFactory(name="Watch group", sector="ngo", contact__role="Chair")

    report = import_register_file(
        "organisations",
        "orgs.csv",
        csv_bytes(["name", "sector", "contact_email"], [["Watch group", "ngo", "new@example.org"]]),
        commit=True,
    )

    assert report.committed, [row.errors for row in report.rows]
    assert [row.action for row in report.rows] == ["update"]
    contact = OrganisationContact.objects.get(organisation=organisation)
    assert (contact.name, contact.role, contact.email) == (
        "Thandi Private",
        "Chair",
        "new@example.org",
    )


def test_the_import_reports_an_unchanged_contact_as_unchanged():
    OrganisationFactory(name="Watch group", sector="ngo")

    report = import_register_file(
        "organisations",
        "orgs.csv",
        csv_bytes(
            ["name", "sector", "provinces", "contact_name"],
            [["Watch group", "ngo", "gauteng", "Thandi Private"]],
        ),
        commit=False,
    )

    assert [row.action for row in report.rows] == ["unchanged"], report.rows[0].errors


def test_the_import_names_the_column_of_a_bad_contact_email_and_writes_nothing():
    report = import_register_file(
        "organisations",
        "orgs.csv",
        csv_bytes(["name", "sector", "contact_email"], [["New group", "ngo", "chair at example"]]),
        commit=True,
    )

    assert not report.committed
    assert report.rows[0].errors == [("contact_email", "Enter a valid email address.")]
    assert not Organisation.objects.filter(name="New group").exists()
    assert not OrganisationContact.objects.exists()


# Serialised rollback, like the suite's other transactional tests: the database is put back as
# the migrations left it, not flushed and refilled by post_migrate handlers.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_migration_moves_contacts_out_and_back():
    before = [("knowledge", "0007_publication_newest_first_index")]
    after = [("knowledge", "0009_remove_organisation_contact_fields")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("knowledge", "Organisation")
    with_contact = old.objects.create(
        name="Old forum", sector="cpf", contact_name="Ayanda", contact_email="a@example.org"
    )
    without = old.objects.create(name="Quiet forum", sector="cpf")

    try:
        executor = MigrationExecutor(connection)
        executor.migrate(after)
        new = executor.loader.project_state(after).apps
        Contact = new.get_model("knowledge", "OrganisationContact")
        moved = Contact.objects.get()
        assert (moved.organisation_id, moved.name, moved.email) == (
            with_contact.pk,
            "Ayanda",
            "a@example.org",
        )
        assert without.pk not in Contact.objects.values_list("organisation_id", flat=True)

        executor = MigrationExecutor(connection)
        executor.migrate(before)
        back = old.objects.get(pk=with_contact.pk)
        assert (back.contact_name, back.contact_email, back.contact_role) == (
            "Ayanda",
            "a@example.org",
            "",
        )
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
        # Migrating empties the content-type cache, which tests that build pages in memory
        # rely on; fill it again as the test run found it.
        ContentType.objects.get_for_models(*apps.get_models())


def test_staff_find_the_organisations_without_a_contact_person(client, editor):
    OrganisationFactory(name="Reachable forum")
    reachable_by_phone = OrganisationFactory(name="Phone-only forum", contact=None)
    OrganisationContact.objects.create(organisation=reachable_by_phone, phone="011 555 0100")
    OrganisationFactory(name="Unreachable forum", contact=None)

    def listed(query: str) -> list[str]:
        response = client.get(organisation_url("list") + query)
        return sorted(str(item) for item in response.context["object_list"])

    assert listed("?contact=false") == ["Unreachable forum"]
    assert listed("?contact=true") == ["Phone-only forum", "Reachable forum"]
    assert len(listed("")) == 3
