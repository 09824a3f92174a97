from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge management"

    def ready(self):
        from knowledge import profile_updates, signals  # noqa: F401 (connects the receivers)
        from knowledge.groups import ensure_register_groups

        profile_updates.connect()
        post_migrate.connect(
            ensure_register_groups, sender=self, dispatch_uid="knowledge_register_groups"
        )
