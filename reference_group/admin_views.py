"""The review of an assessment in the admin: its content, versions and attachments, and the
actions (start review, accept, return with comments, publish, unpublish), each in the audit
log; and sending an invitation when an editor creates one."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from reference_group.models import Assessment, AssessmentStatus
from reference_group.notifications import REVIEW_PERMISSION, notify_author
from reference_group.views import attachment_response

ACTIONS = {
    "start_review": ("start_review", "Review started."),
    "accept": ("accept", "Accepted."),
    "publish": ("publish", "Published on the partnership's profile."),
    "unpublish": ("unpublish", "Taken off the partnership's profile."),
}


def _reviewer(request):
    if not request.user.has_perm(f"reference_group.{REVIEW_PERMISSION}"):
        raise PermissionDenied


class ReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "reference_group/admin/review.html"
    header_icon = "tasks"

    def dispatch(self, request, *args, **kwargs):
        _reviewer(request)
        self.assessment = get_object_or_404(
            Assessment.objects.select_related("partnership", "group", "author__user"),
            pk=kwargs["pk"],
        )
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return f"Review: {self.assessment.partnership.title}"

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("reference_group_assessments:index"), "label": "Assessments"},
            {"url": "", "label": str(self.assessment)},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        assessment = self.assessment
        context.update(
            assessment=assessment,
            versions=assessment.revisions.order_by("-created_at"),
            attachments=assessment.attachments.all(),
            statuses=AssessmentStatus,
            can_review=assessment.status
            in (AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_REVIEW),
        )
        return context

    def post(self, request, *args, **kwargs):
        assessment, action = self.assessment, request.POST.get("action", "")
        try:
            if action == "return":
                assessment.return_to_author(request.user, request.POST.get("comments", ""))
                notify_author(assessment, request, accepted=False)
                messages.success(request, "Returned to the author with your comments.")
            elif action in ACTIONS:
                method, done = ACTIONS[action]
                getattr(assessment, method)(request.user)
                if action == "accept":
                    notify_author(assessment, request, accepted=True)
                messages.success(request, done)
            else:
                messages.error(request, "Unknown action.")
        except ValidationError as problem:
            messages.error(request, " ".join(problem.messages))
        return redirect("reference_group_review", pk=assessment.pk)


def review_attachment(request, pk, attachment_id):
    _reviewer(request)
    assessment = get_object_or_404(Assessment, pk=pk)
    return attachment_response(get_object_or_404(assessment.attachments, pk=attachment_id))
