"""The commitments tracker as a spreadsheet: the commitments a reader's filters select, with
what each commitment's page shows, for journalists and others who hold the promisers to them.

Only live commitments. The event a commitment was made at is named only while its page is
public (otherwise the engagement's own description, as on the commitment's page), and only
public partnerships are listed. Progress evidence is not in it: a document may be restricted.
"""

from collections.abc import Callable, Iterator

from django.http import StreamingHttpResponse
from django.utils import timezone

from dialogue.filters import CommitmentFilterForm
from dialogue.models import Commitment, DialogueEventPage
from knowledge.models.choices import Visibility
from portal.spreadsheets import csv_download

CHUNK = 500


def _latest_progress(commitment) -> str:
    notes = sorted(commitment.progress_notes.all(), key=lambda note: note.date)
    return f"{notes[-1].date.isoformat()}: {notes[-1].note}" if notes else ""


def _partnerships(commitment) -> str:
    return "; ".join(
        f"{p.title} ({p.reference})"
        for p in commitment.partnerships.all()
        if p.visibility == Visibility.PUBLIC
    )


def columns(public_events: set[int], today) -> list[tuple[str, Callable]]:
    def where(commitment) -> str:
        if commitment.event_id in public_events:
            return commitment.event.title
        return commitment.engagement

    return [
        ("Promise", lambda c: c.promise),
        ("Made by", lambda c: c.made_by),
        ("Made to", lambda c: c.made_to),
        ("Where", where),
        ("Made on", lambda c: c.made_on),
        ("Due", lambda c: c.due_date),
        ("Status", lambda c: c.get_status_display()),
        ("Overdue", lambda c: "yes" if c.is_overdue(today) else "no"),
        ("Provinces", lambda c: "; ".join(c.get_provinces_labels())),
        ("Partnerships", _partnerships),
        ("Latest progress", _latest_progress),
    ]


def commitments_csv(request, section) -> StreamingHttpResponse:
    form = CommitmentFilterForm(request.GET)
    commitments = form.apply(
        Commitment.objects.live()
        .with_maker()
        .select_related("event")
        .prefetch_related("progress_notes", "partnerships")
        .order_by("made_on", "pk")
    )
    # Read now, inside the request: which event pages readers may see (one query).
    public_events = set(DialogueEventPage.objects.live().public().values_list("pk", flat=True))
    chosen = columns(public_events, timezone.localdate())
    pages = request.build_absolute_uri(section.url + section.reverse_subpage("commitments"))

    def rows() -> Iterator[list[str]]:
        for commitment in commitments.iterator(chunk_size=CHUNK):
            yield [value(commitment) for _, value in chosen] + [f"{pages}{commitment.pk}/"]

    header = [heading for heading, _ in chosen] + ["Address"]
    return csv_download("commitments", header, rows())
