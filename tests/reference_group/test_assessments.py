"""Assessments: writing, attaching, submitting, the review, versions, publication on the
profile and in search, and everything a member or a stranger must not be able to do."""

import io
import zipfile

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from wagtail.models import ModelLogEntry

from knowledge.models.choices import Visibility
from reference_group.criteria import KEYS
from reference_group.models import Assessment, AssessmentStatus
from search.delivery import drain
from tests.knowledge.factories import PartnershipFactory, PartnershipsSectionPageFactory
from tests.reference_group.factories import AssessmentFactory, MemberFactory

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a>',
    '<svg onload="alert(1)"><script>alert(2)</script></svg>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(3)></style></mglyph>"
    "</table></mtext></math>",
    "<p><b>unclosed <i>nesting</p></b> <iframe src=//evil.example></iframe>",
    '"><script>alert(4)</script>',
]


def assessment_form(partnership, **overrides) -> dict:
    data = {
        "partnership": partnership.reference,
        "period_start": "2025-01-01",
        "period_end": "2025-12-31",
        "overall_rating": "4",
        "narrative": "<p>It <strong>works</strong>; see "
        "<a href='https://example.org'>the report</a>.</p>",
        "recommendations": "Meet monthly\nShare crime data",
        "consent_to_publish": "on",
    }
    for key in KEYS:
        data[f"rating_{key}"] = "4"
        data[f"comment_{key}"] = f"About {key}."
    data.update(overrides)
    return data


@pytest.fixture
def partnership():
    PartnershipsSectionPageFactory()
    return PartnershipFactory(title="Orlando night patrols")


def editor_client():
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.create_superuser("ed", "ed@example.org", "x"))
    return client


def test_a_member_writes_a_draft_submits_it_and_it_is_locked(client, member, partnership):
    response = client.post("/members/assessments/new/", assessment_form(partnership))
    assessment = Assessment.objects.get()
    assert response["Location"] == f"/members/assessments/{assessment.pk}/edit/"
    assert assessment.status == AssessmentStatus.DRAFT and assessment.author == member
    mail.outbox.clear()
    get_user_model().objects.create_superuser("reviewer", "reviewer@example.org", "x")

    client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        {**assessment_form(partnership), "submit": "1"},
    )

    assessment.refresh_from_db()
    assert (assessment.status, assessment.version) == (AssessmentStatus.SUBMITTED, 1)
    assert assessment.submitted_at is not None
    assert assessment.content_sha256 == assessment.content_digest()
    assert [m.to for m in mail.outbox] == [["reviewer@example.org"]]
    assert ModelLogEntry.objects.filter(action="reference_group.submit").count() == 1
    # locked: an edit after submission changes nothing
    client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        assessment_form(partnership, narrative="<p>Changed after submission</p>"),
    )
    assessment.refresh_from_db()
    assert "Changed after submission" not in assessment.narrative


def test_an_incomplete_draft_cannot_be_submitted_and_keeps_what_was_typed(
    client, member, partnership
):
    client.post("/members/assessments/new/", assessment_form(partnership, narrative=""))
    assessment = Assessment.objects.get()
    mine = BeautifulSoup(client.get("/members/").content, "html.parser").select("tbody td")
    assert [cell.get_text(strip=True) for cell in mine][2:] == ["Draft", "Not submitted yet"]
    response = client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        {**assessment_form(partnership, narrative="", rating_trust=""), "submit": "1"},
    )
    html = response.content.decode()
    assert "Before submitting, add a rating of trust, the narrative" in html
    assert "About communication." in html  # what was typed is still on the form
    assert Assessment.objects.get().status == AssessmentStatus.DRAFT


@pytest.mark.parametrize("rating", ["0", "6", "-1", "3.5", "five"])
def test_ratings_outside_one_to_five_are_refused_at_their_field(
    client, member, partnership, rating
):
    response = client.post(
        "/members/assessments/new/", assessment_form(partnership, rating_trust=rating)
    )
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    field = page.find(attrs={"name": "rating_trust"})
    helptext, message = (page.find(id=name) for name in field["aria-describedby"].split())
    assert helptext is not None
    assert message.get_text(strip=True) == "Choose a rating from 1 to 5."
    summary_link = page.select_one(f'.error-summary a[href="#{field["id"]}"]')
    assert summary_link.get_text(strip=True).endswith("Choose a rating from 1 to 5.")
    assert not Assessment.objects.exists()


