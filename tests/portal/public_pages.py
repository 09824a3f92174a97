"""The demo site plus one page using every StreamField block, rendered as the public sees it.

Shared by the HTML-validity and accessibility tests, which check the same pages.
"""

from django.core.management import call_command
from django.test import Client
from wagtail.models import Page
from wagtail_factories import DocumentFactory, ImageFactory

from tests.portal.factories import StandardPageFactory, home_page


def build_page_with_every_block() -> Page:
    image = ImageFactory(title="Community safety forum meeting")
    document = DocumentFactory(title="Partnership Strategy summary")
    return StandardPageFactory(
        parent=home_page(),
        title="Every block",
        slug="every-block",
        body=[
            ("heading", {"text": "A section", "level": "h2"}),
            ("paragraph", '<p>Text with <a href="/about/">a link</a>.</p>'),
            ("heading", {"text": "A subsection", "level": "h3"}),
            (
                "figure",
                {
                    "image": {
                        "image": image,
                        "alt_text": "Residents and police around a table",
                        "decorative": False,
                    },
                    "caption": "A forum meets.",
                },
            ),
            ("quote", {"quote": "Safety is built together.", "attribution": "A CPF chair"}),
            ("document", {"document": document, "title": ""}),
        ],
    )


def render_public_pages() -> dict[str, str]:
    """URL -> HTML for every live page of the demo site, the block page and the 404 page."""
    call_command("load_demo_content", verbosity=0)
    build_page_with_every_block()
    client = Client()
    pages = {}
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        pages[page.url] = response.content.decode()
    not_found = client.get("/no-such-page/")
    assert not_found.status_code == 404
    pages["/no-such-page/"] = not_found.content.decode()
    return pages
