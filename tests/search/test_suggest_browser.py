"""The suggestions combobox in a real browser (Playwright driving Debian's Chromium), used with
the keyboard only: type, arrow down, Enter opens the suggestion; Escape closes the list."""

import io

import pytest
from django.core.management import call_command

from tests.best_practice.factories import PracticePageFactory

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_suggestions_work_with_the_keyboard_alone(live_server, browser_page):
    practice = PracticePageFactory(title="Rural farm watch patrols")
    PracticePageFactory(title="Safer lighting")
    call_command("rebuild_search_index", stdout=io.StringIO())
    page = browser_page

    page.goto(f"{live_server.url}/search/")
    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    box.focus()
    page.keyboard.type("rura")
    listbox = page.locator("#" + box.get_attribute("aria-controls"))
    listbox.wait_for(state="visible")
    assert box.get_attribute("aria-expanded") == "true"
    assert listbox.locator("[role=option]").all_inner_texts() == ["Rural farm watch patrols"]
    announced = listbox.locator("xpath=following-sibling::*[@role='status'][1]").text_content()
    assert "1 suggestion" in announced  # said to screen-reader users

    page.keyboard.press("ArrowDown")
    option_id = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{option_id}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"

    page.keyboard.press("ArrowDown")  # opens again
    listbox.wait_for(state="visible")
    page.keyboard.press("ArrowDown")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == f"{live_server.url}{practice.url}"


def test_without_a_choice_enter_submits_the_search(live_server, browser_page):
    PracticePageFactory(title="Rural farm watch patrols")
    call_command("rebuild_search_index", stdout=io.StringIO())
    page = browser_page
    page.goto(f"{live_server.url}/")
    page.locator("#site-search-q").focus()
    page.keyboard.type("patrols")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/search/?q=patrols" in page.url
    assert "Rural farm watch patrols" in page.content()


def test_long_words_wrap_on_a_phone(live_server, browser_page):
    """A 390-pixel-wide phone: a result title, a highlight and the echoed query made of one
    very long word wrap inside the page instead of widening it."""
    long_word = "Neighbourhood" + "watch" * 16
    PracticePageFactory(title=f"Patrols {long_word}", summary=f"About {long_word} patrols.")
    call_command("rebuild_search_index", stdout=io.StringIO())
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 844})

    for query in (long_word, f"{long_word}x{long_word}"):
        page.goto(f"{live_server.url}/search/?q={query}")
        widths = page.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert widths[0] <= widths[1], (query[:20], widths)
    assert long_word in page.content()  # the echoed query was on the page that fitted
