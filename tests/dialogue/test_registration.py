"""Registering for an event: limits, the waiting list, confirmation e-mails, cancellation
links, privacy of registrants, retention, and bad input kept on the form."""

import io
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import parse_qs, urlparse

import icalendar
import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.management import call_command
from django.db import connections
from django.utils import timezone
from django.utils.formats import date_format

from dialogue.models import Registration, RegistrationStatus
from tests.dialogue.factories import DialogueEventPageFactory, in_days

pytestmark = pytest.mark.django_db


def form_data(**overrides) -> dict:
    return {
        "name": "Thandi Mokoena",
        "organisation": "Orlando CPF",
        "sector": "cpf",
        "email": "thandi@example.org",
        "needs": "Wheelchair access",
        "consent": "on",
        **overrides,
    }


def register(client, event, **overrides):
    return client.post(event.url + "register/", form_data(**overrides))


def errors(response) -> dict[str, list[str]]:
    page = BeautifulSoup(response.content, "html.parser")
    found = {}
    for field in page.select(".form-field--error"):
        name = field.find(["input", "textarea", "select"])["name"]
        found[name] = [p.get_text(strip=True) for p in field.select(".form-error")]
    return found


@pytest.fixture
def event():
    return DialogueEventPageFactory(
        title="Provincial dialogue on safer schools",
        registration_enabled=True,
        capacity=2,
        waiting_list=True,
    )


def test_a_registration_is_confirmed_by_e_mail_with_the_event_and_a_cancel_link(client, event):
    response = register(client, event)

    assert response.status_code == 302 and response["Location"].endswith("/registered/")
    page = client.get(response["Location"]).content.decode()
    assert "You are registered" in page
    assert "thandi@example.org" not in page  # the confirmation names nobody
    (message,) = mail.outbox
    assert message.to == ["thandi@example.org"]
    assert "confirmed" in message.body
    ((filename, ics, mimetype),) = message.attachments
    assert mimetype == "text/calendar" and filename.endswith(".ics")
    (vevent,) = icalendar.Calendar.from_ical(ics).walk("VEVENT")
    assert str(vevent["summary"]) == event.title
    assert "/cancel/?token=" in message.body
    start, end = event.local_start, event.local_end  # the factory's event lasts part of a day
    assert f"When: {start:%A %-d %B %Y, %H:%M} to {end:%H:%M} (South African time)" in (
        message.body
    )


def test_a_full_event_takes_a_waiting_list_and_a_cancellation_promotes_it(client, event):
    for number in range(3):
        register(client, event, email=f"person{number}@example.org")
    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["confirmed", "confirmed", "waiting"]
    assert "Join the waiting list" in client.get(event.url).content.decode()

    first = Registration.objects.order_by("pk").first()
    cancel_url = event.url + "cancel/?token=" + first.cancel_token
    assert "Cancel my place" in client.get(cancel_url).content.decode()  # GET only asks
    assert Registration.objects.get(pk=first.pk).status == "confirmed"
    mail.outbox.clear()
    client.post(cancel_url)

    statuses = list(Registration.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == ["cancelled", "confirmed", "confirmed"]
    (promotion,) = mail.outbox
    assert promotion.to == ["person2@example.org"] and "confirmed" in promotion.body
    again = client.get(cancel_url).content.decode()
    assert "already cancelled" in again  # a reused link changes nothing


def test_without_a_waiting_list_a_full_event_refuses_with_a_message(client, event):
    event.waiting_list = False
    event.capacity = 1
    event.save_revision().publish()
    register(client, event, email="first@example.org")

    response = register(client, event, email="second@example.org")

    assert response.status_code == 200
    assert "This event is full" in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_forged_link_is_refused(client, event):
    register(client, event)
    registration = Registration.objects.get()
    token = registration.cancel_token
    response = client.post(event.url + "cancel/?token=" + token[:-2] + "xx")
    assert response.status_code == 400
    assert "not valid" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    other_event = DialogueEventPageFactory()
    response = client.post(other_event.url + "cancel/?token=" + token)
    assert response.status_code == 400  # a real token, for another event


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"email": "not-an-address"}, "email", "valid email"),
        ({"name": "<script>alert(1)</script>"}, "name", "plain text"),
        ({"organisation": "<b onmouseover=x>CPF</b>"}, "organisation", "plain text"),
        ({"consent": ""}, "consent", "Tick the box"),
        ({"name": ""}, "name", "required"),
    ],
)
def test_bad_input_is_refused_at_its_field_and_what_was_typed_stays(
    client, event, overrides, field, message
):
    response = register(client, event, **overrides)

    assert response.status_code == 200
    assert any(message.lower() in error.lower() for error in errors(response)[field])
    page = BeautifulSoup(response.content, "html.parser")
    assert page.find("input", attrs={"name": "email"})["value"] == overrides.get(
        "email", "thandi@example.org"
    )
    assert "<script>alert" not in response.content.decode()
    assert not Registration.objects.exists()


