"""The login form: says when the account is locked instead of 'wrong password'."""

from __future__ import annotations

from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dealmap.web.security.throttle import client_address, login_locked, window

LOCKED = _("Too many failed logins. Try again in %(minutes)d minutes.")


class ThrottledAuthenticationForm(AuthenticationForm):
    """Django's login form, checking the throttle before the password.

    ``locked`` holds the message while the throttle refuses the login (the page shows it
    instead of 'wrong password').
    """

    locked = ""

    def clean(self):
        username = self.cleaned_data.get("username") or ""
        if login_locked(username=username, address=client_address(self.request)):
            # Counted as a failure too: hammering a locked name keeps it locked.
            from django.contrib.auth.signals import user_login_failed

            user_login_failed.send(sender=__name__, credentials={"username": username}, request=self.request)
            minutes = max(1, int(window().total_seconds() // 60))
            self.locked = LOCKED % {"minutes": minutes}
            raise ValidationError(LOCKED, code="locked", params={"minutes": minutes})
        return super().clean()
