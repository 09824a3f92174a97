"""How a member names the partnership they assess, when the register holds tens of thousands:
by its reference, typed or chosen from suggestions as words are typed, from the dashboard's
list of what is assigned to their group, or from a partnership's profile ("Assess this
partnership"); never from a list of every partnership on the form."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import Partnership
from knowledge.models.choices import Visibility
from reference_group.models import Assessment
from tests.knowledge.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
)
from tests.reference_group.test_assessments import assessment_form

pytestmark = pytest.mark.django_db

SUGGEST = "/members/assessments/partnerships/"
NEW = "/members/assessments/new/"


@pytest.fixture
def register():
    section = PartnershipsSectionPageFactory()
    church = OrganisationFactory(name="Grace Church")
    PartnershipFactory(title="Orlando night patrols", parties=[church])
    PartnershipFactory(title="Orlando school routes")
    PartnershipFactory(title="Karoo farm watch", locality="Beaufort West")
    PartnershipFactory(title="Orlando liaison", visibility=Visibility.INTERNAL)
    return section


def suggested(client, words) -> list[dict]:
    response = client.get(SUGGEST, {"q": words})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]  # a member's own answer, never kept
    return response.json()["suggestions"]


def test_the_form_names_no_partnership_however_large_the_register(client, member, register):
    PartnershipFactory.create_batch(30)
    form = BeautifulSoup(client.get(NEW).content, "html.parser")

    box = form.select_one("#id_partnership")
    assert box.name == "input" and box.get("type") == "text"
    assert box["data-suggest"] == SUGGEST and box.has_attr("data-suggest-fills")
    assert not form.select("select#id_partnership")
    assert "Orlando night patrols" not in str(form)


def test_words_suggest_the_partnerships_the_member_may_assess(client, member, register):
    found = suggested(client, "orlando")
    assert [s["title"].split(" ", 1)[1] for s in found] == [
        "Orlando night patrols",
        "Orlando school routes",
    ]  # by name; never the internal liaison, which is not assigned to the group
    assert all(s["value"] == s["title"].split(" ", 1)[0] for s in found)
    # Every word must match, in its name, place, partner or reference.
    assert [s["title"] for s in suggested(client, "orlando church")] == [found[0]["title"]]
    assert suggested(client, "beaufort")[0]["title"].endswith("Karoo farm watch")
    assert [s["value"] for s in suggested(client, found[1]["value"][:-1])] != []
    assert suggested(client, "o") == []
    assert len(suggested(client, "orlando " * 5_000)) == 2  # read as far as the register's box


def test_assigned_internal_ones_are_suggested_and_conflicts_never(client, member, register):
    liaison = Partnership.objects.get(title="Orlando liaison")
    member.group.assigned_partnerships.add(liaison)
    member.group.save()
    member.conflicts.add(Partnership.objects.get(title__contains="night"))

    titles = [s["title"] for s in suggested(client, "orlando")]
    assert titles == [str(liaison), str(Partnership.objects.get(title__contains="school"))]


def test_a_reference_is_read_however_it_is_typed(client, member, register):
    karoo = Partnership.objects.get(title="Karoo farm watch")
    for typed in (karoo.reference.lower(), f"  {karoo.reference} Karoo farm watch"):
        Assessment.objects.all().delete()
        response = client.post(NEW, {**assessment_form(karoo), "partnership": typed})
        assert response.status_code == 302, typed
        assert Assessment.objects.get().partnership == karoo

    # Editing the draft shows its reference in the box, not a number.
    edit = BeautifulSoup(client.get(response["Location"]).content, "html.parser")
    assert edit.select_one("#id_partnership")["value"] == karoo.reference


def test_a_typo_is_refused_beside_the_box_and_the_rest_is_kept(client, member, register):
    karoo = Partnership.objects.get(title="Karoo farm watch")
    response = client.post(NEW, {**assessment_form(karoo), "partnership": "CSPS-2026-9999"})

    page = BeautifulSoup(response.content, "html.parser")
    error = page.select_one("#id_partnership_error").get_text()
    assert "No partnership you may assess has this reference" in error
    assert page.select_one("#id_partnership")["value"] == "CSPS-2026-9999"
    assert page.select_one("#id_period_start")["value"] == "2025-01-01"
    assert not Assessment.objects.exists()


def test_the_profile_offers_a_member_to_assess_it(client, member, register):
    night = Partnership.objects.get(title="Orlando night patrols")
    profile = register.profile_url(night)

    page = BeautifulSoup(client.get(profile).content, "html.parser")
    link = page.find("a", string="Assess this partnership")
    assert link["href"] == f"{NEW}?partnership={night.reference}"
    form = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    assert form.select_one("#id_partnership")["value"] == night.reference

    member.conflicts.add(night)
    page = client.get(profile).content.decode()
    assert "Assess this partnership" not in page


def test_nobody_else_is_offered_it_or_may_ask_for_suggestions(client, register):
    night = Partnership.objects.get(title="Orlando night patrols")
    profile = register.profile_url(night)

    assert "Assess this partnership" not in client.get(profile).content.decode()
    assert client.get(SUGGEST, {"q": "orlando"}).status_code == 302  # to sign in
    editor = get_user_model().objects.create_user("editor", password="x")
    client.force_login(editor)
    assert "Assess this partnership" not in client.get(profile).content.decode()
    assert client.get(SUGGEST, {"q": "orlando"}).status_code == 403


def test_the_dashboard_lists_what_is_assigned_to_the_group(client, member, register):
    liaison = Partnership.objects.get(title="Orlando liaison")
    member.group.assigned_partnerships.add(liaison)
    member.group.save()

    page = BeautifulSoup(client.get("/members/").content, "html.parser")
    assigned = page.select_one("#assigned-heading").find_parent("section")
    assert assigned.a["href"] == f"{NEW}?partnership={liaison.reference}"
    assert "Orlando liaison" in assigned.get_text()


def test_suggestions_cost_the_same_few_queries_however_many_match(client, member, register):
    PartnershipFactory.create_batch(20, title="Orlando youth desk")
    with CaptureQueriesContext(connection) as queries:
        found = suggested(client, "orlando")
    assert len(found) == 8
    assert len(queries) <= 5, [q["sql"] for q in queries]


def test_a_member_s_profile_page_reads_who_they_are_once(client, member, register):
    night = Partnership.objects.get(title="Orlando night patrols")
    with CaptureQueriesContext(connection) as queries:
        page = client.get(register.profile_url(night)).content.decode()
    assert "Assess this partnership" in page and "My assessments" in page  # both ask
    read = [q for q in queries if 'FROM "reference_group_member"' in q["sql"]]
    assert len(read) == 1, [q["sql"] for q in read]
