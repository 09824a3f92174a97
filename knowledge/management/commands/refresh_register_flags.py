"""Recompute the register's stored flags for every partnership (run nightly)."""

from django.core.management.base import BaseCommand

from knowledge.flags import refresh_likely_duplicates


class Command(BaseCommand):
    help = "Recompute the stored 'likely duplicate' flag of every partnership (run nightly)."

    def handle(self, *args, **options):
        changed = refresh_likely_duplicates()
        self.stdout.write(f"Likely duplicates refreshed: {changed} partnership(s) changed.")
