"""Load the demo site: every installed app's ``demo_content.load`` in INSTALLED_APPS order."""

from importlib import import_module

from django.apps import apps
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.module_loading import module_has_submodule


class Command(BaseCommand):
    help = (
        "Load demo content (idempotent: only what is missing is created; nothing is changed "
        "or duplicated)."
    )

    def handle(self, *args, **options):
        def log(message: str) -> None:
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {message}")

        with transaction.atomic():
            for app_config in apps.get_app_configs():
                if not module_has_submodule(app_config.module, "demo_content"):
                    continue
                module = import_module(f"{app_config.name}.demo_content")
                module.load(log)
        if options["verbosity"] >= 1:
            self.stdout.write(self.style.SUCCESS("Demo content is loaded."))
