"""The national dialogue in the admin: speakers, commitments (with overdue flagged) and
registrations (personal data: only users given the registration permissions see them)."""

import django_filters
from django.utils import timezone
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from dialogue.models import Commitment, Registration, Speaker
from portal.autosave import PortalSnippetViewSet
from portal.inspect_views import RecordInspectView


class CommitmentFilterSet(WagtailFilterSet):
    overdue = django_filters.BooleanFilter(label="Overdue", method="filter_overdue")

    class Meta:
        model = Commitment
        fields = ["status", "made_by_organisation", "event", "live"]

    def filter_overdue(self, queryset, name, value):
        overdue = queryset.overdue(timezone.localdate())
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))


class CommitmentViewSet(PortalSnippetViewSet):
    model = Commitment
    icon = "tasks"
    menu_label = "Commitments"
    list_display = ["promise", "made_by", "due_date", "status", "live"]
    filterset_class = CommitmentFilterSet
    list_export = ["promise", "made_by", "made_at", "made_on", "due_date", "status"]
    export_filename = "commitments"
    search_fields = ["promise", "details", "made_by_office"]


class SpeakerViewSet(PortalSnippetViewSet):
    model = Speaker
    icon = "user"
    menu_label = "Speakers"
    list_display = ["name", "role", "affiliation"]


class RegistrationFilterSet(WagtailFilterSet):
    class Meta:
        model = Registration
        fields = ["event", "status", "sector"]


# What a registrant told us, in the order the export and the admin's record show it.
REGISTRANT = ["event", "name", "organisation", "sector", "email", "needs"]


class RegistrationViewSet(ModelViewSet):
    model = Registration
    icon = "group"
    menu_label = "Registrations"
    add_to_admin_menu = False
    list_display = ["name", "organisation", "email", "event", "status", "created_at"]
    filterset_class = RegistrationFilterSet
    list_export = [*REGISTRANT, "status", "created_at"]
    export_filename = "registrations"
    form_fields = ["name", "organisation", "sector", "email", "needs", "status"]
    search_fields = ["name", "organisation", "email"]
    inspect_view_enabled = True
    inspect_view_class = RecordInspectView
    inspect_view_fields = [*REGISTRANT, "consent", "status", "created_at", "cancelled_at"]


class DialogueViewSetGroup(SnippetViewSetGroup):
    menu_label = "National dialogue"
    submenu_hook = "register_national_dialogue_menu_item"
    menu_icon = "group"
    menu_order = 240
    items = (CommitmentViewSet, SpeakerViewSet)
