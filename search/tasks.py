"""Background work of the search app, through the django-tasks API."""

from django.conf import settings
from django_tasks import task

DATABASE_QUEUE = "django_tasks_db.DatabaseBackend"


@task()
def drain_outbox() -> int:
    from search.delivery import drain

    return drain()


def queue_drain() -> None:
    """Queue a drain, unless one already waits in the database queue: every drain delivers
    every waiting row, so a burst of commits (publishing a subtree page by page) needs one."""
    if _drain_waiting():
        return
    drain_outbox.enqueue()


def _drain_waiting() -> bool:
    if settings.TASKS.get(drain_outbox.backend, {}).get("BACKEND") != DATABASE_QUEUE:
        return False
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.ready().filter(task_path=drain_outbox.module_path).exists()
