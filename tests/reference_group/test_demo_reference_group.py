"""The reference-group demo: two groups, three members, every review state, two published."""

import io

import pytest
from django.core.management import call_command

from reference_group.models import Assessment, AssessmentStatus, Member, ReferenceGroup


@pytest.mark.django_db
def test_the_demo_has_groups_members_and_assessments_in_every_state(client, monkeypatch):
    monkeypatch.setenv("PORTAL_DEMO_MEMBER_PASSWORD", "demo members passphrase 2026")
    call_command("load_demo_content", stdout=io.StringIO())

    assert set(ReferenceGroup.objects.values_list("scope", flat=True)) == {"national", "provincial"}
    assert Member.objects.count() == 3
    assert set(Assessment.objects.values_list("status", flat=True)) == set(AssessmentStatus.values)
    published = Assessment.objects.published()
    assert published.count() == 2
    for assessment in published:
        profile = client.get(f"/partnerships/{assessment.partnership.reference}/")
        assert f'id="assessment-{assessment.pk}"' in profile.content.decode()
    member = Member.objects.first()
    assert (
        client.post(
            "/members/sign-in/",
            {"username": member.user.email, "password": "demo members passphrase 2026"},
        ).status_code
        == 302
    )

    again = io.StringIO()
    call_command("load_demo_content", stdout=again)
    assert "Created" not in again.getvalue()
