"""Each flag appears when its condition holds and disappears when it is fixed."""

import datetime
import io

import pytest
from django.core.management import call_command

from knowledge.flags import Flag, annotate_flags, filter_by_flag, flags_of
from knowledge.models import Partnership, PartnershipParty
from knowledge.models.choices import AgreementStatus, Formality, PartnershipStatus, Scope
from portal.taxonomy import Province, Sector
from tests.knowledge.factories import (
    AgreementFactory,
    AnnualReviewFactory,
    CostFactory,
    OrganisationFactory,
    PartnershipFactory,
    RiskFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 23)


def flags(partnership) -> set[Flag]:
    annotated = annotate_flags(Partnership.objects.filter(pk=partnership.pk), TODAY).get()
    found = set(flags_of(annotated))
    # The admin filter agrees with the badge for every flag.
    for flag in Flag:
        in_filter = filter_by_flag(Partnership.objects.all(), flag, TODAY).filter(pk=partnership.pk)
        assert in_filter.exists() == (flag in found), flag
    return found


def well_kept(**fields) -> Partnership:
    """A partnership with nothing to flag: risks, costs, a recent review, a valid agreement."""
    partnership = PartnershipFactory(**{"start_date": datetime.date(2024, 1, 1), **fields})
    RiskFactory(partnership=partnership)
    CostFactory(partnership=partnership)
    AnnualReviewFactory(partnership=partnership, completed_on=datetime.date(2026, 6, 1))
    AgreementFactory(partnership=partnership, expires_on=datetime.date(2029, 1, 1))
    return partnership


def test_a_well_kept_partnership_has_no_flags():
    assert flags(well_kept()) == set()


def test_provincial_partnership_in_two_provinces_is_a_national_candidate():
    partnership = well_kept(provinces=[Province.GAUTENG, Province.LIMPOPO])
    assert Flag.NATIONAL_CANDIDATE in flags(partnership)

    partnership.scope = Scope.NATIONAL
    partnership.provinces = [Province.NATIONAL]
    partnership.save()
    assert Flag.NATIONAL_CANDIDATE not in flags(partnership)


def test_agreement_expired_expiring_and_missing_its_scan():
    partnership = well_kept()
    agreement = partnership.agreements.get()

    agreement.expires_on = TODAY - datetime.timedelta(days=1)
    agreement.save()
    assert Flag.AGREEMENT_EXPIRED in flags(partnership)

    agreement.expires_on = TODAY + datetime.timedelta(days=90)
    agreement.save()
    assert flags(partnership) == {Flag.AGREEMENT_EXPIRING}

    agreement.expires_on = TODAY + datetime.timedelta(days=91)
    agreement.signed_scan = None
    agreement.save()
    assert flags(partnership) == {Flag.SCAN_MISSING}

    agreement.status = AgreementStatus.SUPERSEDED
    agreement.save()
    assert Flag.SCAN_MISSING not in flags(partnership)


def test_formal_partnership_without_a_signed_agreement():
    partnership = well_kept(formality=Formality.FORMAL)
    partnership.agreements.update(status=AgreementStatus.DRAFT)
    assert Flag.NO_SIGNED_AGREEMENT in flags(partnership)


def test_review_overdue_after_twelve_months_without_a_completed_review():
    partnership = well_kept()
    partnership.reviews.update(completed_on=TODAY - datetime.timedelta(days=366))
    assert Flag.REVIEW_OVERDUE in flags(partnership)

    AnnualReviewFactory(partnership=partnership, year=2027, completed_on=TODAY)
    assert Flag.REVIEW_OVERDUE not in flags(partnership)


def test_a_new_partnership_is_not_yet_due_for_review():
    partnership = well_kept(start_date=TODAY - datetime.timedelta(days=100))
    partnership.reviews.all().delete()
    assert Flag.REVIEW_OVERDUE not in flags(partnership)


