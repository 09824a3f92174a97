"""Background work of the search app, through the django-tasks API."""

from django_tasks import task


@task()
def drain_outbox() -> int:
    from search.delivery import drain

    return drain()
