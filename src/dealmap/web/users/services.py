"""Writes for users and teams."""

from __future__ import annotations

from django.db import transaction

from dealmap.web.users.models import Role, Team, User


def team_ensure(*, name: str) -> Team:
    """The team called ``name``, created if missing."""
    team, _ = Team.objects.get_or_create(name=name)
    return team


@transaction.atomic
def user_create(
    *,
    username: str,
    password: str,
    role: str = Role.REP,
    team: Team | None = None,
    first_name: str = "",
    email: str = "",
) -> User:
    """A new active user with a hashed password. Administrators may use the Django admin too."""
    is_admin = role == Role.ADMIN
    user = User(
        username=username,
        role=role,
        team=team,
        first_name=first_name,
        email=email,
        is_staff=is_admin,
        is_superuser=is_admin,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user
