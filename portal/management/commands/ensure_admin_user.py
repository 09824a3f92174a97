"""Create the first administrator once; never touch an existing one."""

import os
import secrets

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Create a superuser (PORTAL_ADMIN_USERNAME, default 'admin') if none with that name "
        "exists. The password comes from PORTAL_ADMIN_PASSWORD or is generated and printed once."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        username = os.environ.get("PORTAL_ADMIN_USERNAME", "").strip() or "admin"
        if User.objects.filter(username=username).exists():
            self.stdout.write(f"Admin user '{username}' already exists; its password is unchanged.")
            return

        password = os.environ.get("PORTAL_ADMIN_PASSWORD", "")
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        User.objects.create_superuser(username=username, email="", password=password)

        self.stdout.write(self.style.SUCCESS(f"Created admin user '{username}'."))
        if generated:
            self.stdout.write(
                f"  Password: {password}\n"
                "  It is shown only this once. Sign in at /admin/ and change it there."
            )
        else:
            self.stdout.write("  Password: the value of PORTAL_ADMIN_PASSWORD.")
