"""Keeping the stored "likely duplicate" flag true as the register changes."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from knowledge.models import Partnership, PartnershipParty


def _refresh(partnership_ids, organisation_ids=()):
    """In the same transaction as the change, so the flag is never seen out of date."""
    from knowledge.flags import refresh_likely_duplicates

    refresh_likely_duplicates(list(partnership_ids), list(organisation_ids))


@receiver(post_save, sender=Partnership, dispatch_uid="likely_duplicate_partnership")
def partnership_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        _refresh([instance.pk])


@receiver(post_save, sender=PartnershipParty, dispatch_uid="likely_duplicate_party_saved")
@receiver(post_delete, sender=PartnershipParty, dispatch_uid="likely_duplicate_party_deleted")
def party_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        # the organisation too: a partner that shared it may no longer be a duplicate
        _refresh([instance.partnership_id], [instance.organisation_id])
