"""The demo site plus one page using every StreamField block, rendered as the public sees it.

Shared by the HTML-validity and accessibility tests, which check the same pages.
"""

import io
from urllib.parse import urljoin

from bs4 import BeautifulSoup
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


MAX_PAGES = 300
EXTRA_URLS = [
    "/partnerships/?province=gauteng&level=cooperation",
    "/search/?q=patrol",
    "/search/?q=&kind=practice&setting=rural&sort=date",
    # filters a reader mistyped: each is refused at its field, and the listing still shows
    "/national-dialogue/?year=abc&province=atlantis",
    "/national-dialogue/commitments/?status=nonsense&overdue=on",
    "/research/library/?year=1066",
    "/no-such-page/",
]


def render_public_pages() -> dict[str, str]:
    """URL -> HTML for every page a reader can reach on the demo site, plus a few more.

    Starts from every live page and follows the links on each page within the site (so
    routable pages such as partnership profiles are included), then adds a filtered listing
    and the 404 page.
    """
    call_command("load_demo_content", verbosity=0)
    build_page_with_every_block()
    client = Client()
    pages = {}
    queue = [page.url for page in Page.objects.live().public().filter(depth__gt=1)]
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        if url in pages:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        if not response["Content-Type"].startswith("text/html"):
            continue  # feeds and citation downloads are checked by their own tests
        html = response.content.decode()
        pages[url] = html
        for link in BeautifulSoup(html, "html.parser").find_all("a", href=True):
            target = urljoin(url, link["href"]).split("#")[0]
            if target.startswith("/") and not target.startswith(("/admin/", "/documents/")):
                queue.append(target)
    call_command("rebuild_search_index", stdout=io.StringIO())
    for url in EXTRA_URLS[:-1]:
        response = client.get(url)
        assert response.status_code == 200, url
        pages[url] = response.content.decode()
    not_found = client.get(EXTRA_URLS[-1])
    assert not_found.status_code == 404
    pages[EXTRA_URLS[-1]] = not_found.content.decode()
    return pages
