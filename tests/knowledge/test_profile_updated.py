"""A partnership's "Last updated" (its profile, the register's "Recently updated" order and the
sitemap) moves when what its profile shows of it changes, never for an internal edit, so it
cannot tell readers when its risks, costs or internal details were edited
(knowledge/profile_updates.py)."""

import datetime
import importlib

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from knowledge import profile_updates
from knowledge.models import Partnership, PartnershipParty
from knowledge.models.choices import AgreementStatus, ReviewStatus
from tests.knowledge.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    CostFactory,
    KPIFactory,
    KPIMeasurementFactory,
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db

LONG_AGO = timezone.make_aware(datetime.datetime(2024, 3, 5, 9, 0))


@pytest.fixture
def section():
    return PartnershipsSectionPageFactory()


@pytest.fixture
def partnership():
    """A public partnership whose profile last changed long ago."""
    partnership = PartnershipFactory(title="Night patrols")
    Partnership.objects.filter(pk=partnership.pk).update(profile_updated_at=LONG_AGO)
    return partnership


def last_updated(partnership) -> datetime.datetime:
    return Partnership.objects.values_list("profile_updated_at", flat=True).get(pk=partnership.pk)


def shown_last_updated(client, section, partnership) -> str:
    page = BeautifulSoup(client.get(section.profile_url(partnership)).content, "html.parser")
    return page.find("dt", string="Last updated").find_next_sibling("dd").time["datetime"]


def edited(**fields):
    def edit(partnership):
        for name, value in fields.items():
            setattr(partnership, name, value)
        partnership.save()

    return edit


def test_internal_edits_leave_it_where_it_was(client, section, partnership):
    RiskFactory(partnership=partnership, description="Volunteers may leave")
    CostFactory(partnership=partnership, amount=25_000)
    KPIFactory(partnership=partnership, indicator="Informants recruited", is_public=False)
    measured = KPIMeasurementFactory(kpi=partnership.kpis.get(), value=4)
    measured.value = 5
    measured.save()
    AgreementFactory(partnership=partnership, status=AgreementStatus.DRAFT)
    AnnualReviewFactory(partnership=partnership, status=ReviewStatus.IN_PROGRESS)
    partnership.responsible_unit = "Another directorate"
    partnership.funding_model = "externally-funded"
    partnership.save()

    assert last_updated(partnership) == LONG_AGO
    assert shown_last_updated(client, section, partnership) == "2024-03-05"


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(edited(title="Night and day patrols"), id="title"),
        pytest.param(edited(end_date=datetime.date(2027, 1, 1)), id="end date"),
        pytest.param(
            lambda p: PartnershipParty.objects.create(
                partnership=p, organisation=OrganisationFactory(), role="partner"
            ),
            id="a party",
        ),
        pytest.param(
            lambda p: PartnershipParty.objects.filter(partnership=p).delete(), id="a party leaves"
        ),
        pytest.param(
            lambda p: KPIMeasurementFactory(kpi=KPIFactory(partnership=p, is_public=True)),
            id="a public measurement",
        ),
        pytest.param(lambda p: AgreementFactory(partnership=p), id="an agreement signed"),
        pytest.param(
            lambda p: AnnualReviewFactory(partnership=p, public_summary="It works."),
            id="a review completed",
        ),
    ],
)
def test_what_its_profile_shows_moves_it_to_now(partnership, change):
    before = timezone.now()
    change(Partnership.objects.get(pk=partnership.pk))

    assert last_updated(partnership) >= before


def test_a_kpi_made_private_moves_it_and_is_gone_from_the_profile(partnership):
    kpi = KPIFactory(partnership=partnership, indicator="Street robberies", is_public=True)
    Partnership.objects.filter(pk=partnership.pk).update(profile_updated_at=LONG_AGO)

    kpi.is_public = False
    kpi.save()

    assert last_updated(partnership) > LONG_AGO


