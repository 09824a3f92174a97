"""Per-site settings editors change in the admin: the footer's contact details and notices."""

from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


@register_setting(icon="mail")
class FooterSettings(BaseSiteSetting):
    organisation_name = models.CharField(
        max_length=200, default="Civilian Secretariat for Police Service"
    )
    contact_email = models.EmailField(blank=True)
    contact_phone = models.CharField(max_length=40, blank=True)
    postal_address = models.TextField(blank=True)
    privacy_notice_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The POPIA notice: what personal information the portal keeps and why.",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        FieldPanel("contact_phone"),
        FieldPanel("postal_address"),
        FieldPanel("privacy_notice_page"),
    ]

    class Meta:
        verbose_name = "Footer and contact details"
