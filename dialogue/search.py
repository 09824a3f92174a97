"""What the national dialogue puts into the portal's search (events and the commitments they
produced), and what those documents are built from."""

from wagtail.models import CollectionViewRestriction

from dialogue.models import Commitment, DialogueEventPage, DialogueSectionPage
from knowledge.models import Organisation, Partnership
from knowledge.search import public_partnerships
from portal.models import PortalDocument
from search.documents import SearchDocument
from search.projection import (
    collections_under,
    is_document_public,
    is_publicly_visible,
    linked_documents,
    page_document,
    page_text,
    sentences,
    shared,
    stream_text,
)
from search.registry import Dependency, register


def project_event(event: DialogueEventPage) -> SearchDocument | None:
    report_text = (
        event.report.extracted_text if event.report and is_document_public(event.report) else ""
    )
    return page_document(
        "dialogue-event",
        event,
        summary=f"{event.get_event_format_display()}: {event.theme}. {event.summary}",
        body=sentences(
            event.venue,
            *event.get_audiences_labels(),
            stream_text(event.agenda),
            *event.learnings,
            page_text(event),
            report_text,
        ),
        date=event.local_start.date(),
        provinces=[event.province] if event.province else [],
        **public_partnerships(event.partnerships.all()),
        topics=[event.theme],
    )


def project_commitment(commitment: Commitment) -> SearchDocument | None:
    section = shared(
        "dialogue-section", lambda: DialogueSectionPage.objects.live().public().first()
    )
    if not commitment.live or section is None:
        return None
    event_title = ""
    if commitment.event and is_publicly_visible(commitment.event):
        event_title = commitment.event.title
    return SearchDocument(
        kind="commitment",
        object_id=commitment.pk,
        title=commitment.promise,
        url=section.commitment_url(commitment),
        summary=f"{commitment.get_status_display()}. Made by {commitment.made_by}"
        + (f" to {commitment.made_to}" if commitment.made_to else "")
        + ".",
        body=sentences(
            commitment.details,
            event_title or commitment.engagement,
            *(note.note for note in commitment.progress_notes.all()),
        ),
        date=commitment.made_on,
        added=commitment.first_published_at,
        provinces=list(commitment.provinces),
        **public_partnerships(commitment.partnerships.all()),
    )


def _events_with_report_in(restriction: CollectionViewRestriction):
    return DialogueEventPage.objects.filter(report__collection__in=collections_under(restriction))


register(
    "dialogue-event",
    DialogueEventPage,
    label="Dialogue event",
    project=project_event,
    objects=lambda: (
        DialogueEventPage.objects.live()
        .public()
        .select_related("report")
        .prefetch_related("partnerships")
    ),
    depends_on=[
        Dependency(Partnership, lambda partnership: partnership.dialogue_events.all()),
        Dependency(
            PortalDocument, lambda document: DialogueEventPage.objects.filter(report=document)
        ),
        Dependency(CollectionViewRestriction, _events_with_report_in),
        *linked_documents(DialogueEventPage),
    ],
)
register(
    "commitment",
    Commitment,
    label="Commitment",
    project=project_commitment,
    objects=lambda: (
        Commitment.objects.live()
        .with_maker()
        .select_related("event")
        .prefetch_related("progress_notes", "partnerships")
    ),
    depends_on=[
        Dependency(Partnership, lambda partnership: partnership.commitments.all()),
        Dependency(Organisation, lambda organisation: organisation.commitments.all()),
        Dependency(DialogueEventPage, lambda event: event.commitments.all()),
        Dependency(DialogueSectionPage, lambda section: Commitment.objects.live()),
    ],
)
