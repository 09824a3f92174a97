from collections import Counter

import pytest
from django.core.management import call_command

from best_practice.models import EvidenceItem, MasterClassPage, PracticePage
from knowledge.models.choices import Visibility
from portal.taxonomy import StrategyCategory

pytestmark = pytest.mark.django_db


def test_demo_practices_cover_every_strategy_and_cite_public_evidence():
    call_command("load_demo_content", verbosity=0)
    call_command("load_demo_content", verbosity=0)

    practices = PracticePage.objects.live()
    per_category = Counter(practices.values_list("strategy_category", flat=True))
    assert all(per_category[category] >= 2 for category in StrategyCategory.values)
    assert practices.count() == 10

    items = EvidenceItem.objects.select_related("partnership")
    assert items.filter(partnership__isnull=False).count() >= 8
    assert (
        not items.exclude(partnership=None)
        .exclude(partnership__visibility=Visibility.PUBLIC)
        .exists()
    )
    for practice in practices.exclude(evidence_rating=""):
        assert practice.evidence_items.exists(), practice.title

    master_class = MasterClassPage.objects.get()
    assert len(master_class.modules) == 3
    assert master_class.practices.count() == 3
