"""Demo content for the reference groups: a national and a provincial group, three members
(password from PORTAL_DEMO_MEMBER_PASSWORD, or generated and printed once), and assessments in
every state of the review, two of them published on demo partnerships' profiles.

Found by name or e-mail first, so running the loader again adds only what is missing."""

import datetime
import os
import secrets

from django.contrib.auth import get_user_model

from knowledge.models import Partnership
from portal.demo_helpers import Log
from portal.taxonomy import Province
from reference_group.criteria import KEYS
from reference_group.models import (
    Assessment,
    AssessmentStatus,
    Member,
    MemberRole,
    ReferenceGroup,
    Scope,
)

GROUPS = {
    "national": (
        "National civil-society reference group",
        "Independently assesses national partnerships and those that cross provinces: whether "
        "they achieve what they set out to, and how they could serve communities better.",
        Scope.NATIONAL,
        [],
    ),
    "eastern-cape": (
        "Eastern Cape reference group",
        "Assesses partnerships in the Eastern Cape, with a focus on learner safety and rural "
        "communities.",
        Scope.PROVINCIAL,
        [Province.EASTERN_CAPE],
    ),
}
MEMBERS = [
    ("nomvula.chair@example.org", "Nomvula", "Khumalo", "national", MemberRole.CHAIR, True),
    ("pieter.member@example.org", "Pieter", "van Wyk", "national", MemberRole.MEMBER, False),
    ("ayanda.member@example.org", "Ayanda", "Mbeki", "eastern-cape", MemberRole.MEMBER, True),
]


def _groups(log: Log) -> dict[str, ReferenceGroup]:
    groups = {}
    for key, (name, mandate, scope, provinces) in GROUPS.items():
        group = ReferenceGroup.objects.filter(name=name).first()
        if group is None:
            group = ReferenceGroup.objects.create(
                name=name, mandate=mandate, scope=scope, provinces=provinces
            )
            log(f"Created reference group {name}")
        groups[key] = group
    return groups


def _members(groups: dict, log: Log) -> dict[str, Member]:
    user_model = get_user_model()
    members = {}
    password = os.environ.get("PORTAL_DEMO_MEMBER_PASSWORD", "")
    generated = ""
    for email, first, last, group, role, show_name in MEMBERS:
        member = Member.objects.filter(user__email=email).first()
        if member is None:
            if not password:
                password = generated = secrets.token_urlsafe(12)
            user = user_model.objects.create_user(
                username=email, email=email, password=password, first_name=first, last_name=last
            )
            member = Member.objects.create(
                user=user,
                group=groups[group],
                role=role,
                organisation="Demo civil-society organisation",
                term_start=datetime.date(2026, 1, 1),
                term_end=datetime.date(2027, 12, 31),
                show_name=show_name,
            )
            log(f"Created reference-group member {email}")
        members[email] = member
    if generated:
        log(
            f"  Demo members' password: {generated} (shown only this once; sign in at "
            "/members/sign-in/ with a member's e-mail address)"
        )
    return members


def _ratings(base: int) -> dict:
    return {
        key: {"rating": min(5, max(1, base + (index % 3) - 1)), "comment": ""}
        for index, key in enumerate(KEYS)
    }


ASSESSMENTS = [
    # (author, partnership title, final state, published, overall, narrative)
    (
        "nomvula.chair@example.org",
        "Positive Policing Partnership",
        AssessmentStatus.ACCEPTED,
        True,
        4,
        "<p>The partnership moved police and the sex work sector from complaint to "
        "cooperation. Research findings were used to open doors rather than to blame.</p>"
        "<ul><li>Regular meetings with SAPS</li><li>A shared standard operating procedure is "
        "still to be finalised</li></ul>",
    ),
    (
        "ayanda.member@example.org",
        "Mthatha safer schools patrols",
        AssessmentStatus.ACCEPTED,
        True,
        3,
        "<p>Learners and parents say the morning patrols make the walk to school safer; the "
        "afternoon routes are not yet covered and the data on incidents is thin.</p>",
    ),
    (
        "pieter.member@example.org",
        "Orlando Community in Blue night patrols",
        AssessmentStatus.DRAFT,
        False,
        3,
        "<p>Draft notes from two site visits.</p>",
    ),
    (
        "pieter.member@example.org",
        "Inner-city CCTV sharing",
        AssessmentStatus.SUBMITTED,
        False,
        2,
        "<p>Camera footage is shared late and rarely.</p>",
    ),
    (
        "nomvula.chair@example.org",
        "Crime-data analysis with a university",
        AssessmentStatus.UNDER_REVIEW,
        False,
        4,
        "<p>Analysis reached station commanders.</p>",
    ),
    (
        "ayanda.member@example.org",
        "Vhembe community safety forum support",
        AssessmentStatus.RETURNED,
        False,
        3,
        "<p>The forum meets, but minutes are missing.</p>",
    ),
    (
        "nomvula.chair@example.org",
        "Community radio crime prevention messages",
        AssessmentStatus.ACCEPTED,
        False,
        4,
        "<p>Messages reach listeners in three languages.</p>",
    ),
]


def _assessments(members: dict, log: Log) -> None:
    for author, title, state, published, overall, narrative in ASSESSMENTS:
        partnership = Partnership.objects.filter(title=title).first()
        member = members[author]
        if (
            partnership is None
            or Assessment.objects.filter(author=member, partnership=partnership).exists()
        ):
            continue
        assessment = Assessment.objects.create(
            author=member,
            group=member.group,
            partnership=partnership,
            period_start=datetime.date(2025, 1, 1),
            period_end=datetime.date(2025, 12, 31),
            ratings=_ratings(overall),
            overall_rating=overall,
            narrative=narrative,
            recommendations="Publish incident data every quarter\nMeet the community twice a year",
            consent_to_publish=published,
            show_author_name=published and member.show_name,
        )
        user = member.user
        if state != AssessmentStatus.DRAFT:
            assessment.submit(user)
        if state in (AssessmentStatus.UNDER_REVIEW, AssessmentStatus.RETURNED):
            assessment.start_review(None)
        if state == AssessmentStatus.RETURNED:
            assessment.return_to_author(None, "Please attach the forum's minutes.")
        if state == AssessmentStatus.ACCEPTED:
            assessment.accept(None)
            if published:
                assessment.publish(None)
        log(f"Created assessment of {title} ({assessment.get_status_display().lower()})")


def load(log: Log) -> None:
    groups = _groups(log)
    members = _members(groups, log)
    _assessments(members, log)
