"""Reads for users."""

from __future__ import annotations

from dealmap.web.users.models import Role, User


def user_default_owner() -> User | None:
    """The user a command-line import belongs to when none is named.

    The only active user if there is exactly one, else the only active rep if there is exactly
    one; otherwise None (the caller must ask for an explicit owner).
    """
    for users in (User.objects.filter(is_active=True), User.objects.filter(is_active=True, role=Role.REP)):
        found = list(users[:2])
        if len(found) == 1:
            return found[0]
    return None