def test_every_text_field_neutralises_hostile_markup(client, member, partnership):
    for payload in XSS:
        overrides = {
            "narrative": payload,
            "recommendations": payload,
            **{f"comment_{key}": payload for key in KEYS},
        }
        client.post("/members/assessments/new/", assessment_form(partnership, **overrides))
    for assessment in Assessment.objects.all():
        page = client.get(f"/members/assessments/{assessment.pk}/").content.decode()
        soup = BeautifulSoup(page, "html.parser")
        main = soup.find("main")
        assert not main.find_all(["script", "iframe", "svg", "math", "style"])
        for element in main.find_all(True):
            assert not any(attribute.startswith("on") for attribute in element.attrs)
            href = element.get("href", "")
            assert not href.lower().startswith(("javascript:", "data:"))


def test_a_narrative_typed_as_plain_text_keeps_its_paragraphs_and_its_characters(
    client, member, partnership
):
    """Members type text, not HTML: blank lines part paragraphs on every page that shows it,
    and reopening the draft shows what was typed ("R&D", not "R&amp;D")."""
    typed = "Patrols & R&D met weekly.\n\nCrime fell where a < b.\nData came late."
    client.post("/members/assessments/new/", assessment_form(partnership, narrative=typed))
    assessment = Assessment.objects.get()

    detail = BeautifulSoup(
        client.get(f"/members/assessments/{assessment.pk}/").content, "html.parser"
    )
    assert detail.find("h2", string="Narrative") is not None  # under the page's h1
    shown = detail.select_one(".narrative")
    assert [p.decode_contents() for p in shown.find_all("p")] == [
        "Patrols &amp; R&amp;D met weekly.",
        "Crime fell where a &lt; b.<br/>Data came late.",
    ]
    box = BeautifulSoup(
        client.get(f"/members/assessments/{assessment.pk}/edit/").content, "html.parser"
    ).find("textarea", attrs={"name": "narrative"})
    assert box.get_text().strip() == typed

    client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        assessment_form(partnership, narrative=box.get_text().strip()),
    )
    assessment.refresh_from_db()
    assert "&amp;amp;" not in assessment.narrative  # saving again adds no escaping


def test_a_published_narratives_words_stay_apart_in_search(client, partnership):
    """Tags part words: "<li>SAPS</li><li>A shared" is found by "SAPS", and its summary has
    characters, not entities."""
    shown = AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        narrative="<p>Doors opened &amp; stayed open.</p><ul><li>Meetings with SAPS</li>"
        "<li>A shared procedure</li></ul>",
    )
    from search.sync import enqueue

    enqueue("assessment", [shown.pk])
    drain()

    found = client.get("/search/", {"q": "SAPS", "format": "json"}).json()
    (hit,) = found["results"]
    assert hit["id"] == f"assessment:{shown.pk}"
    assert "opened & stayed open. Meetings with SAPS A shared procedure" in hit["summary"]


def test_a_member_cannot_reach_anyone_elses_assessment(client, member, partnership):
    theirs = AssessmentFactory(partnership=partnership)
    for url in (
        f"/members/assessments/{theirs.pk}/",
        f"/members/assessments/{theirs.pk}/edit/",
    ):
        assert client.get(url).status_code == 404
    response = client.post(f"/members/assessments/{theirs.pk}/edit/", assessment_form(partnership))
    assert response.status_code == 404
    assert "Orlando" not in client.get("/members/").content.decode()


def test_conflicts_and_unassigned_internal_partnerships_cannot_be_assessed(
    client, member, partnership
):
    member.conflicts.add(partnership)
    internal = PartnershipFactory(visibility=Visibility.INTERNAL, title="Quiet internal pact")
    for target in (partnership, internal):
        response = client.post("/members/assessments/new/", assessment_form(target))
        assert "No partnership you may assess has this reference" in response.content.decode()
    assert not Assessment.objects.exists()
    for words in ("orlando", "quiet pact", internal.reference):
        suggested = client.get("/members/assessments/partnerships/", {"q": words}).json()
        assert suggested == {"suggestions": []}, words
    # assigned to the group, the internal one may be assessed
    member.group.assigned_partnerships.add(internal)
    member.group.save()  # a group's assignments are saved with the group, as in the admin
    client.post("/members/assessments/new/", assessment_form(internal))
    assert Assessment.objects.get().partnership == internal


