"""A leak crawl (hardening issue): the demo site, seeded with private strings wired to public
records (contacts and costs of a public partnership, an internal partnership linked from an
event, a commitment, a publication and a practice, a restricted document attached to a
publication and chosen in an event's agenda and a page's body, a member's draft, the e-mail
address of a member named in public, a registrant), crawled as an anonymous reader through
every page, sub-URL, feed, calendar, citation, the sitemap, search (HTML and JSON) and
suggestions. None of the private strings may appear anywhere."""

import io
import json
import re
import warnings
from datetime import UTC, datetime, time
from urllib.parse import parse_qs, quote, urljoin, urlsplit

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection
from django.test import Client, TestCase
from django.test.utils import CaptureQueriesContext
from wagtail.models import Collection, CollectionViewRestriction, Page

from best_practice.models import PracticePage
from dialogue.models import Commitment, DialogueEventPage, Registration
from knowledge.models import AnnualReview, PublicationPage
from knowledge.models.choices import Visibility
from knowledge.models.publications import PublicationDocument
from portal.demo_helpers import placeholder_pdf
from portal.models import PortalDocument
from reference_group.models import AssessmentStatus
from tests.knowledge.factories import (
    CostFactory,
    OrganisationFactory,
    PartnershipFactory,
    RiskFactory,
)
from tests.reference_group.factories import AssessmentFactory, MemberFactory

# Each is unusual enough that finding it anywhere public can only be a leak.
CONTACT_NAME = "Xolani Privatecontact"
CONTACT_EMAIL = "xolani.privatecontact@example.org"
CONTACT_PHONE = "083 555 0199"
COST = "Quagga overtime allowance"
RISK = "Ibis volunteer burnout risk"
MITIGATION = "Ibis rotating roster"
INTERNAL_TITLE = "Okapi internal liaison"
RESTRICTED_TEXT = "Pangolin board minute"
RESTRICTED_TITLE = "Aardvark board minutes"
DRAFT = "Narwhal draft narrative"
REGISTRANT = "Sipho Registrantname"
REGISTRANT_EMAIL = "sipho.registrantname@example.org"
REVIEW_NOTES = "Meerkat findings note"
NAMELESS_MEMBER_EMAIL = "okavango.namelessmember@example.org"

MAX_URLS = 600
# Columns no anonymous request needs to read at all.
PRIVATE_COLUMNS = [
    '"knowledge_organisationcontact"',
    '"reference_group_assessment"."reviewer_comments"',
    '"auth_user"."email"',
    '"auth_user"."password"',
    *(f'"dialogue_registration"."{name}"' for name in ("name", "organisation", "email", "needs")),
    *(f'"knowledge_agreement"."{name}"' for name in ("signatories", "signed_scan", "notes")),
    '"reference_group_assessmentattachment".',
    '"knowledge_cost"."',
    '"knowledge_risk"."',
    '"knowledge_annualreview"."findings_notes"',
]


