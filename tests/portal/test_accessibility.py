"""WCAG 2.2 AA checks that can be decided from the HTML and the stylesheet alone.

They cover what the templates control on every page: language, titles, one h1 and headings in
order, text alternatives, names for links and controls, landmarks, a working skip link,
colour contrast of the palette, and no resource fetched from outside the portal (it must work
on a closed network).
"""

import re
from itertools import pairwise
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.portal.public_pages import render_public_pages

STYLESHEET = Path(__file__).resolve().parents[2] / "portal/static/portal/css/portal.css"

# (foreground, background, minimum ratio): 4.5 for text, 3 for borders and focus indicators.
COLOUR_PAIRS = [
    ("--color-text", "--color-background", 4.5),
    ("--color-link", "--color-background", 4.5),
    ("--color-link-visited", "--color-background", 4.5),
    ("--color-muted", "--color-background", 4.5),
    ("--color-header-text", "--color-header-background", 4.5),
    ("--color-footer-text", "--color-footer-background", 4.5),
    ("--color-link", "--color-footer-background", 4.5),
    ("--color-muted", "--color-footer-background", 4.5),
    ("--color-focus-text", "--color-focus-background", 4.5),
    ("--color-border", "--color-background", 3.0),
    ("--color-focus-text", "--color-background", 3.0),
    ("--color-focus-background", "--color-header-background", 3.0),
]


@pytest.fixture
def public_pages(db) -> dict[str, BeautifulSoup]:
    return {url: BeautifulSoup(html, "html.parser") for url, html in render_public_pages().items()}


def each_page(public_pages):
    assert len(public_pages) >= 10
    return sorted(public_pages.items())


def test_language_and_title_are_set(public_pages):
    for url, soup in each_page(public_pages):
        assert soup.html.get("lang", "").startswith("en"), url
        assert soup.title and soup.title.get_text(strip=True), url


def test_one_h1_and_headings_never_skip_a_level(public_pages):
    for url, soup in each_page(public_pages):
        levels = [int(h.name[1]) for h in soup.find_all(re.compile(r"^h[1-6]$"))]
        assert levels.count(1) == 1, url
        assert levels[0] == 1, url
        for previous, current in pairwise(levels):
            assert current <= previous + 1, f"{url}: h{previous} followed by h{current}"


def test_images_have_text_alternatives(public_pages):
    images_seen = 0
    for url, soup in each_page(public_pages):
        for image in soup.find_all("img"):
            images_seen += 1
            assert image.has_attr("alt"), f"{url}: {image}"
    assert images_seen >= 1  # the block page has a figure, so this check ran on a real image


def accessible_name(element) -> str:
    if element.get("aria-label"):
        return element["aria-label"].strip()
    text = element.get_text(" ", strip=True)
    alts = " ".join(img.get("alt", "") for img in element.find_all("img"))
    return f"{text} {alts}".strip()


def test_links_and_controls_have_names(public_pages):
    for url, soup in each_page(public_pages):
        for link in soup.find_all("a"):
            assert link.get("href"), f"{url}: link without a destination: {link}"
            assert accessible_name(link), f"{url}: link without a name: {link}"
        for control in soup.find_all(["button", "input", "select", "textarea"]):
            if control.get("type") == "hidden":
                continue
            labelled = control.get("aria-label") or control.get("aria-labelledby")
            if control.get("id"):
                labelled = labelled or soup.find("label", attrs={"for": control["id"]})
            if control.name == "button":
                labelled = labelled or control.get_text(strip=True)
            assert labelled, f"{url}: control without a label: {control}"


def test_landmarks_and_skip_link(public_pages):
    for url, soup in each_page(public_pages):
        assert len(soup.find_all("main")) == 1, url
        assert soup.select_one("body > header.site-header"), url
        assert soup.select_one("body > footer.site-footer"), url
        for nav in soup.find_all("nav"):
            assert nav.get("aria-label"), f"{url}: a nav needs a name to tell it apart"
        first_link = soup.body.find("a")
        assert "skip-link" in first_link.get("class", []), url
        target = first_link["href"].removeprefix("#")
        assert soup.find(id=target) is soup.find("main"), url


def test_nothing_is_loaded_from_outside_the_portal(public_pages):
    for url, soup in each_page(public_pages):
        for element in soup.find_all(["link", "script", "img", "iframe", "source"]):
            address = element.get("src") or element.get("href")
            if address is None:
                continue  # inline, such as JSON-LD structured data
            assert address.startswith("/") and not address.startswith("//"), f"{url}: {element}"
    stylesheet = STYLESHEET.read_text()
    assert "@import" not in stylesheet
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", stylesheet)
    assert "@font-face" not in stylesheet


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def test_contrast_ratio_arithmetic_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize(("foreground", "background", "minimum"), COLOUR_PAIRS)
def test_palette_meets_wcag_aa_contrast(foreground, background, minimum):
    palette = dict(
        re.findall(r"(--color-[a-z-]+):\s*(#[0-9a-fA-F]{6})\s*;", STYLESHEET.read_text())
    )

    ratio = contrast_ratio(palette[foreground], palette[background])

    assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f} < {minimum}"
