"""What readers see in a real browser (Playwright driving Debian's Chromium): listing filters in
step with the results after Back, the header's focused links at AA contrast, and wide tables
that say they scroll on a phone without cutting their captions."""

import re

import pytest

from tests.best_practice.factories import PracticePageFactory
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory
from tests.portal.test_accessibility import contrast_ratio

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def hex_colour(css_colour: str) -> str:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


def test_filters_show_what_the_results_are_after_going_back(live_server, browser_page):
    section = PartnershipsSectionPageFactory()
    PartnershipFactory(provinces=["gauteng"])
    PartnershipFactory(provinces=["limpopo"])
    page = browser_page

    page.goto(f"{live_server.url}{section.url}")
    page.select_option("#id_province", "limpopo")
    page.get_by_role("button", name="Show partnerships").click()
    page.wait_for_url("**province=limpopo**")
    assert page.locator("#partnership-results-heading").inner_text() == "1 partnership"
    page.go_back()
    page.wait_for_url(f"{live_server.url}{section.url}")

    assert page.locator("#partnership-results-heading").inner_text() == "2 partnerships"
    assert page.eval_on_selector("#id_province", "select => select.value") == ""


def test_focused_header_links_keep_aa_contrast(live_server, browser_page):
    PartnershipsSectionPageFactory()  # a section in the menu
    page = browser_page
    page.goto(f"{live_server.url}/")

    for selector in (".site-name", ".main-menu a"):
        link = page.locator(selector).first
        link.focus()
        colour, background = link.evaluate(
            "element => [getComputedStyle(element).color,"
            " getComputedStyle(element).backgroundColor]"
        )
        assert contrast_ratio(hex_colour(colour), hex_colour(background)) >= 4.5, selector


def test_wide_tables_say_they_scroll_and_keep_their_captions_on_a_phone(live_server, browser_page):
    library = PracticePageFactory().get_parent()  # its strategy x setting matrix is wide
    page = browser_page
    page.set_viewport_size({"width": 390, "height": 800})

    page.goto(f"{live_server.url}{library.url}")
    page.wait_for_load_state("load")

    box = page.locator(".table-scroll").first
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")
    assert "is-scrollable" in box.get_attribute("class")
    hint = box.evaluate("element => getComputedStyle(element, '::before').content")
    assert "Scroll sideways" in hint
    caption = page.locator(".table-scroll caption").first.bounding_box()
    assert caption["x"] >= 0
    assert caption["x"] + caption["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