def seed_private_strings() -> dict[str, str]:
    """Private records wired to public ones; returns what must never be public, by name."""
    public = PartnershipFactory(
        title="Public farm watch",
        parties=[
            OrganisationFactory(
                name="Open Trust",
                contact__name=CONTACT_NAME,
                contact__email=CONTACT_EMAIL,
                contact__phone=CONTACT_PHONE,
            )
        ],
    )
    CostFactory(partnership=public, description=COST, amount="98765.43")
    RiskFactory(partnership=public, description=RISK, mitigation=MITIGATION)
    AnnualReview.objects.create(partnership=public, year=2025, findings_notes=REVIEW_NOTES)
    internal = PartnershipFactory(title=INTERNAL_TITLE, visibility=Visibility.INTERNAL)

    event = DialogueEventPage.objects.live().first()
    event.partnerships.add(internal)
    event.save_revision().publish()
    commitment = Commitment.objects.live().first()
    commitment.partnerships.add(internal)
    commitment.save_revision().publish()
    publication = PublicationPage.objects.live().first()
    publication.partnerships.add(internal)
    board = Collection.get_first_root_node().add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=board, restriction_type=CollectionViewRestriction.LOGIN
    )
    restricted = PortalDocument(
        title=RESTRICTED_TITLE,
        collection=board,
        file=ContentFile(placeholder_pdf(RESTRICTED_TEXT), name="board.pdf"),
    )
    restricted.save()
    PublicationDocument.objects.create(
        publication=publication, document=restricted, label="Minutes"
    )
    publication.save_revision().publish()
    # Chosen inside content as well: an event's session papers and a download in a page's body.
    event.agenda.append(
        ("session", {"starts": time(9), "title": "Board briefing", "documents": [restricted]})
    )
    event.save_revision().publish()
    about = Page.objects.get(slug="about").specific
    about.body.append(("document", {"document": restricted, "title": ""}))
    about.save_revision().publish()
    practice = PracticePage.objects.live().first()
    practice.save_revision().publish()

    member = MemberFactory()
    AssessmentFactory(author=member, partnership=public, narrative=f"<p>{DRAFT}</p>")
    # Agreed to be named, with no name on record: named nowhere, least of all by e-mail.
    nameless = MemberFactory(
        show_name=True,
        user__first_name="",
        user__last_name="",
        user__username=NAMELESS_MEMBER_EMAIL,
    )
    AssessmentFactory(
        author=nameless,
        partnership=public,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        published_at=datetime(2025, 6, 1, 9, tzinfo=UTC),
        show_author_name=True,
    )
    open_event = next(page for page in DialogueEventPage.objects.live() if page.registration_open())
    Registration.take(open_event, name=REGISTRANT, email=REGISTRANT_EMAIL, consent=True)
    return {
        "contact name": CONTACT_NAME,
        "contact e-mail": CONTACT_EMAIL,
        "contact phone": CONTACT_PHONE,
        "cost": COST,
        "cost amount": "98765",
        "cost amount, South African format": "98 765",
        "risk": RISK,
        "mitigation": MITIGATION,
        "annual review notes": REVIEW_NOTES,
        "internal title": INTERNAL_TITLE,
        "internal reference": internal.reference,
        "restricted document's text": RESTRICTED_TEXT,
        "restricted document's URL": f"/documents/{restricted.pk}/",
        "restricted document's title": RESTRICTED_TITLE,
        "member's draft": DRAFT,
        "e-mail of a member who agreed to be named": NAMELESS_MEMBER_EMAIL,
        "registrant": REGISTRANT,
        "registrant's e-mail": REGISTRANT_EMAIL,
    }


def searches(private: dict[str, str]) -> list[str]:
    """Searches, their feeds and suggestions for every private word, in HTML and JSON."""
    urls = ["/sitemap.xml"]
    for value in private.values():
        if value.startswith("/"):
            continue
        for word in {value, *re.findall(r"[A-Za-z]{5,}", value)}:
            urls += [
                f"/search/?q={quote(word)}",
                f"/search/?q={quote(word)}&format=json",
                f"/search/feed/?q={quote(word)}",
                f"/search/feed/atom/?q={quote(word)}",
                f"/search/suggest/?q={quote(word[:4])}",
                f"/search/suggest/?q={quote(word[:-1])}",  # typed all but the last letter
                f"/search/suggest/?q={quote(word)}",
            ]
    return urls


def crawl(client: Client, start: list[str]) -> dict[str, str]:
    """URL -> body for everything an anonymous reader reaches from `start` by following links
    (pages, sub-URLs, feeds, calendars, citations). Document downloads are fetched for their
    status only: a public PDF is public by design."""
    warnings.filterwarnings("ignore", category=XMLParsedAsHTMLWarning)  # links in feeds
    bodies, queue = {}, list(start)
    while queue and len(bodies) < MAX_URLS:
        url = queue.pop(0)
        if url in bodies:
            continue
        response = client.get(url)
        if url.startswith("/documents/"):
            bodies[url] = f"status {response.status_code}"
            continue
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", "replace")
        bodies[url] = text
        if "html" not in response.get("Content-Type", "") and "xml" not in response.get(
            "Content-Type", ""
        ):
            continue
        for tag in BeautifulSoup(text, "html.parser").find_all(["a", "link", "loc"]):
            target = tag.get("href") or tag.get_text()
            target = urljoin(url, target.strip()).split("#")[0]
            parts = urlsplit(target)
            if parts.netloc not in ("", "testserver"):
                continue
            path = parts.path + (f"?{parts.query}" if parts.query else "")
            # Searches are the ones listed in `searches`: a search page's own links (each
            # facet, sort and page of it) would multiply without revealing anything new.
            if path.startswith("/") and not path.startswith(("/admin/", "/members/", "/search/")):
                queue.append(path)
    return bodies


