"""Sign-in with an e-mail address (members) or a username (editors), one backend for both; and
who the signed-in person is as a member."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from reference_group.models import Member


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username:
            users = get_user_model()._default_manager.filter(email__iexact=username.strip())
            if users.count() == 1:
                username = users.get().get_username()
        return super().authenticate(request, username=username, password=password, **kwargs)


def signed_in_member(request) -> Member | None:
    """The signed-in person's member profile, with its user and group, or None: read once a
    request, however many parts of a page ask (the header's menu, a profile's "Assess")."""
    if not request.user.is_authenticated:
        return None
    if not hasattr(request, "_signed_in_member"):
        request._signed_in_member = (
            Member.objects.filter(user=request.user).select_related("user", "group").first()
        )
    return request._signed_in_member
