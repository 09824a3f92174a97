"""The members' area on the public site: accepting an invitation, and a member's own
assessments (write, attach, submit, read again). A member reaches only their own: anyone
else's assessment answers 404, as if it did not exist."""

from functools import reduce, wraps
from operator import and_

from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from knowledge.public_filters import MOST_WORDS, mentions
from reference_group.auth import signed_in_member
from reference_group.forms import (
    AcceptInvitationForm,
    AssessmentForm,
    AttachmentForm,
    new_member_user,
)
from reference_group.models import Assessment, AssessmentAttachment, Invitation, Member
from reference_group.notifications import notify_editors_of_submission

ATTACHMENTS = "attachments"  # the place on the assessment's page where their messages show


def _to_attachments(assessment):
    """Back to the assessment's page, at its attachments, where the message about them is."""
    response = redirect("reference_group:assessment_edit", pk=assessment.pk)
    response["Location"] += "#attachments-heading"
    return response


def member_required(view):
    """Signed in, with a member profile; editors without one are told they are not members."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        member = signed_in_member(request)
        if member is None:
            return render(request, "reference_group/not_a_member.html", status=403)
        return view(request, member, *args, **kwargs)

    return wrapped


def _own(member, pk) -> Assessment:
    return get_object_or_404(
        Assessment.objects.select_related("partnership", "group"), pk=pk, author=member
    )


def accept_invitation(request):
    token = request.GET.get("token", "")
    try:
        invitation = Invitation.from_token(token)
    except signing.SignatureExpired:
        return _invitation_problem(
            request, "This invitation has expired. Ask the Secretariat to invite you again."
        )
    except (signing.BadSignature, Invitation.DoesNotExist):
        return _invitation_problem(request, "This invitation link is not valid.")
    if invitation.accepted_at is not None:
        return _invitation_problem(request, "This invitation was already used. Sign in instead.")
    existing = get_user_model().objects.filter(email__iexact=invitation.email).first()
    if existing is not None and request.user != existing:
        return _invitation_problem(
            request,
            "An account with this e-mail address exists. Sign in with it, then open the "
            "invitation link again.",
        )
    user = existing or new_member_user(invitation.email)
    form = AcceptInvitationForm(
        user,
        request.POST or None,
        initial={"first_name": user.first_name, "last_name": user.last_name},
    )
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if locked.accepted_at is not None:
                return _invitation_problem(request, "This invitation was already used.")
            user = form.save()
            Member.objects.update_or_create(
                user=user,
                defaults={
                    "group": invitation.group,
                    "organisation": invitation.organisation,
                    "role": invitation.role,
                    "term_start": invitation.term_start,
                    "term_end": invitation.term_end,
                    "show_name": form.cleaned_data["show_name"],
                },
            )
            locked.accepted_at = timezone.now()
            locked.save(update_fields=["accepted_at"])
        login(request, user, backend="reference_group.auth.EmailOrUsernameBackend")
        messages.success(request, f"Welcome to {invitation.group}.")
        return redirect("reference_group:dashboard")
    return render(
        request, "reference_group/accept_invitation.html", {"form": form, "invitation": invitation}
    )


def _invitation_problem(request, problem: str):
    return render(
        request, "reference_group/invitation_problem.html", {"problem": problem}, status=400
    )


@member_required
def dashboard(request, member):
    assessments = member.assessments.select_related("partnership").order_by("-updated_at")
    assigned = member.group.assigned_partnerships.exclude(pk__in=member.conflicts.values("pk"))
    return render(
        request,
        "reference_group/dashboard.html",
        {
            "member": member,
            "assessments": assessments,
            "assigned": assigned.only("reference", "title").order_by("title"),
        },
    )


SUGGESTED = 8


@require_GET
@never_cache
@member_required
def assessable_partnerships(request, member):
    """What the assessment form's partnership box suggests as words are typed: partnerships
    this member may assess whose reference, name, place or partner the words name (every
    word), by name, at most eight, each as its reference and name. Only for the member."""
    words = request.GET.get("q", "")[:200].split()[:MOST_WORDS]  # as the register's box
    found = []
    if len("".join(words)) >= 2:
        named = member.assessable_partnerships().filter(reduce(and_, map(mentions, words)))
        found = named.only("reference", "title")[:SUGGESTED]
    return JsonResponse({"suggestions": [{"title": str(p), "value": p.reference} for p in found]})


@member_required
def assessment_new(request, member):
    # "Assess this partnership" links name it: /members/assessments/new/?partnership=CSPS-...
    named = {"partnership": request.GET.get("partnership", "")[:40]}
    form = AssessmentForm(request.POST or None, member=member, initial=named)
    if request.method == "POST" and form.is_valid():
        assessment = form.save(commit=False)
        assessment.author, assessment.group = member, member.group
        assessment.save()
        messages.success(request, "Draft saved. Only you can see it until you submit it.")
        return redirect("reference_group:assessment_edit", pk=assessment.pk)
    return render(request, "reference_group/assessment_form.html", {"form": form, "member": member})


@member_required
def assessment_edit(request, member, pk):
    assessment = _own(member, pk)
    if not assessment.editable:
        messages.info(request, "It is with the Secretariat, so it cannot be changed now.")
        return redirect("reference_group:assessment_detail", pk=assessment.pk)
    form = AssessmentForm(request.POST or None, instance=assessment, member=member)
    if request.method == "POST" and form.is_valid():
        assessment = form.save()
        if "submit" in request.POST:
            try:
                assessment.submit(request.user)
            except ValidationError as problem:
                form.add_error(None, problem)
            else:
                notify_editors_of_submission(assessment, request)
                messages.success(request, "Submitted. The Secretariat will review it.")
                return redirect("reference_group:assessment_detail", pk=assessment.pk)
        else:
            messages.success(request, "Draft saved.")
            return redirect("reference_group:assessment_edit", pk=assessment.pk)
    return render(
        request,
        "reference_group/assessment_form.html",
        {
            "form": form,
            "member": member,
            "assessment": assessment,
            "attachment_form": AttachmentForm(),
        },
    )


@member_required
def assessment_detail(request, member, pk):
    assessment = _own(member, pk)
    return render(
        request,
        "reference_group/assessment_detail.html",
        {
            "assessment": assessment,
            "versions": assessment.revisions.order_by("-created_at"),
            "member": member,
        },
    )


@member_required
def assessment_version(request, member, pk, revision_id):
    assessment = _own(member, pk)
    revision = get_object_or_404(assessment.revisions, pk=revision_id)
    return render(
        request,
        "reference_group/assessment_detail.html",
        {"assessment": revision.as_object(), "version_of": assessment, "member": member},
    )


@member_required
@require_POST
def attachment_add(request, member, pk):
    assessment = _own(member, pk)
    if not assessment.editable:
        raise Http404
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            AssessmentAttachment.store(assessment, form.cleaned_data["file"])
        except ValidationError as problem:
            messages.error(request, " ".join(problem.messages), extra_tags=ATTACHMENTS)
        else:
            messages.success(request, "File attached.", extra_tags=ATTACHMENTS)
    else:
        messages.error(request, "Choose a file to attach.", extra_tags=ATTACHMENTS)
    return _to_attachments(assessment)


@member_required
@require_POST
def attachment_delete(request, member, pk, attachment_id):
    assessment = _own(member, pk)
    if not assessment.editable:
        raise Http404
    attachment = get_object_or_404(assessment.attachments, pk=attachment_id)
    attachment.file.delete(save=False)
    attachment.delete()
    messages.success(request, "File removed.", extra_tags=ATTACHMENTS)
    return _to_attachments(assessment)


@member_required
def attachment_download(request, member, pk, attachment_id):
    attachment = get_object_or_404(_own(member, pk).attachments, pk=attachment_id)
    return attachment_response(attachment)


def attachment_response(attachment) -> FileResponse:
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
