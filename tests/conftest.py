"""Shared by the whole suite: empty caches for every test, production's caches for the tests
of kept bodies, the browser for the tests marked `browser`, and what the Elasticsearch tests
(marked `elasticsearch`) report."""

import os
from pathlib import Path

import pytest
from django.db import connections

NOT_APPLICABLE = "not applicable"
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(autouse=True)
def empty_caches():
    """Each test starts with empty caches. Ids are used again after a test's rollback, so a
    value an earlier test kept under the same key and generation (the site structure, a
    library's filter choices) would otherwise be read as this test's: the tests passed or
    failed by the order they ran in."""
    from django.core.cache import caches

    for cache in caches.all():
        cache.clear()


@pytest.fixture
def kept_bodies(settings, client):
    """Production's caches, with ``client`` a reader the page cache does not serve (a message
    is waiting): each page is rendered, and the bodies of the profile and the publication come
    from the pages cache when it holds them (portal/kept_bodies.py)."""
    settings.PAGE_CACHE_SECONDS = 300
    client.cookies["messages"] = "a message waiting: never served a kept page"
    client.get("/")  # the first request ever creates the footer's settings row (a change)


@pytest.fixture
def browser_page(monkeypatch):
    """A page in Debian's Chromium, driven by Playwright, headless. Its ``csp_violations`` list
    gathers every Content-Security-Policy refusal the browser reports."""
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must install Debian's chromium for the browser tests (.ci/run does).")
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop in this thread; the test's own database calls
    # are ordinary synchronous ones. Only for this test: a leaked variable would fail the
    # deployment checks that other tests run.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        page = browser.new_page()
        page.csp_violations = []
        page.on(
            "console",
            lambda message: (
                "Content Security Policy" in message.text
                and page.csp_violations.append(f"{page.url}: {message.text}")
            ),
        )
        yield page
        # Inside sync_playwright() the test runs in Playwright's greenlet, with its own copy of
        # the context variables that hold Django's connections: a connection the test opened
        # there is not the one pytest-django closes, and PostgreSQL refused to drop the test
        # database while it stayed open. Close it here, in the context that opened it.
        connections.close_all()
        browser.close()


def pytest_terminal_summary(terminalreporter):
    """How many tests ran against a real Elasticsearch node, and how many did not apply to its
    analysis chain, so a run that exercised no node cannot pass for one that did."""
    counts = {"passed": 0, "failed": 0, NOT_APPLICABLE: 0, "skipped": 0}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if "elasticsearch" not in getattr(report, "keywords", {}) or report.when not in (
                "call",
                "setup",
            ):
                continue
            if outcome == "skipped":
                reason = str(report.longrepr[-1]) if isinstance(report.longrepr, tuple) else ""
                counts[NOT_APPLICABLE if NOT_APPLICABLE in reason else "skipped"] += 1
            elif report.when == "call" or outcome in ("failed", "error"):
                counts["passed" if outcome == "passed" else "failed"] += 1
    if any(counts.values()):
        terminalreporter.write_line(
            f"Elasticsearch tests against a real node: {counts['passed'] + counts['failed']} ran "
            f"({counts['passed']} passed, {counts['failed']} failed), "
            f"{counts[NOT_APPLICABLE]} not applicable to the node's analysis chain, "
            f"{counts['skipped']} skipped (no node)"
        )
