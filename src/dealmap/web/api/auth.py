"""Who is calling: a logged-in browser session (with its CSRF token) or a script's Bearer token."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from ninja.security import APIKeyCookie, HttpBearer

from dealmap.web.security.tokens import token_user


class BearerToken(HttpBearer):
    """``Authorization: Bearer TOKEN`` with a token made by ``dealmap token NAME``."""

    def authenticate(self, request: HttpRequest, token: str):
        user = token_user(token)
        if user is not None:
            request.user = user
        return user


class Session(APIKeyCookie):
    """The browser's Django session. Unsafe methods need the CSRF token, as on every page.

    An anonymous request is answered 401 before any CSRF check, so 'not logged in' is never
    reported as 'bad CSRF token'.
    """

    param_name = settings.SESSION_COOKIE_NAME

    def _get_key(self, request: HttpRequest):
        if not request.user.is_authenticated:
            return None
        return super()._get_key(request)

    def authenticate(self, request: HttpRequest, key):
        return request.user if request.user.is_authenticated and request.user.is_active else None