def pdf_bytes() -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "accepted", "message"),
    [
        ("minutes.pdf", pdf_bytes(), True, ""),
        ("notes.docx", docx_bytes(), True, ""),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, True, ""),
        ("report.pdf", b"<html><!-- %PDF-1.4 --><script>x</script></html>", False, "not one of"),
        ("photo.png", b"MZ\x90\x00 %PDF-1.4 executable", False, "not one of"),
        ("minutes.docx", pdf_bytes(), False, "its name says otherwise"),
        ("big.pdf", pdf_bytes() + b"0" * (10 * 1024 * 1024), False, "the limit is 10 MB"),
    ],
)
def test_attachments_are_checked_by_content_and_size(
    client, member, partnership, name, content, accepted, message
):
    client.post("/members/assessments/new/", assessment_form(partnership))
    assessment = Assessment.objects.get()
    response = client.post(
        f"/members/assessments/{assessment.pk}/attachments/",
        {"file": SimpleUploadedFile(name, content)},
        follow=True,
    )
    assert assessment.attachments.exists() == accepted
    if not accepted:
        assert message in response.content.decode()
    else:
        attachment = assessment.attachments.get()
        assert "/media/" not in attachment.file.path
        download = client.get(f"/members/assessments/{assessment.pk}/attachments/{attachment.pk}/")
        assert download.status_code == 200 and download["Cache-Control"] == "private, no-store"
        client.logout()
        other = MemberFactory()
        client.force_login(other.user)
        assert (
            client.get(
                f"/members/assessments/{assessment.pk}/attachments/{attachment.pk}/"
            ).status_code
            == 404
        )


def test_the_review_lists_each_version_with_the_start_of_its_narrative_as_text(
    client, member, partnership
):
    narrative = "<p>Doors opened &amp; stayed open.</p><ul><li>SAPS</li><li>Shared</li></ul>"
    client.post("/members/assessments/new/", assessment_form(partnership, narrative=narrative))
    assessment = Assessment.objects.get()
    client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        {**assessment_form(partnership, narrative=narrative), "submit": "1"},
    )

    review = editor_client().get(f"/admin/reference-groups/review/{assessment.pk}/")

    page = BeautifulSoup(review.content, "html.parser")
    (version,) = page.find("h2", string="Versions").find_next_sibling("ol").find_all("li")
    assert version.get_text().endswith("; Doors opened & stayed open. SAPS Shared")


def test_what_happened_to_an_attachment_is_said_beside_the_attachments(client, member, partnership):
    """The attachments are at the foot of a long form: the reply returns there and says what
    happened there, not at the top of the page."""
    client.post("/members/assessments/new/", assessment_form(partnership))
    assessment = Assessment.objects.get()
    address = f"/members/assessments/{assessment.pk}/attachments/"

    refused = client.post(address, {"file": SimpleUploadedFile("minutes.docx", pdf_bytes())})
    assert refused["Location"].endswith(
        f"/members/assessments/{assessment.pk}/edit/#attachments-heading"
    )
    page = BeautifulSoup(client.get(refused["Location"]).content, "html.parser")
    section = page.find(id="attachments-heading").find_parent("section")
    assert "its name says otherwise" in section.select_one(".messages").get_text()
    top = page.select(".messages")[0]  # "Draft saved.", from creating it
    assert "Draft saved" in top.get_text() and "otherwise" not in top.get_text()

    client.post(address, {"file": SimpleUploadedFile("minutes.pdf", pdf_bytes())})
    page = BeautifulSoup(
        client.get(f"/members/assessments/{assessment.pk}/edit/").content, "html.parser"
    )
    section = page.find(id="attachments-heading").find_parent("section")
    assert section.select_one(".messages").get_text(strip=True) == "File attached."


