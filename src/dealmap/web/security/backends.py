"""The authentication backend: Django's, refusing any login while the throttle holds."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import PermissionDenied

from dealmap.web.security.throttle import client_address, login_locked


class ThrottledModelBackend(ModelBackend):
    """Like ModelBackend, but a locked username or address is refused even with the right password.

    Raising PermissionDenied stops Django trying other backends and fires ``user_login_failed``,
    so an attempt during a lockout counts as a failure too.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self.user_model_field(), "")
        if login_locked(username=username or "", address=client_address(request)):
            raise PermissionDenied("login locked")
        return super().authenticate(request, username=username, password=password, **kwargs)

    @staticmethod
    def user_model_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD
