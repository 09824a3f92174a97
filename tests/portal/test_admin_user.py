"""`ensure_admin_user` creates the first administrator once and never changes it afterwards."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def run() -> str:
    out = StringIO()
    call_command("ensure_admin_user", stdout=out)
    return out.getvalue()


def test_generated_password_is_printed_once_and_works(monkeypatch):
    monkeypatch.delenv("PORTAL_ADMIN_PASSWORD", raising=False)
    output = run()

    password = output.split("Password: ")[1].split()[0]
    admin = get_user_model().objects.get(username="admin")
    assert admin.is_superuser
    assert admin.check_password(password)

    second = run()
    assert "already exists" in second
    assert password not in second
    admin.refresh_from_db()
    assert admin.check_password(password)


def test_password_from_the_environment_is_used_and_not_echoed(monkeypatch):
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "correct-horse-battery-staple")
    output = run()

    assert "correct-horse-battery-staple" not in output
    assert (
        get_user_model()
        .objects.get(username="admin")
        .check_password("correct-horse-battery-staple")
    )


def test_an_existing_admin_keeps_its_password(monkeypatch):
    get_user_model().objects.create_superuser("admin", "", "the-editors-own-password")
    monkeypatch.setenv("PORTAL_ADMIN_PASSWORD", "something-else-entirely")

    run()

    assert get_user_model().objects.get(username="admin").check_password("the-editors-own-password")
