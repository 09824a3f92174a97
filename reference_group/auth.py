"""Sign-in with an e-mail address (members) or a username (editors), one backend for both."""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend


class EmailOrUsernameBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username and "@" in username:
            users = get_user_model()._default_manager.filter(email__iexact=username.strip())
            if users.count() == 1:
                username = users.get().get_username()
        return super().authenticate(request, username=username, password=password, **kwargs)
