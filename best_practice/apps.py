from django.apps import AppConfig


class BestPracticeConfig(AppConfig):
    name = "best_practice"
    verbose_name = "Best practice"

    def ready(self):
        from best_practice.models import MasterClassPage, PracticePage
        from best_practice.models.choices import EvidenceRating
        from search import facets, registry

        registry.register("practice", PracticePage, label="Best practice")
        registry.register("master-class", MasterClassPage, label="Master class")
        facets.register_labels("rating", EvidenceRating.choices)