def without_query_echo(url: str, body: str) -> str:
    """A search response without the places it repeats the reader's own query (the box, the
    title, the heading, notices, links to the same search sorted, narrowed or as a feed; a
    feed's own title and links): what is left is what search itself revealed."""
    parts = urlsplit(url)
    if parts.path.startswith("/search/feed/"):  # what it found: its items, not its own title
        items = re.finditer(r"<(item|entry)>.*?</\1>", body, flags=re.S)
        return "".join(match.group(0) for match in items)
    if parts.path != "/search/":
        return body
    query = parse_qs(parts.query).get("q", [""])[0]
    if "format=json" in parts.query:
        data = json.loads(body)
        data.pop("query")
        return json.dumps(data)
    soup = BeautifulSoup(body, "html.parser")
    for tag in soup.select("input"):
        tag.attrs.pop("value", None)
    for tag in soup.select("a[href^='?']"):  # this search again, sorted or narrowed
        tag.attrs.pop("href")
    for tag in soup.select("[href^='/search/feed/']"):  # this search as a feed
        tag.attrs.pop("href")
    for tag in soup.select("title, #results-heading, .notice"):
        tag.replace_with(tag.get_text().replace(query, ""))
    return str(soup)


class LeakCrawlTests(TestCase):
    maxDiff = None

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo_content", stdout=io.StringIO())
        cls.private = seed_private_strings()
        call_command("rebuild_search_index", stdout=io.StringIO())
        start = [page.url for page in Page.objects.live().public().filter(depth__gt=1)]
        with CaptureQueriesContext(connection) as queries:
            cls.bodies = crawl(Client(), start + searches(cls.private))
        cls.read = [query["sql"] for query in queries]

    def test_the_crawl_reached_every_kind_of_public_output(self):
        urls = list(self.bodies)
        for kind in (
            r"/partnerships/[A-Z]+-\d{4}-\d+/$",  # profiles
            r"/feed/$",
            r"/feed/atom/$",
            r"/calendar/$",
            r"/cite/bibtex/$",
            r"/commitments/\d+/$",
            r"^/sitemap\.xml$",
            r"format=json",
            r"^/search/suggest/",
            r"^/documents/\d+/",
        ):
            self.assertTrue(any(re.search(kind, url) for url in urls), kind)
        self.assertLess(len(urls), MAX_URLS, "the crawl stopped before the end of the site")
        # the seeded public partnership's profile was crawled (its contacts sit behind it)
        self.assertTrue(any("Public farm watch" in body for body in self.bodies.values()))

    def test_no_private_string_appears_anywhere(self):
        leaks = [
            f"{what} in {url}"
            for url, body in self.bodies.items()
            for what, value in self.private.items()
            if value.lower() in without_query_echo(url, body).lower()
        ]
        self.assertEqual(leaks, [])

    def test_no_private_column_is_even_read(self):
        """What no public page shows, no public page reads: a template or a serialiser that
        starts printing an object whole cannot print what was never loaded."""
        read = [column for column in PRIVATE_COLUMNS if any(column in sql for sql in self.read)]
        self.assertEqual(read, [])

    def test_the_restricted_document_is_never_served(self):
        restricted = self.private["restricted document's URL"]
        served = [url for url in self.bodies if url.startswith(restricted)]
        self.assertTrue(all(self.bodies[url] != "status 200" for url in served))
