"""Reference groups in the admin: groups, members, invitations (creating one sends it) and the
review queue of assessments."""

import django_filters
from django.shortcuts import redirect
from django.urls import reverse
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from reference_group.models import Assessment, Invitation, Member, ReferenceGroup
from reference_group.notifications import send_invitation


class NoAddView(generic.CreateView):
    """Members join by accepting an invitation; assessments are written by members."""

    def dispatch(self, request, *args, **kwargs):
        return redirect(self.redirect_to)


class MemberNoAddView(NoAddView):
    redirect_to = "reference_group_invitations:add"


class AssessmentNoAddView(NoAddView):
    redirect_to = "reference_group_assessments:index"


class AssessmentReviewRedirect(generic.EditView):
    """Editors review an assessment; they never edit what the member wrote."""

    def dispatch(self, request, *args, **kwargs):
        return redirect("reference_group_review", pk=kwargs["pk"])


class ReferenceGroupViewSet(ModelViewSet):
    model = ReferenceGroup
    icon = "group"
    menu_label = "Groups"
    list_display = ["name", "scope"]
    form_fields = ["name", "mandate", "scope", "provinces", "assigned_partnerships"]


class MemberViewSet(ModelViewSet):
    model = Member
    icon = "user"
    menu_label = "Members"
    list_display = ["__str__", "group", "role", "term_end"]
    list_filter = ["group", "role"]
    form_fields = [
        "group",
        "organisation",
        "role",
        "term_start",
        "term_end",
        "conflicts",
        "show_name",
    ]
    add_view_class = MemberNoAddView


class InvitationCreateView(generic.CreateView):
    def save_instance(self):
        invitation = self.form.save(commit=False)
        invitation.invited_by = self.request.user
        invitation.save()
        send_invitation(invitation, self.request)
        return invitation

    def get_success_message(self, instance):
        return f"Invitation sent to {instance.email}."


class InvitationViewSet(ModelViewSet):
    model = Invitation
    icon = "mail"
    menu_label = "Invitations"
    add_view_class = InvitationCreateView
    list_display = ["email", "group", "role", "created_at", "accepted_at"]
    list_filter = ["group"]
    form_fields = ["email", "group", "organisation", "role", "term_start", "term_end"]
    copy_view_enabled = False


class AssessmentFilterSet(WagtailFilterSet):
    partnership = django_filters.CharFilter(
        label="Partnership (title or reference)", method="filter_partnership"
    )

    class Meta:
        model = Assessment
        fields = ["status", "group", "published"]

    def filter_partnership(self, queryset, name, value):
        from django.db.models import Q

        return queryset.filter(
            Q(partnership__title__icontains=value) | Q(partnership__reference__iexact=value)
        )


class ReviewColumn(TitleColumn):
    def get_link_url(self, instance, parent_context):
        return reverse("reference_group_review", args=[instance.pk])


class AssessmentViewSet(ModelViewSet):
    model = Assessment
    icon = "tasks"
    menu_label = "Review queue"
    add_view_class = AssessmentNoAddView
    edit_view_class = AssessmentReviewRedirect
    form_fields = ["status"]  # never shown: the edit view sends editors to the review
    copy_view_enabled = False
    filterset_class = AssessmentFilterSet
    list_display = [
        ReviewColumn("partnership", label="Partnership"),
        "group",
        Column("status", accessor="get_status_display"),
        "version",
        "submitted_at",
        "published",
    ]
    list_export = [
        "partnership",
        "group",
        "status",
        "version",
        "submitted_at",
        "content_sha256",
        "overall_rating",
        "published",
    ]
    export_filename = "assessments"

    def get_queryset(self, request):
        return Assessment.objects.exclude(status="draft").select_related("partnership", "group")


class ReferenceGroupViewSetGroup(ModelViewSetGroup):
    menu_label = "Reference groups"
    menu_icon = "group"
    menu_order = 250
    items = (
        AssessmentViewSet("reference_group_assessments"),
        ReferenceGroupViewSet("reference_group_groups"),
        MemberViewSet("reference_group_members"),
        InvitationViewSet("reference_group_invitations"),
    )
