"""Members' accounts: invitations (signed, single use, expiring), sign-in by e-mail, throttled
failures, password reset, sign-out, no admin access, and editors who are not members."""

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from reference_group.models import Invitation, Member
from tests.reference_group.factories import (
    PASSWORD,
    InvitationFactory,
    MemberFactory,
    ReferenceGroupFactory,
)

pytestmark = pytest.mark.django_db
NEW_PASSWORD = "another quite long passphrase 77"


def accept_form(**overrides) -> dict:
    return {
        "first_name": "Sipho",
        "last_name": "Dlamini",
        "new_password1": NEW_PASSWORD,
        "new_password2": NEW_PASSWORD,
        **overrides,
    }


def invitation_link(client, group) -> str:
    """An editor invites through the admin; the link comes by e-mail."""
    editor = get_user_model().objects.create_superuser("editor", "editor@example.org", "x")
    client.force_login(editor)
    response = client.post(
        "/admin/reference_group_invitations/new/",
        {
            "email": "sipho@example.org",
            "group": group.pk,
            "organisation": "Sonke",
            "role": "member",
            "term_start": "2026-01-01",
            "term_end": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.logout()
    (message,) = [m for m in mail.outbox if m.to == ["sipho@example.org"]]
    return re.search(r"http://testserver(/members/invitation/\?token=\S+)", message.body).group(1)


def test_an_invited_person_sets_a_password_and_becomes_a_member(client):
    group = ReferenceGroupFactory(name="Gauteng reference group")
    link = invitation_link(client, group)

    response = client.post(link, accept_form())

    assert response.status_code == 302 and response["Location"] == "/members/"
    member = Member.objects.get(user__email="sipho@example.org")
    assert (member.group, member.organisation) == (group, "Sonke")
    assert not member.user.is_staff
    assert "My assessments" in client.get("/members/").content.decode()
    assert client.get("/admin/").status_code == 302  # no admin access for a member
    # the link works once
    client.logout()
    again = client.get(link)
    assert again.status_code == 400 and "already used" in again.content.decode()


def test_a_weak_password_is_refused_and_the_names_stay(client):
    link = invitation_link(client, ReferenceGroupFactory())
    response = client.post(link, accept_form(new_password1="password", new_password2="password"))
    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert 'value="Sipho"' in response.content.decode()
    assert not Member.objects.exists()


def test_expired_and_forged_invitations_are_refused(client, monkeypatch):
    invitation = InvitationFactory()
    token = invitation.token
    assert client.get(f"/members/invitation/?token={token[:-3]}abc").status_code == 400
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=15)
    import django.core.signing

    monkeypatch.setattr(django.core.signing.time, "time", lambda: later.timestamp())
    response = client.get(f"/members/invitation/?token={token}")
    assert response.status_code == 400 and "expired" in response.content.decode()
    assert Invitation.objects.get().accepted_at is None


def test_members_sign_in_with_their_e_mail_and_sign_out(client):
    member = MemberFactory()
    response = client.post(
        "/members/sign-in/", {"username": member.user.email.upper(), "password": PASSWORD}
    )
    assert response.status_code == 302 and response["Location"] == "/members/"
    assert client.session.get_expiry_age() <= 8 * 60 * 60
    client.post("/members/sign-out/")
    assert client.get("/members/").status_code == 302


def test_thirty_wrong_passwords_lock_the_account_and_the_address():
    member = MemberFactory()
    attacker = Client(REMOTE_ADDR="203.0.113.9")
    for _ in range(30):
        attacker.post("/members/sign-in/", {"username": member.user.email, "password": "wrong"})
    # the right password no longer opens the account, from anywhere, for a while
    locked = attacker.post(
        "/members/sign-in/", {"username": member.user.email, "password": PASSWORD}
    )
    assert locked.status_code == 429
    elsewhere = Client(REMOTE_ADDR="198.51.100.7")
    response = elsewhere.post(
        "/members/sign-in/", {"username": member.user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    # and that address cannot try another account either
    other = MemberFactory()
    response = attacker.post(
        "/members/sign-in/", {"username": other.user.email, "password": PASSWORD}
    )
    assert response.status_code == 429
    # nor the admin's sign-in
    response = attacker.post(
        "/admin/login/", {"username": other.user.username, "password": PASSWORD}
    )
    assert response.status_code == 429


def test_a_forgotten_password_is_reset_by_e_mail(client):
    member = MemberFactory()
    client.post("/members/password-reset/", {"email": member.user.email})
    (message,) = mail.outbox
    link = re.search(r"http://testserver(/members/password-reset/\S+/)", message.body).group(1)
    form = client.get(link, follow=True)
    set_password_url = form.redirect_chain[-1][0] if form.redirect_chain else link
    response = client.post(
        set_password_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert response.status_code == 302
    assert (
        client.post(
            "/members/sign-in/", {"username": member.user.email, "password": NEW_PASSWORD}
        ).status_code
        == 302
    )


def test_an_editor_is_not_a_member_unless_invited(client):
    editor = get_user_model().objects.create_user("editor", "ed@example.org", is_staff=True)
    client.force_login(editor)
    response = client.get("/members/")
    assert response.status_code == 403 and "not a member" in response.content.decode()


def test_posts_without_a_csrf_token_are_refused():
    member = MemberFactory()
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/members/sign-in/", {"username": member.user.email, "password": PASSWORD}
    )
    assert response.status_code == 403
    strict.force_login(member.user)
    assert strict.post("/members/assessments/new/", {}).status_code == 403
