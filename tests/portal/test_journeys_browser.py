"""What people come to do, in a real browser (Playwright driving Debian's Chromium) against a
live server, with the site's Content-Security-Policy on: a reader follows the evidence from a
search to a citation; an editor records a partnership and its signed agreement; a member
drafts and submits an assessment; a reader registers for an event and takes its calendar."""

import io
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from best_practice.models import EvidenceItem
from dialogue.models import Registration
from knowledge.models import Agreement, Partnership, PublicationPage
from portal.demo_helpers import placeholder_pdf
from reference_group.models import Assessment, AssessmentStatus
from tests.dialogue.factories import DialogueEventPageFactory
from tests.knowledge.factories import OrganisationFactory, PartnershipFactory
from tests.reference_group.factories import PASSWORD, MemberFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reader_follows_the_evidence_from_search_to_a_citation(live_server, browser_page):
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())
    # a practice whose evidence cites a partnership that research has studied
    item = next(
        item
        for item in EvidenceItem.objects.select_related("practice", "partnership")
        if item.partnership_id
        and item.partnership.is_public
        and PublicationPage.objects.live().filter(partnerships=item.partnership).exists()
    )
    page = browser_page

    page.goto(f"{live_server.url}/search/?q={quote(item.practice.title)}")
    assert page.locator(".result-list li").count() > 1
    page.locator("#facets a", has_text="Practice").first.click()  # narrow to practices
    page.wait_for_url("**kind=practice**")
    page.locator(".result-list h3 a", has_text=item.practice.title).click()
    page.wait_for_url(f"**{item.practice.url}")
    page.locator("main td a", has_text=item.partnership.title).first.click()
    page.wait_for_url(f"**/partnerships/{item.partnership.reference}/")
    page.locator("[aria-labelledby=publications-heading] a").first.click()
    page.wait_for_url("**/research/library/*/")
    with page.expect_download() as download:
        page.get_by_role("link", name="BibTeX").click()
    assert download.value.suggested_filename.endswith(".bib")
    assert "@" in download.value.path().read_text()
    assert page.csp_violations == []


def test_an_editor_records_a_partnership_and_its_signed_agreement(
    live_server, browser_page, tmp_path
):
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password")
    OrganisationFactory(name="Township community police forum")
    scan = tmp_path / "signed.pdf"
    scan.write_bytes(placeholder_pdf("Memorandum of agreement"))
    page = browser_page

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")

    page.goto(f"{live_server.url}/admin/snippets/knowledge/partnership/add/")
    page.fill("#id_title", "Township safety forum")
    page.fill("#id_summary", "Residents and the station plan patrols together.")
    page.fill("#id_purpose", "Fewer burglaries in the township.")
    for name in ("scope", "level", "formality", "funding_model", "term", "stance"):
        page.select_option(f"#id_{name}", index=1)
    page.fill("#id_responsible_unit", "Partnerships directorate")
    page.fill("#id_start_date", "2026-02-01")
    page.locator("[data-chooser-action-choose]").first.click()  # the first party's organisation
    page.locator(".modal a", has_text="Township community police forum").click()
    page.locator(".modal").wait_for(state="hidden")
    page.locator("button[type=submit]", has_text="Save").first.click()
    page.wait_for_url("**/admin/snippets/knowledge/partnership/")
    partnership = Partnership.objects.get(title="Township safety forum")

    page.goto(f"{live_server.url}/admin/snippets/knowledge/agreement/add/")
    page.locator("[data-chooser-action-choose]").first.click()
    page.locator(".modal a", has_text="Township safety forum").click()
    page.locator(".modal").wait_for(state="hidden")
    page.select_option("#id_kind", index=1)
    page.fill("#id_version", "1")
    page.select_option("#id_status", "signed")
    page.fill("#id_signatories", "Director, Township safety forum")
    page.fill("#id_signed_on", "2026-02-10")
    page.set_input_files("#id_signed_scan", str(scan))
    page.locator("button[type=submit]", has_text="Save").first.click()
    page.wait_for_url("**/admin/snippets/knowledge/agreement/")

    agreement = Agreement.objects.get(partnership=partnership)
    assert agreement.signed_scan.name and len(agreement.scan_sha256) == 64
    assert page.csp_violations == []


def test_a_member_drafts_and_submits_an_assessment(live_server, browser_page):
    member = MemberFactory()
    partnership = PartnershipFactory(title="Farm watch in the Karoo")
    page = browser_page

    page.goto(f"{live_server.url}/members/sign-in/")
    page.fill("#id_username", member.user.email)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.goto(f"{live_server.url}/members/assessments/new/")
    # Words of its name, then the suggestion chosen with the keyboard: the box takes its
    # reference (the register may hold tens of thousands, so there is no list to scroll).
    page.locator("#id_partnership").press_sequentially("karoo farm")
    page.locator("#id_partnership + [role=listbox] [role=option]").first.wait_for()
    box = page.locator("#id_partnership").bounding_box()
    listed = page.locator("#id_partnership + [role=listbox]").bounding_box()
    assert abs(listed["y"] - (box["y"] + box["height"])) < 2  # just under the box, not its hint
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert page.input_value("#id_partnership") == partnership.reference
    page.fill("#id_period_start", "2025-01-01")
    page.fill("#id_period_end", "2025-12-31")
    page.fill("#id_narrative", "Patrols met monthly and reported to the forum.")
    page.get_by_role("button", name="Save the draft").click()
    page.wait_for_url("**/edit/")
    assert Assessment.objects.get().status == AssessmentStatus.DRAFT

    for select in page.locator("select[name^=rating_], select[name=overall_rating]").all():
        select.select_option("4")
    page.check("#id_consent_to_publish")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url("**/members/assessments/*/")

    assessment = Assessment.objects.get()
    assert assessment.status == AssessmentStatus.SUBMITTED
    assert "Patrols met monthly" in assessment.narrative
    assert page.csp_violations == []


def test_a_reader_registers_for_an_event_and_takes_its_calendar(live_server, browser_page):
    event = DialogueEventPageFactory(title="Safer schools dialogue", registration_enabled=True)
    page = browser_page

    page.goto(f"{live_server.url}{event.url}")
    form = page.locator("form.registration-form")
    form.get_by_label("Name", exact=False).first.fill("Lerato Reader")
    form.get_by_label("E-mail", exact=False).first.fill("lerato.reader@example.org")
    form.locator("input[type=checkbox][name=consent]").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/registered/**")

    registration = Registration.objects.get()
    assert (registration.event_id, registration.email) == (event.pk, "lerato.reader@example.org")
    page.goto(f"{live_server.url}{event.url}")
    with page.expect_download() as download:
        page.get_by_role("link", name="download (.ics)").click()
    assert download.value.suggested_filename.endswith(".ics")
    assert "BEGIN:VEVENT" in download.value.path().read_text()
    assert page.csp_violations == []