def test_missing_risk_analysis_and_cost_estimate():
    partnership = well_kept()
    partnership.risks.all().delete()
    partnership.costs.all().delete()
    assert flags(partnership) == {Flag.NO_RISK_ANALYSIS, Flag.NO_COST_ESTIMATE}


def test_closed_partnerships_are_not_nagged_about():
    partnership = PartnershipFactory(
        status=PartnershipStatus.TERMINATED, provinces=[Province.GAUTENG, Province.LIMPOPO]
    )
    assert flags(partnership) == set()


def test_likely_duplicates_share_a_partner_and_ground():
    ngo = OrganisationFactory(sector=Sector.NGO)
    police = OrganisationFactory(sector=Sector.SAPS)
    first = well_kept(parties=[ngo, police], provinces=[Province.GAUTENG])
    second = well_kept(
        parties=[ngo], scope=Scope.LOCAL, provinces=[Province.GAUTENG], locality="Orlando"
    )
    elsewhere = well_kept(parties=[ngo], provinces=[Province.LIMPOPO])
    police_only = well_kept(parties=[police], provinces=[Province.GAUTENG])

    assert Flag.LIKELY_DUPLICATE in flags(first)
    assert Flag.LIKELY_DUPLICATE in flags(second)
    assert Flag.LIKELY_DUPLICATE not in flags(elsewhere)
    # Sharing the police says nothing: they are a party to most partnerships.
    assert Flag.LIKELY_DUPLICATE not in flags(police_only)


def test_local_partnerships_in_different_precincts_are_not_duplicates():
    ngo = OrganisationFactory(sector=Sector.NGO)
    orlando = well_kept(
        parties=[ngo], scope=Scope.LOCAL, provinces=[Province.GAUTENG], locality="Orlando"
    )
    well_kept(parties=[ngo], scope=Scope.LOCAL, provinces=[Province.GAUTENG], locality="Hillbrow")
    assert Flag.LIKELY_DUPLICATE not in flags(orlando)


def test_the_likely_duplicate_flag_is_stored_and_follows_changes():
    ngo = OrganisationFactory(sector=Sector.NGO)
    other = OrganisationFactory(sector=Sector.NGO)
    first = well_kept(parties=[ngo], provinces=[Province.GAUTENG])
    second = well_kept(parties=[ngo], provinces=[Province.GAUTENG])
    first.refresh_from_db()
    assert first.likely_duplicate  # stored, not recomputed per request

    # the second stops sharing the NGO: neither is a duplicate any more
    second.parties.all().delete()
    PartnershipParty.objects.create(partnership=second, organisation=other)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.likely_duplicate, second.likely_duplicate) == (False, False)

    # closing a partnership clears its partner's flag too
    PartnershipParty.objects.create(partnership=second, organisation=ngo)
    first.refresh_from_db()
    assert first.likely_duplicate
    second.status = PartnershipStatus.TERMINATED
    second.save()
    first.refresh_from_db()
    assert not first.likely_duplicate


def test_the_nightly_command_repairs_the_stored_flag():
    ngo = OrganisationFactory(sector=Sector.NGO)
    first = well_kept(parties=[ngo], provinces=[Province.GAUTENG])
    well_kept(parties=[ngo], provinces=[Province.GAUTENG])
    Partnership.objects.update(likely_duplicate=False)  # as after a raw bulk import

    out = io.StringIO()
    call_command("refresh_register_flags", stdout=out)

    first.refresh_from_db()
    assert first.likely_duplicate
    assert "2 partnership(s) changed" in out.getvalue()


def test_the_register_listing_reads_flags_in_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    ngo = OrganisationFactory(sector=Sector.NGO)
    for _ in range(12):
        well_kept(parties=[ngo], provinces=[Province.GAUTENG])
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))
    url = reverse("wagtailsnippets_knowledge_partnership:list")
    client.get(url)

    with django_assert_max_num_queries(40):
        response = client.get(url)
    assert "Likely duplicate" in response.content.decode()
