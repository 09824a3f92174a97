from django.apps import AppConfig
from django.db.models.signals import post_migrate


class KnowledgeConfig(AppConfig):
    name = "knowledge"
    verbose_name = "Knowledge management"

    def ready(self):
        from knowledge.groups import ensure_register_groups
        from knowledge.models import Partnership, PublicationPage, ResearchPriorityPage
        from search import registry

        registry.register("partnership", Partnership, label="Partnership")
        registry.register("publication", PublicationPage, label="Publication")
        registry.register("research-priority", ResearchPriorityPage, label="Research priority")

        post_migrate.connect(
            ensure_register_groups, sender=self, dispatch_uid="knowledge_register_groups"
        )
