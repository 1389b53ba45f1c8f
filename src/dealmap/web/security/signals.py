"""Record every login attempt, whichever way it came in (login page, admin, API session)."""

from __future__ import annotations

from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver

from dealmap.web.security.throttle import client_address, login_attempt_record


@receiver(user_login_failed, dispatch_uid="dealmap.security.login_failed")
def _failed(sender, credentials, request=None, **kwargs) -> None:
    login_attempt_record(
        username=credentials.get("username", ""), address=client_address(request), succeeded=False
    )


@receiver(user_logged_in, dispatch_uid="dealmap.security.logged_in")
def _succeeded(sender, request, user, **kwargs) -> None:
    login_attempt_record(username=user.get_username(), address=client_address(request), succeeded=True)
