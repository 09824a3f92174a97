"""`load_demo_content` builds the demo site once; running it again changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision, Site

from portal.models import FooterSettings, StandardPage

pytestmark = pytest.mark.django_db


def snapshot() -> dict[str, object]:
    return {
        "pages": sorted(Page.objects.values_list("url_path", "title", "live")),
        "revisions": Revision.objects.count(),
        "footer": list(FooterSettings.objects.values()),
    }


def load() -> str:
    out = StringIO()
    call_command("load_demo_content", stdout=out)
    return out.getvalue()


def test_demo_content_builds_the_section_tree_in_reading_order():
    load()
    home = Site.objects.get(is_default_site=True).root_page
    titles = [page.title for page in home.get_children().live().in_menu()]
    assert titles == [
        "Research",
        "Best practice",
        "Master classes",
        "National dialogue",
        "Partnerships",
        "Reference group",
    ]
    footer = FooterSettings.objects.get()
    assert footer.privacy_notice_page.slug == "privacy-notice"


def test_loading_twice_duplicates_nothing():
    first_output = load()
    before = snapshot()

    second_output = load()

    assert snapshot() == before
    assert "Created page" in first_output
    assert "Created page" not in second_output


def test_loading_again_keeps_what_editors_changed():
    load()
    about = StandardPage.objects.get(slug="about")
    about.title = "About us"
    about.save_revision().publish()
    footer = FooterSettings.objects.get()
    footer.contact_email = "editors@example.gov.za"
    footer.save()

    load()

    assert StandardPage.objects.get(slug="about").title == "About us"
    assert FooterSettings.objects.get().contact_email == "editors@example.gov.za"


def test_every_demo_page_renders(client):
    load()
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url_path
