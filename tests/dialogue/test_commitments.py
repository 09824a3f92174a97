"""The commitments tracker: counts and filters, each commitment's page, overdue flags in the
admin, commitments on events, partnership profiles and in search; drafts stay private."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import PageViewRestriction

from dialogue.models import CommitmentStatus
from knowledge.models.choices import Visibility
from search.delivery import drain
from search.sync import enqueue
from tests.dialogue.factories import CommitmentFactory, DialogueEventPageFactory, dialogue_section
from tests.knowledge.factories import (
    OrganisationFactory,
    PartnershipFactory,
    PartnershipsSectionPageFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def days(number: int) -> datetime.date:
    return TODAY + datetime.timedelta(days=number)


def listed(client, query="") -> list[str]:
    page = BeautifulSoup(
        client.get("/national-dialogue/commitments/" + query).content, "html.parser"
    )
    return [a.get_text(strip=True) for a in page.select(".card-list .card__title a")]


@pytest.fixture
def tracked():
    dialogue_section()
    saps = OrganisationFactory(name="South African Police Service")
    event = DialogueEventPageFactory(title="Imbizo in Mthatha")
    return {
        "late": CommitmentFactory(
            promise="Fix the lights",
            due_date=days(-5),
            event=event,
            engagement="",
            made_by_organisation=saps,
            made_by_office="",
        ),
        "going": CommitmentFactory(
            promise="Train CPF members",
            status=CommitmentStatus.IN_PROGRESS,
            due_date=days(20),
            provinces=["eastern-cape"],
        ),
        "done": CommitmentFactory(
            promise="Open a victim room", status=CommitmentStatus.DONE, due_date=days(-40)
        ),
        "draft": CommitmentFactory(promise="Not yet published", live=False),
        "event": event,
        "saps": saps,
    }


def test_the_tracker_counts_by_status_and_filters_in_the_url(client, tracked):
    page = BeautifulSoup(client.get("/national-dialogue/commitments/").content, "html.parser")
    figures = [li.get_text(" ", strip=True) for li in page.select(".status-counts li")]
    assert figures == ["1 open", "1 in progress", "1 done", "0 dropped", "1 overdue"]

    # unfinished first, the most overdue at the top; then what is done or dropped
    assert listed(client) == ["Fix the lights", "Train CPF members", "Open a victim room"]
    assert listed(client, "?overdue=on") == ["Fix the lights"]
    assert listed(client, "?status=in-progress") == ["Train CPF members"]
    assert listed(client, f"?organisation={tracked['saps'].pk}") == ["Fix the lights"]
    assert listed(client, "?province=eastern-cape") == ["Train CPF members"]
    assert listed(client, f"?event={tracked['event'].pk}") == ["Fix the lights"]
    assert listed(client, "?status=nonsense") == listed(client)


def test_each_commitment_has_its_own_page_and_drafts_have_none(client, tracked):
    late = client.get(f"/national-dialogue/commitments/{tracked['late'].pk}/")
    assert late.status_code == 200
    html = late.content.decode()
    assert "Fix the lights" in html and "Overdue" in html and "Imbizo in Mthatha" in html
    draft = client.get(f"/national-dialogue/commitments/{tracked['draft'].pk}/")
    assert draft.status_code == 404
    assert "Not yet published" not in client.get("/national-dialogue/commitments/").content.decode()


def test_commitments_show_on_their_event(client, tracked):
    html = client.get(tracked["event"].url).content.decode()
    assert "Commitments made" in html and "Fix the lights" in html


def test_commitments_show_on_the_profiles_of_public_partnerships_only(client, tracked):
    section = PartnershipsSectionPageFactory()
    public = PartnershipFactory()
    internal = PartnershipFactory(visibility=Visibility.INTERNAL)
    commitment = tracked["going"]
    commitment.partnerships.add(public, internal)
    commitment.save()

    profile = client.get(f"{section.url}{public.reference}/").content.decode()
    assert "Train CPF members" in profile
    page = client.get(f"/national-dialogue/commitments/{commitment.pk}/").content.decode()
    assert public.reference in page and internal.reference not in page


def test_overdue_commitments_are_flagged_in_the_admin(client, tracked):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "x"))
    dashboard = client.get("/admin/").content.decode()
    assert "1 overdue commitment" in dashboard
    listing = client.get("/admin/snippets/dialogue/commitment/?overdue=true").content.decode()
    assert "Fix the lights" in listing and "Train CPF members" not in listing


def test_events_and_commitments_are_searchable_but_drafts_are_not(client, tracked):
    enqueue("commitment", [c.pk for c in (tracked["late"], tracked["draft"])])
    enqueue("dialogue-event", [tracked["event"].pk])
    drain()

    def found(q):
        return [
            hit["title"]
            for hit in client.get("/search/", {"q": q, "format": "json"}).json()["results"]
        ]

    assert found("lights") == ["Fix the lights"]
    assert found("published") == []
    assert "Imbizo in Mthatha" in found("Mthatha")  # the event page itself
    kinds = client.get("/search/", {"q": "lights", "format": "json"}).json()["facets"]["kind"]
    assert [(k["value"], k["label"]) for k in kinds] == [("commitment", "Commitment")]


def test_commitments_are_in_the_sitemap(client, tracked):
    sitemap = client.get("/sitemap.xml").content.decode()
    assert f"/national-dialogue/commitments/{tracked['late'].pk}/" in sitemap
    assert f"/national-dialogue/commitments/{tracked['draft'].pk}/" not in sitemap
    assert tracked["event"].url in sitemap


def test_editors_add_events_commitments_and_speakers_in_the_admin(client, tracked):
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.org", "x"))
    section = dialogue_section()
    for url in (
        f"/admin/pages/add/dialogue/dialogueeventpage/{section.pk}/",
        "/admin/snippets/dialogue/commitment/add/",
        f"/admin/snippets/dialogue/commitment/edit/{tracked['late'].pk}/",
        "/admin/snippets/dialogue/speaker/add/",
        "/admin/dialogue_registrations/",
    ):
        assert client.get(url).status_code == 200, url


@pytest.mark.parametrize("hide", ["unpublish", "restrict"])
def test_a_commitment_never_names_a_draft_or_private_event(client, tracked, hide):
    address = f"/national-dialogue/commitments/{tracked['late'].pk}/"
    event = tracked["event"]
    if hide == "unpublish":
        event.unpublish()
    else:
        PageViewRestriction.objects.create(page=event, restriction_type="login")
    html = client.get(address).content.decode()
    assert "Fix the lights" in html
    assert "Imbizo in Mthatha" not in html


def downloaded(client, query="") -> tuple[str, list[dict]]:
    import csv
    import io

    response = client.get("/national-dialogue/commitments/download/" + query)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert 'filename="commitments-' in response["Content-Disposition"]
    content = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return content, list(csv.DictReader(io.StringIO(content)))


def test_the_tracker_downloads_what_its_filters_select(client, tracked):
    from dialogue.models import CommitmentProgress

    CommitmentProgress.objects.create(
        commitment=tracked["late"], date=days(-10), note="Contractor appointed"
    )
    page = BeautifulSoup(
        client.get("/national-dialogue/commitments/?overdue=on").content, "html.parser"
    )
    link = page.select_one("p.download a")
    assert link.get_text(strip=True) == "Download this commitment (CSV)"
    assert link["href"] == "/national-dialogue/commitments/download/?overdue=on"

    _, rows = downloaded(client, "?overdue=on")

    (row,) = rows
    assert row["Promise"] == "Fix the lights"
    assert row["Made by"] == "South African Police Service"
    assert row["Where"] == "Imbizo in Mthatha"
    assert (row["Due"], row["Status"], row["Overdue"]) == (days(-5).isoformat(), "Open", "yes")
    assert row["Latest progress"] == f"{days(-10).isoformat()}: Contractor appointed"
    assert (
        row["Address"] == f"http://testserver/national-dialogue/commitments/{tracked['late'].pk}/"
    )
    assert client.get(row["Address"]).status_code == 200
    everything = [row["Promise"] for row in downloaded(client)[1]]
    assert sorted(everything) == ["Fix the lights", "Open a victim room", "Train CPF members"]


def test_the_download_names_no_draft_private_event_or_internal_partnership(client, tracked):
    hidden = DialogueEventPageFactory(title="Closed-door meeting")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    secret = CommitmentFactory(promise="Quiet promise", event=hidden, engagement="A meeting")
    secret.partnerships.add(PartnershipFactory(title="Staff only", visibility=Visibility.INTERNAL))
    secret.partnerships.add(PartnershipFactory(title="Open partnership"))
    secret.save()

    content, rows = downloaded(client)

    (row,) = [row for row in rows if row["Promise"] == "Quiet promise"]
    assert row["Where"] == "A meeting"
    assert row["Partnerships"].startswith("Open partnership (")
    for private in ("Not yet published", "Closed-door meeting", "Staff only"):
        assert private not in content


@pytest.mark.parametrize("count", [1, 12])
def test_the_download_s_queries_do_not_grow_with_the_commitments(
    client, count, django_assert_max_num_queries
):
    dialogue_section()
    for _ in range(count):
        commitment = CommitmentFactory(promise="=cmd|' /C calc'!A0")
        commitment.partnerships.add(PartnershipFactory())
        commitment.save()

    # the page's routing, the public events, then the commitments with their progress notes
    # and partnerships: the same for one commitment as for twelve
    with django_assert_max_num_queries(10):
        rows = downloaded(client)[1]
    assert len(rows) == count
    assert {row["Promise"] for row in rows} == {"'=cmd|' /C calc'!A0"}


def feed_entries(client, path="feed/"):
    import feedparser

    response = client.get("/national-dialogue/commitments/" + path)
    assert response.status_code == 200
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    return parsed.entries


def test_the_tracker_s_feeds_tell_of_new_commitments_and_each_step(client, tracked):
    from dialogue.models import CommitmentProgress

    CommitmentProgress.objects.create(
        commitment=tracked["late"], date=days(-10), note="Contractor <appointed>"
    )
    CommitmentProgress.objects.create(
        commitment=tracked["late"], date=days(-2), note="Poles delivered"
    )
    tracker = BeautifulSoup(client.get("/national-dialogue/commitments/").content, "html.parser")
    assert tracker.select_one('link[type="application/rss+xml"]')["href"] == (
        "/national-dialogue/commitments/feed/"
    )
    assert tracker.select_one('link[type="application/atom+xml"]')["href"] == (
        "/national-dialogue/commitments/feed/atom/"
    )

    for path in ("feed/", "feed/atom/"):
        entries = feed_entries(client, path)
        titles = [entry.title for entry in entries]
        # the two steps, newest first, after the commitments published (made 60 days ago)
        assert titles[:2] == ["Progress: Fix the lights", "Progress: Fix the lights"], path
        assert entries[0].summary == "Poles delivered (Open.)"
        # a description is HTML to a reader: the note's "<appointed>" shows as typed
        assert entries[1].summary == "Contractor &lt;appointed&gt; (Open.)"
        assert sorted(titles[2:]) == [
            "Commitment: Fix the lights",
            "Commitment: Open a victim room",
            "Commitment: Train CPF members",
        ]
        late = f"http://testserver/national-dialogue/commitments/{tracked['late'].pk}/"
        assert {entry.link for entry in entries[:2]} == {late}
        assert len({entry.id for entry in entries}) == len(entries)  # each step is news
        announced = next(e for e in entries if e.title == "Commitment: Fix the lights")
        assert announced.summary.startswith("Made by South African Police Service. Due ")


def test_the_feeds_name_no_draft_event_partnership_or_evidence(client, tracked):
    from dialogue.models import CommitmentProgress
    from portal.models import PortalDocument

    hidden = DialogueEventPageFactory(title="Closed-door meeting")
    PageViewRestriction.objects.create(page=hidden, restriction_type=PageViewRestriction.LOGIN)
    quiet = CommitmentFactory(promise="Quiet promise", event=hidden, engagement="A meeting")
    quiet.partnerships.add(PartnershipFactory(title="Staff only", visibility=Visibility.INTERNAL))
    quiet.save()
    CommitmentProgress.objects.create(
        commitment=quiet,
        date=days(-1),
        note="Started",
        evidence=PortalDocument.objects.create(title="Minutes kept in-house", file="m.pdf"),
    )
    CommitmentProgress.objects.create(commitment=tracked["draft"], date=days(-1), note="Draft step")

    for path in ("feed/", "feed/atom/"):
        content = client.get("/national-dialogue/commitments/" + path).content.decode()
        assert "Quiet promise" in content and "Started" in content
        for private in (
            "Not yet published",
            "Draft step",
            "Closed-door meeting",
            "Imbizo in Mthatha",  # events are never named in the feed, public or not
            "Staff only",
            "Minutes kept in-house",
        ):
            assert private not in content, (path, private)


def test_the_feed_s_queries_do_not_grow_with_the_commitments(client, tracked):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from dialogue.models import CommitmentProgress

    def queries() -> list[str]:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/national-dialogue/commitments/feed/").status_code == 200
        return [query["sql"] for query in captured]

    queries()  # routing and the site's structure warmed
    few = queries()
    for number in range(20):
        commitment = CommitmentFactory(
            made_by_organisation=OrganisationFactory(), made_by_office=""
        )
        CommitmentProgress.objects.create(commitment=commitment, date=days(-number), note="Step")
    queries()
    many = queries()

    assert len(many) == len(few), many


def home_figures(client, heading: str) -> dict[str, str]:
    home = BeautifulSoup(client.get("/").content, "html.parser")
    section = home.find("h2", string=heading)
    if section is None:
        return {}
    figures = section.find_parent("section").select(".figure")
    return {f.dt.get_text(): f.dd.get_text() for f in figures}


def test_the_home_page_counts_what_was_promised_kept_and_overdue(client, tracked, settings):
    settings.PAGE_CACHE_SECONDS = 300  # the figures are kept per generation, as in production
    assert home_figures(client, "Commitments from the dialogues") == {
        "Commitments made": "3",  # not the draft
        "Done": "1",
        "Overdue": "1",
    }
    home = BeautifulSoup(client.get("/").content, "html.parser")
    section = home.find("h2", string="Commitments from the dialogues").find_parent("section")
    assert section.find("a", string="Follow them in the commitments tracker")["href"] == (
        "/national-dialogue/commitments/"
    )

    # Publishing one and finishing another show on the next reading, as in the tracker.
    tracked["draft"].save_revision().publish()
    tracked["late"].status = CommitmentStatus.DONE
    tracked["late"].save()
    assert home_figures(client, "Commitments from the dialogues") == {
        "Commitments made": "4",
        "Done": "2",
        "Overdue": "0",
    }


def test_the_home_page_has_no_commitment_figures_before_any_is_published(client):
    dialogue_section()
    CommitmentFactory(live=False)
    assert home_figures(client, "Commitments from the dialogues") == {}
    assert "Commitments from the dialogues" not in client.get("/").content.decode()
