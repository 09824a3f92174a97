"""The dialogue demo: the events the issue asks for and commitments in every status."""

import io

import pytest
from django.core.management import call_command

from dialogue.models import Commitment, CommitmentStatus, DialogueEventPage, EventFormat


@pytest.mark.django_db
def test_the_demo_has_past_and_upcoming_events_and_commitments_in_every_status(client):
    call_command("load_demo_content", stdout=io.StringIO())
    events = DialogueEventPage.objects.live()
    formats = set(events.values_list("event_format", flat=True))
    assert {
        EventFormat.NATIONAL_DIALOGUE,
        EventFormat.LEARNING_EXCHANGE,
        EventFormat.IMBIZO,
    } <= formats
    upcoming = [e for e in events if e.timing() == "upcoming"]
    assert [e.registration_open() for e in upcoming] == [True]
    statuses = set(Commitment.objects.live().values_list("status", flat=True))
    assert statuses == set(CommitmentStatus.values)
    assert Commitment.objects.live().overdue().count() >= 2
    assert all(c.partnerships.exists() for c in Commitment.objects.filter(status="open"))

    again = io.StringIO()
    call_command("load_demo_content", stdout=again)
    assert "Created" not in again.getvalue()
    assert client.get(upcoming[0].url).status_code == 200
