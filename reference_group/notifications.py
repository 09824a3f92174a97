"""E-mails of the review: editors hear of a submission, authors of acceptance or return."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse

REVIEW_PERMISSION = "change_assessment"


def reviewers():
    permission = Permission.objects.filter(
        codename=REVIEW_PERMISSION, content_type__app_label="reference_group"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions__in=permission)
            | Q(groups__permissions__in=permission)
        )
        .exclude(email="")
        .distinct()
    )


def notify_editors_of_submission(assessment, request) -> None:
    link = request.build_absolute_uri(reverse("reference_group_review", args=[assessment.pk]))
    recipients = list(reviewers().values_list("email", flat=True))
    if recipients:
        send_mail(
            f"Assessment submitted for review: {assessment.partnership.title}",
            f"{assessment.group} submitted version {assessment.version} of an assessment of "
            f"{assessment.partnership.title}.\n\nReview it: {link}\n",
            None,
            recipients,
        )


def notify_author(assessment, request, accepted: bool) -> None:
    link = request.build_absolute_uri(
        reverse("reference_group:assessment_detail", args=[assessment.pk])
    )
    if accepted:
        subject = f"Your assessment was accepted: {assessment.partnership.title}"
        body = "The Secretariat accepted your assessment."
        if assessment.consent_to_publish:
            body += " As you agreed, it may be published on the partnership's profile."
    else:
        subject = f"Your assessment was returned: {assessment.partnership.title}"
        body = (
            "The Secretariat returned your assessment with these comments:\n\n"
            f"{assessment.reviewer_comments}\n\nYou can change it and submit it again."
        )
    send_mail(subject, f"{body}\n\n{link}\n", None, [assessment.author.user.email])


def send_invitation(invitation, request) -> None:
    from urllib.parse import urlencode

    from reference_group.models.groups import INVITATION_DAYS

    link = request.build_absolute_uri(
        reverse("reference_group:accept_invitation") + "?" + urlencode({"token": invitation.token})
    )
    send_mail(
        f"Invitation to join {invitation.group}",
        f"The Civilian Secretariat for Police Service invites you to join {invitation.group}, "
        "a civil-society reference group that independently assesses community-safety "
        f"partnerships.\n\nAccept and choose a password (the link works once, for "
        f"{INVITATION_DAYS} days):\n{link}\n",
        None,
        [invitation.email],
    )
