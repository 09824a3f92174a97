"""The header's account menu: a signed-in member finds their assessments and signs out from any
page; nobody else gets one, and the anonymous page cache never holds or shows it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core.cache import caches

from tests.portal.factories import StandardPageFactory
from tests.reference_group.factories import MemberFactory

pytestmark = pytest.mark.django_db


def account_menu(response):
    return BeautifulSoup(response.content, "html.parser").select_one(
        "header.site-header nav.account-menu"
    )


def test_a_member_reaches_their_assessments_and_signs_out_from_any_page(client):
    page = StandardPageFactory(title="About the portal")
    member = MemberFactory(user__first_name="Thandi", user__last_name="Mokoena")
    client.force_login(member.user)

    for url in (page.url, "/members/", "/search/?q=patrol"):
        menu = account_menu(client.get(url))
        assert menu is not None, url
        assert menu["aria-label"] == "Your account"
        assert menu.p.get_text(" ", strip=True) == "Signed in as Thandi Mokoena"
        assert menu.select_one("a")["href"] == "/members/"
        assert menu.select_one("a").get_text() == "My assessments"
        sign_out = menu.select_one("form")
        assert sign_out["method"] == "post" and sign_out["action"] == "/members/sign-out/"
        assert sign_out.select_one("input[name=csrfmiddlewaretoken]")["value"]
        assert sign_out.button.get_text() == "Sign out"
    dashboard = account_menu(client.get("/members/"))
    assert dashboard.select_one("a")["aria-current"] == "page"

    client.post("/members/sign-out/")
    assert account_menu(client.get(page.url)) is None
    assert client.get("/members/").status_code == 302  # signed out: sent to sign in


def test_anonymous_readers_and_editors_who_are_not_members_have_no_menu(client):
    page = StandardPageFactory()
    assert account_menu(client.get(page.url)) is None

    editor = get_user_model().objects.create_user("editor", password="pw", is_staff=True)
    client.force_login(editor)
    assert account_menu(client.get(page.url)) is None


def test_the_page_cache_never_keeps_or_shows_a_member_s_menu(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    caches["pages"].clear()
    page = StandardPageFactory()
    client.get("/")  # the first request ever creates the footer's settings row (a change)
    member = MemberFactory(user__first_name="Thandi", user__last_name="Mokoena")

    assert client.get(page.url).get("X-Page-Cache") == "miss"
    assert client.get(page.url).get("X-Page-Cache") == "hit"

    signed_in = client.__class__()
    signed_in.force_login(member.user)
    as_member = signed_in.get(page.url)
    assert as_member.get("X-Page-Cache") is None
    assert "Thandi Mokoena" in account_menu(as_member).get_text()

    again = client.get(page.url)
    assert again.get("X-Page-Cache") == "hit"
    assert account_menu(again) is None
    assert b"Thandi" not in again.content
    caches["pages"].clear()
