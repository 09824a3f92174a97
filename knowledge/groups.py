"""The two register groups, created after migrations with their starting permissions.

"Register editors" change the register and open signed scans; "Register viewers" read
everything but change nothing and cannot open scans. Permissions are set only when a group is
first created, so an administrator's later changes to a group are never undone.
"""

from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission

REGISTER_EDITORS = "Register editors"
REGISTER_VIEWERS = "Register viewers"
REGISTER_MODELS = ["organisation", "partnership", "agreement", "annualreview", "kpimeasurement"]


def _permissions(codenames: list[str]) -> list[Permission]:
    knowledge = Permission.objects.filter(
        content_type__app_label="knowledge", codename__in=codenames
    )
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    return [*knowledge, *admin_access]


def ensure_register_groups(app_config, using="default", **kwargs) -> None:
    # Django creates an app's permissions in its own post_migrate receiver, which may run
    # after this one; creating them here first (idempotent) makes the order irrelevant.
    create_permissions(app_config, verbosity=0, using=using)
    editors, created = Group.objects.get_or_create(name=REGISTER_EDITORS)
    if created:
        editors.permissions.set(
            _permissions(
                [
                    f"{action}_{model}"
                    for model in REGISTER_MODELS
                    for action in ("add", "change", "delete", "view")
                ]
                + ["view_agreement_scan"]
            )
        )
    viewers, created = Group.objects.get_or_create(name=REGISTER_VIEWERS)
    if created:
        viewers.permissions.set(_permissions([f"view_{model}" for model in REGISTER_MODELS]))