def test_an_editor_changing_only_a_risk_in_the_form_leaves_it(admin_client, partnership):
    """The whole form is saved, the partnership and each of its parts, as editors save it."""
    edit = reverse("wagtailsnippets_knowledge_partnership:edit", args=[partnership.pk])
    form = admin_client.get(edit).context["form"]
    party = partnership.parties.get()
    data = {
        name: value
        for name, value in form.initial.items()
        if value is not None and not isinstance(value, list)
    }
    data.update(
        {
            "provinces": partnership.provinces,
            "thrusts": partnership.thrusts,
            "start_date": partnership.start_date.isoformat(),
            "parties-TOTAL_FORMS": "1",
            "parties-INITIAL_FORMS": "1",
            "parties-0-id": party.pk,
            "parties-0-organisation": party.organisation_id,
            "parties-0-role": party.role,
            "parties-0-ORDER": "1",
            "risks-TOTAL_FORMS": "1",
            "risks-INITIAL_FORMS": "0",
            "risks-0-description": "The venue may close",
            "risks-0-likelihood": "2",
            "risks-0-impact": "3",
            "risks-0-status": "open",
            "risks-0-ORDER": "1",
        }
    )
    for inline in ("kpis", "value_delivered", "costs"):
        data.update({f"{inline}-TOTAL_FORMS": "0", f"{inline}-INITIAL_FORMS": "0"})

    response = admin_client.post(edit, data)

    assert response.status_code == 302, response.context["form"].errors
    assert partnership.risks.get().description == "The venue may close"
    assert last_updated(partnership) == LONG_AGO

    data["summary"] = "A summary readers see, revised."
    data.update({"risks-INITIAL_FORMS": "1", "risks-0-id": partnership.risks.get().pk})
    assert admin_client.post(edit, data).status_code == 302
    assert last_updated(partnership) > LONG_AGO


def test_the_list_orders_by_it(client, section, partnership):
    quiet = PartnershipFactory(title="Quiet watch")
    Partnership.objects.filter(pk=quiet.pk).update(profile_updated_at=LONG_AGO)
    RiskFactory(partnership=quiet)
    partnership.summary = "Now also by day."
    partnership.save()

    page = BeautifulSoup(client.get(f"{section.url}?sort=updated").content, "html.parser")
    titles = [heading.get_text(strip=True) for heading in page.select(".card__title")]
    assert titles.index("Night patrols") < titles.index("Quiet watch")


def test_the_first_digest_keeps_the_date_the_migration_gave(partnership):
    migration = importlib.import_module("knowledge.migrations.0012_partnership_profile_updated_at")
    Partnership.objects.update(profile_digest="")  # as the release before this one left them

    migration.date_profiles(apps, schema_editor=None)
    partnership.refresh_from_db()
    registered_edit = partnership.updated_at
    RiskFactory(partnership=partnership)  # the first digest, read for an internal change
    partnership.save(update_fields=["responsible_unit"])

    assert last_updated(partnership) == registered_edit
    assert Partnership.objects.get(pk=partnership.pk).profile_digest != ""


def test_rows_deleted_with_their_partnership_or_kpi_compute_nothing(partnership, monkeypatch):
    kpi = KPIFactory(partnership=partnership)
    KPIMeasurementFactory.create_batch(3, kpi=kpi)
    KPIFactory(partnership=partnership)
    AgreementFactory(partnership=partnership)
    refreshed = []
    monkeypatch.setattr(profile_updates, "refresh", refreshed.append)

    kpi.delete()
    assert refreshed == [partnership.pk], "the KPI's own deletion, not its measurements'"

    refreshed.clear()
    Partnership.objects.filter(pk=partnership.pk).delete()
    assert refreshed == []
    assert not Partnership.objects.filter(pk=partnership.pk).exists()


def test_a_measurement_deleted_on_its_own_still_moves_it(partnership):
    kpi = KPIFactory(partnership=partnership)
    measurement = KPIMeasurementFactory(kpi=kpi)
    Partnership.objects.filter(pk=partnership.pk).update(profile_updated_at=LONG_AGO)

    measurement.delete()

    assert last_updated(partnership) > LONG_AGO