def test_a_refused_form_lists_its_problems_first_and_lands_the_reader_on_them(client, event):
    """The page is long and the form at its foot: the reply opens at the form, whose summary
    links each problem to its field, and each field names its message for screen readers."""
    page = BeautifulSoup(register(client, event, email="nope", consent="").content, "html.parser")

    assert page.title.get_text().startswith("Error: ")
    form = page.find("form", class_="registration-form")
    assert form["action"].endswith("register/#registration-heading")
    assert page.find(id="registration-heading") is not None
    summary = form.find(class_="error-summary")
    assert summary["role"] == "alert"
    links = {a["href"]: a.get_text(strip=True) for a in summary.select("a")}
    assert links == {
        "#id_email": "E-mail: Enter a valid email address.",
        "#id_consent": "I agree that the Civilian Secretariat keeps these details to run this "
        "event: Tick the box to agree, or we cannot register you.",
    }
    for href in links:
        field = page.find(id=href[1:])
        assert field["aria-invalid"] == "true"
        described = [page.find(id=name) for name in field["aria-describedby"].split()]
        assert None not in described
        assert described[-1].get_text(strip=True) == links[href].split(": ", 1)[1]


def test_the_same_e_mail_twice_is_refused_at_the_e_mail_field(client, event):
    register(client, event)
    response = register(client, event, email="THANDI@example.org", name="Someone else")
    assert "already registered" in " ".join(errors(response)["email"])
    assert Registration.objects.count() == 1


def test_registration_after_closing_is_refused(client):
    closed = DialogueEventPageFactory(
        registration_enabled=True, registration_closes_at=in_days(-1), starts_at=in_days(2)
    )
    assert "Registration for this event has closed" in client.get(closed.url).content.decode()
    response = register(client, closed)
    assert "has closed" in response.content.decode()
    assert not Registration.objects.exists()


def test_registrations_are_seen_only_by_those_allowed(client, event):
    register(client, event)
    admin_list = "/admin/dialogue_registrations/"
    assert client.get(admin_list).status_code == 302  # anonymous: to the login page
    editor = get_user_model().objects.create_user("editor", password="x", is_staff=True)
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.get(name="Editors")
    editor.groups.add(editors)
    client.force_login(editor)
    assert client.get(admin_list).status_code in (302, 403)
    assert "thandi@example.org" not in client.get("/admin/").content.decode()

    editor.user_permissions.add(Permission.objects.get(codename="view_registration"))
    editor = get_user_model().objects.get(pk=editor.pk)
    client.force_login(editor)
    listing = client.get(admin_list)
    assert listing.status_code == 200 and "thandi@example.org" in listing.content.decode()
    export = client.get(admin_list + "?export=csv")
    assert "thandi@example.org" in export.getvalue().decode()
    # Read one whole, in words: its moment in Johannesburg's time, not as stored.
    registration = Registration.objects.get()
    inspected = BeautifulSoup(
        client.get(f"{admin_list}inspect/{registration.pk}/").content, "html.parser"
    )

    def shown(label):
        return inspected.find("dt", string=label).find_next_sibling("dd").get_text(strip=True)

    assert shown("Consent") == "Yes"
    assert shown("Sector") == "Community police forum"
    assert shown("Cancelled at") == "Not recorded"
    registered = timezone.localtime(registration.created_at)
    assert shown("Created at") == date_format(registered, "j F Y, H:i")
    assert "ID" not in {dt.get_text(strip=True) for dt in inspected.select("dl dt")}
    # nor do the public page, its feeds or the search name registrants
    client.logout()
    for url in (event.url, "/national-dialogue/feed/", "/national-dialogue/calendar/"):
        assert "Mokoena" not in client.get(url).content.decode(), url
    assert client.get("/search/", {"q": "Mokoena", "format": "json"}).json()["total"] == 0


def test_personal_data_is_deleted_after_the_retention_period(client):
    old = DialogueEventPageFactory(registration_enabled=True, starts_at=in_days(3))
    register(client, old)
    recent = DialogueEventPageFactory(registration_enabled=True, starts_at=in_days(3))
    register(client, recent, email="recent@example.org")
    days = settings.DIALOGUE_REGISTRATION_RETENTION_DAYS
    type(old).objects.filter(pk=old.pk).update(
        starts_at=in_days(-days - 2), ends_at=in_days(-days - 2, 17)
    )
    type(recent).objects.filter(pk=recent.pk).update(
        starts_at=in_days(-days + 2), ends_at=in_days(-days + 2, 17)
    )

    out = io.StringIO()
    call_command("purge_registrations", stdout=out)

    assert "Deleted 1 registration" in out.getvalue()
    assert list(Registration.objects.values_list("email", flat=True)) == ["recent@example.org"]


@pytest.mark.skipif(
    "postgresql" not in settings.DATABASES["default"]["ENGINE"],
    reason="needs PostgreSQL: SQLite serialises writers, so there is no race to test",
)
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_concurrent_registrations_never_overbook():
    event = DialogueEventPageFactory(registration_enabled=True, capacity=3, waiting_list=True)

    def take(number: int) -> str:
        try:
            return Registration.take(
                event, name=f"Person {number}", email=f"p{number}@example.org", consent=True
            ).status
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=8) as pool:
        statuses = list(pool.map(take, range(12)))

    assert statuses.count("confirmed") == 3
    assert statuses.count("waiting") == 9
    assert Registration.objects.filter(event=event).confirmed().count() == 3


def test_a_cancellation_link_carries_only_a_signed_token(client, event):
    register(client, event)
    (message,) = mail.outbox
    link = next(word for word in message.body.split() if "/cancel/?token=" in word)
    (token,) = parse_qs(urlparse(link).query)["token"]
    assert "thandi" not in token.lower()
    assert client.post(urlparse(link).path + "?" + urlparse(link).query).status_code == 302
    assert Registration.objects.get().status == RegistrationStatus.CANCELLED
