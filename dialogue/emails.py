"""E-mails to registrants: a confirmation with the event in the calendar and a link to cancel,
and word that a place came free for someone on the waiting list."""

from urllib.parse import urlencode

from django.core.mail import EmailMessage
from django.template.loader import render_to_string

from dialogue.calendar import event_ics, ics_filename


def send_confirmation(registration, request) -> None:
    event = registration.event
    cancel_url = request.build_absolute_uri(
        event.url
        + event.reverse_subpage("cancel")
        + "?"
        + urlencode({"token": registration.cancel_token})
    )
    body = render_to_string(
        "dialogue/emails/confirmation.txt",
        {
            "registration": registration,
            "event": event,
            "event_url": event.get_full_url(request),
            "cancel_url": cancel_url,
        },
    )
    message = EmailMessage(
        subject=f"{registration.get_status_display()}: {event.title}",
        body=body,
        to=[registration.email],
    )
    message.attach(ics_filename(event), event_ics(event, request), "text/calendar")
    message.send()