def test_review_return_resubmit_accept_publish_with_versions_and_audit_log(
    client, member, partnership
):
    client.post("/members/assessments/new/", assessment_form(partnership))
    assessment = Assessment.objects.get()
    client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        {**assessment_form(partnership), "submit": "1"},
    )
    editor = editor_client()
    review = f"/admin/reference-groups/review/{assessment.pk}/"
    assert editor.get("/admin/reference_group_assessments/").status_code == 200
    editor.post(review, {"action": "start_review"})
    mail.outbox.clear()
    editor.post(review, {"action": "return", "comments": "Add evidence for the KPI rating."})
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.RETURNED
    assert [m.to for m in mail.outbox] == [[member.user.email]]
    assert (
        "Add evidence" in client.get(f"/members/assessments/{assessment.pk}/edit/").content.decode()
    )

    client.post(
        f"/members/assessments/{assessment.pk}/edit/",
        {**assessment_form(partnership, narrative="<p>With evidence now.</p>"), "submit": "1"},
    )
    assessment.refresh_from_db()
    assert (assessment.status, assessment.version) == (AssessmentStatus.SUBMITTED, 2)
    versions = list(assessment.revisions.order_by("created_at"))
    assert len(versions) == 2
    first = client.get(f"/members/assessments/{assessment.pk}/versions/{versions[0].pk}/")
    first_text = BeautifulSoup(first.content, "html.parser").find("main").get_text(" ")
    assert "works" in first_text and "With evidence now" not in first_text

    editor.post(review, {"action": "accept"})
    editor.post(review, {"action": "publish"})
    assessment.refresh_from_db()
    assert assessment.published and assessment.status == AssessmentStatus.ACCEPTED
    actions = list(
        ModelLogEntry.objects.filter(action__startswith="reference_group.")
        .order_by("timestamp", "pk")
        .values_list("action", flat=True)
    )
    assert actions == [
        "reference_group.submit",
        "reference_group.start_review",
        "reference_group.return",
        "reference_group.submit",
        "reference_group.accept",
        "reference_group.publish",
    ]
    export = editor.get("/admin/reference_group_assessments/?export=csv")
    assert partnership.title in export.getvalue().decode()


def test_without_consent_an_accepted_assessment_cannot_be_published(member, partnership):
    assessment = AssessmentFactory(
        author=member,
        partnership=partnership,
        consent_to_publish=False,
        status=AssessmentStatus.SUBMITTED,
    )
    editor = editor_client()
    review = f"/admin/reference-groups/review/{assessment.pk}/"
    editor.post(review, {"action": "accept"})
    response = editor.post(review, {"action": "publish"}, follow=True)
    assert "did not agree to publication" in response.content.decode()
    assert not Assessment.objects.get().published


def test_members_and_strangers_cannot_use_the_review(client, member, partnership):
    assessment = AssessmentFactory(
        author=member, partnership=partnership, status=AssessmentStatus.SUBMITTED
    )
    review = f"/admin/reference-groups/review/{assessment.pk}/"
    assert client.post(review, {"action": "accept"}).status_code in (302, 403)
    client.logout()
    assert client.post(review, {"action": "accept"}).status_code == 302  # to the login page
    assert Assessment.objects.get().status == AssessmentStatus.SUBMITTED


def test_published_assessments_show_on_the_profile_with_averages_and_in_search(client, partnership):
    shown = AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        ratings={k: {"rating": 4, "comment": ""} for k in KEYS},
        narrative="<p>Patrols cut robberies.</p>",
    )
    AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        ratings={k: {"rating": 2, "comment": ""} for k in KEYS},
        overall_rating=2,
        show_author_name=True,
    )
    hidden = AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.SUBMITTED,
        narrative="<p>Secret draft wording.</p>",
    )
    hidden.author.user.email = "private.member@example.org"
    hidden.author.user.save()
    from search.sync import enqueue

    enqueue("assessment", [a.pk for a in Assessment.objects.all()])
    drain()

    profile = client.get(f"/partnerships/{partnership.reference}/").content.decode()
    assert "Patrols cut robberies." in profile
    assert "Secret draft wording" not in profile
    assert "@example.org" not in profile
    soup = BeautifulSoup(profile, "html.parser")
    trust = next(row for row in soup.select("table tr") if "Trust" in row.get_text())
    # a decimal comma, as South Africa writes numbers
    assert "3,0" in trust.get_text() and "2 assessments" in trust.get_text()
    assert shown.group.name in profile
    found = client.get("/search/", {"q": "robberies", "format": "json"}).json()
    assert [hit["id"] for hit in found["results"]] == [f"assessment:{shown.pk}"]
    assert client.get("/search/", {"q": "Secret draft", "format": "json"}).json()["total"] == 0
    # nor does the section page name members who did not agree
    from tests.reference_group.factories import ReferenceGroupSectionPageFactory

    section = ReferenceGroupSectionPageFactory()
    page = client.get(section.url).content.decode()
    assert shown.author.user.last_name not in page
    assert "Orlando night patrols" in page


