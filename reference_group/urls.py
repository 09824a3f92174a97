"""The members' area: /members/..."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from reference_group import views
from reference_group.forms import SignInForm

app_name = "reference_group"

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="reference_group/sign_in.html",
            authentication_form=SignInForm,
            redirect_authenticated_user=True,
            next_page=reverse_lazy("reference_group:dashboard"),
        ),
        name="sign_in",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(next_page="/"), name="sign_out"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="reference_group/password_reset.html",
            email_template_name="reference_group/emails/password_reset.txt",
            subject_template_name="reference_group/emails/password_reset_subject.txt",
            success_url=reverse_lazy("reference_group:password_reset_done"),
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="reference_group/password_reset_done.html"
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="reference_group/password_reset_confirm.html",
            success_url=reverse_lazy("reference_group:sign_in"),
        ),
        name="password_reset_confirm",
    ),
    path("invitation/", views.accept_invitation, name="accept_invitation"),
    path("", views.dashboard, name="dashboard"),
    path("assessments/new/", views.assessment_new, name="assessment_new"),
    path(
        "assessments/partnerships/",
        views.assessable_partnerships,
        name="assessable_partnerships",
    ),
    path("assessments/<int:pk>/", views.assessment_detail, name="assessment_detail"),
    path("assessments/<int:pk>/edit/", views.assessment_edit, name="assessment_edit"),
    path(
        "assessments/<int:pk>/versions/<int:revision_id>/",
        views.assessment_version,
        name="assessment_version",
    ),
    path("assessments/<int:pk>/attachments/", views.attachment_add, name="attachment_add"),
    path(
        "assessments/<int:pk>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment_download",
    ),
    path(
        "assessments/<int:pk>/attachments/<int:attachment_id>/delete/",
        views.attachment_delete,
        name="attachment_delete",
    ),
]
