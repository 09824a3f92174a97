"""A Content-Security-Policy on every HTML page (hardening issue, item 4): the portal's own
origin only for scripts, styles, images and frames; the admin keeps working under it."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

from best_practice.models import PracticePage
from dialogue.models import DialogueEventPage
from knowledge.models import Partnership, PartnershipsSectionPage, PublicationPage
from tests.portal.factories import StandardPageFactory

CSP = "Content-Security-Policy"


def directives(header: str) -> dict[str, list[str]]:
    parsed = (part.strip().split() for part in header.split(";") if part.strip())
    return {name: values for name, *values in parsed}


@pytest.mark.django_db
def test_public_pages_allow_only_their_own_origin(client):
    page = StandardPageFactory(title="About", slug="about")

    policy = directives(client.get(page.url)[CSP])

    for name in ("script-src", "style-src", "img-src", "frame-src", "default-src"):
        assert policy[name] == ["'self'"], name
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]


@pytest.mark.django_db
def test_the_admin_allows_inline_scripts_and_styles_but_no_other_origin(client):
    client.force_login(get_user_model().objects.create_superuser("boss", "", "pw"))

    policy = directives(client.get("/admin/")[CSP])

    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["style-src"] == ["'self'", "'unsafe-inline'"]
    assert all(value.startswith("'") or value.endswith(":") for value in policy["img-src"])


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_page_or_admin_screen_is_broken_by_the_policy(live_server, browser_page):
    call_command("load_demo_content", stdout=io.StringIO())
    call_command("rebuild_search_index", stdout=io.StringIO())
    get_user_model().objects.create_superuser("editor", "editor@example.org", "a-long-password")
    page = browser_page
    public = [
        "/",
        "/search/?q=patrol",
        PracticePage.objects.live().first().url,
        PublicationPage.objects.live().first().url,
        DialogueEventPage.objects.live().first().url,
        PartnershipsSectionPage.objects.get().profile_url(Partnership.objects.public().first()),
        "/members/sign-in/",
    ]
    for path in public:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert CSP in response.all_headers() or CSP.lower() in response.all_headers()

    # the search box's own script runs: suggestions appear as one types
    page.goto(f"{live_server.url}/search/")
    page.locator("#search-q").fill("patro")
    page.locator("#search-q").press("ArrowDown")
    page.locator("[role=listbox] [role=option]").first.wait_for(state="visible")

    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "a-long-password")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    practice = PracticePage.objects.live().first()
    page.goto(f"{live_server.url}/admin/pages/{practice.pk}/edit/")
    evidence_forms = page.locator("[id^=inline_child_evidence_items-]")
    before = evidence_forms.count()
    page.get_by_role("button", name="Add evidence item").first.click()
    page.wait_for_function(
        f"document.querySelectorAll('[id^=inline_child_evidence_items-]').length > {before}"
    )
    event = DialogueEventPage.objects.live().first()
    page.goto(f"{live_server.url}/admin/pages/{event.pk}/edit/")
    # Wagtail's inline script for the field built its date picker
    page.locator(".xdsoft_datetimepicker").first.wait_for(state="attached")
    page.goto(f"{live_server.url}/admin/snippets/knowledge/partnership/")
    page.goto(f"{live_server.url}/admin/documents/")

    assert page.csp_violations == []