def test_the_profile_does_not_repeat_what_it_already_says_of_an_assessment(client, partnership):
    """The profile names the partnership, and the period above each assessment; a comment
    column is shown only when some criterion has a comment."""
    quiet = AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        ratings={k: {"rating": 4, "comment": ""} for k in KEYS},
    )
    page = BeautifulSoup(
        client.get(f"/partnerships/{partnership.reference}/").content, "html.parser"
    )
    article = page.find(id=f"assessment-{quiet.pk}")
    assert [dt.get_text() for dt in article.find_all("dt")] == ["Overall effectiveness"]
    assert [th.get_text() for th in article.select("table thead th")] == ["Criterion", "Rating"]
    # its heading sits under the section's h2, and its parts under its heading
    heading, *parts = [h.name for h in article.find_all(["h2", "h3", "h4", "h5"])]
    assert heading == "h3" and parts and set(parts) == {"h4"}

    quiet.ratings["trust"]["comment"] = "Meetings resumed."
    quiet.save()
    page = BeautifulSoup(
        client.get(f"/partnerships/{partnership.reference}/").content, "html.parser"
    )
    headings = [th.get_text() for th in page.select(f"#assessment-{quiet.pk} table thead th")]
    assert headings == ["Criterion", "Rating", "Comment"]
    assert "Meetings resumed." in page.find(id=f"assessment-{quiet.pk}").get_text()


def test_a_member_named_in_public_with_no_name_on_record_is_never_shown_by_email(
    client, partnership
):
    """Agreeing to be named is not agreeing to show one's e-mail address: a member whose
    account has no name (made in the admin from an existing user) is not named at all."""
    from tests.reference_group.factories import ReferenceGroupSectionPageFactory

    assessment = AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        published_at=timezone.now(),
        show_author_name=True,
        narrative="<p>Street lights were fixed.</p>",
        author__show_name=True,
        author__user__first_name="",
        author__user__last_name="",
        author__user__username="no.name@example.org",
    )
    from search.sync import enqueue

    enqueue("assessment", [assessment.pk])
    drain()

    profile = client.get(f"/partnerships/{partnership.reference}/").content.decode()
    assert "Street lights were fixed." in profile
    named = MemberFactory(group=assessment.group, show_name=True, user__last_name="Dlamini")
    section = ReferenceGroupSectionPageFactory()
    page = client.get(section.url).content.decode()
    assert f"Members who agreed to be named: {named.user.get_full_name()}</p>" in page
    found = client.get("/search/", {"q": "street lights", "format": "json"}).json()
    assert [hit["id"] for hit in found["results"]] == [f"assessment:{assessment.pk}"]
    for text in (profile, page, str(found)):
        assert "no.name@example.org" not in text
        assert "no.name" not in text


def test_the_profile_reads_nothing_of_an_assessment_it_does_not_show(client, partnership):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    AssessmentFactory(
        partnership=partnership,
        status=AssessmentStatus.ACCEPTED,
        published=True,
        published_at=timezone.now(),
        show_author_name=True,
        author__show_name=True,
        reviewer_comments="Reviewer's aside",
    )

    with CaptureQueriesContext(connection) as queries:
        html = client.get(f"/partnerships/{partnership.reference}/").content.decode()

    assert "Lindiwe Member" in html and "Orlando night patrols" in html
    read = " ".join(query["sql"] for query in queries)
    assert '"reference_group_assessment"."narrative"' in read
    for column in (
        '"reference_group_assessment"."reviewer_comments"',
        '"auth_user"."email"',
        '"auth_user"."password"',
    ):
        assert column not in read, column
