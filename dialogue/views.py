"""Registering for an event, the confirmation page, and cancelling by the e-mailed link."""

from django.contrib import messages
from django.core import signing
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.views.decorators.cache import never_cache

from dialogue.emails import send_confirmation
from dialogue.forms import RegistrationForm
from dialogue.models import Registration, RegistrationRefused, RegistrationStatus

SESSION_KEY = "dialogue_registered"


def register(request, event):
    if request.method != "POST":
        return redirect(event.url)
    form = RegistrationForm(request.POST, event=event)
    if form.is_valid():
        details = {name: value for name, value in form.cleaned_data.items() if name != "consent"}
        try:
            registration = Registration.take(event, consent=True, **details)
        except RegistrationRefused as refusal:
            form.add_error(refusal.field, str(refusal))
        else:
            send_confirmation(registration, request)
            # The confirmation page shows this visitor's own outcome and nobody else's.
            request.session[SESSION_KEY] = {"event": event.pk, "status": registration.status}
            return redirect(event.url + event.reverse_subpage("registered"))
    # What the person typed stays on the form, with each problem at its field.
    return event.render(request, context_overrides={"form": form})


@never_cache
def registered(request, event):
    outcome = request.session.get(SESSION_KEY) or {}
    if outcome.get("event") != event.pk:
        return redirect(event.url)
    return TemplateResponse(
        request,
        "dialogue/registered.html",
        {"page": event, "waiting": outcome.get("status") == RegistrationStatus.WAITING},
    )


@never_cache
def cancel(request, event, token):
    """GET asks, POST cancels: a mail scanner that follows the link changes nothing."""
    try:
        registration = Registration.from_cancel_token(token)
    except (signing.BadSignature, Registration.DoesNotExist):
        registration = None
    if registration is None or registration.event_id != event.pk:
        return TemplateResponse(
            request,
            "dialogue/cancel.html",
            {"page": event, "problem": "This cancellation link is not valid."},
            status=400,
        )
    if registration.status == RegistrationStatus.CANCELLED:
        return TemplateResponse(
            request,
            "dialogue/cancel.html",
            {"page": event, "problem": "This place was already cancelled."},
        )
    if request.method == "POST":
        promoted = registration.cancel()
        if promoted is not None:
            send_confirmation(promoted, request)
        messages.success(request, "Your place is cancelled. Thank you for letting us know.")
        return redirect(event.url)
    return TemplateResponse(request, "dialogue/cancel.html", {"page": event})
