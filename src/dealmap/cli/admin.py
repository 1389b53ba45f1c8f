"""Setting a team up from the shell: `dealmap user add` and `dealmap token`."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from dealmap.cli.db import _fail, ensure_database
from dealmap.method.codes import Text

user_app = typer.Typer(help="Manage users.", no_args_is_help=True)

ROLES = ("rep", "manager", "admin")


@user_app.command("add")
def user_add(
    name: Annotated[str, typer.Argument(help="Username.")],
    role: Annotated[str, typer.Option("--role", help="rep, manager or admin.")] = "rep",
    team: Annotated[str | None, typer.Option("--team", help="Team name (created if missing).")] = None,
    password_stdin: Annotated[
        bool, typer.Option("--password-stdin", help="Read the password from the first line of stdin.")
    ] = False,
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: zh or en.")] = "zh",
) -> None:
    """Add a user with a role (and a team); asks for the password unless --password-stdin."""
    if role not in ROLES:
        _fail(Text(f"角色必须是 {', '.join(ROLES)} 之一", f"role must be one of {', '.join(ROLES)}"), lang)
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else getpass.getpass("Password / 密码: ")
    if len(password) < 8:
        _fail(Text("密码至少 8 个字符", "the password needs at least 8 characters"), lang)
    ensure_database()
    from django.core.exceptions import ValidationError

    from dealmap.web.users.models import User
    from dealmap.web.users.services import team_ensure, user_create

    if User.objects.filter(username=name).exists():
        _fail(Text(f"用户 '{name}' 已存在", f"user '{name}' exists already"), lang)
    try:
        user = user_create(
            username=name, password=password, role=role, team=team_ensure(name=team) if team else None
        )
    except ValidationError as exc:
        _fail(Text(f"无法创建用户:{exc.messages}", f"cannot create the user: {exc.messages}"), lang)
    typer.echo(f"{user.username} ({role}{', ' + team if team else ''})")


def token(
    name: Annotated[str, typer.Argument(help="Username the token acts as.")],
    lang: Annotated[str, typer.Option("--lang", help="Language of messages: zh or en.")] = "zh",
) -> None:
    """Print a new API token for a user (shown once; send it as `Authorization: Bearer TOKEN`)."""
    ensure_database()
    from dealmap.web.security.tokens import token_create
    from dealmap.web.users.models import User

    user = User.objects.filter(username=name, is_active=True).first()
    if user is None:
        _fail(Text(f"没有用户 '{name}'", f"no user '{name}'"), lang)
    _, raw = token_create(user=user)
    typer.echo(raw)


def register(app: typer.Typer) -> None:
    """Add `user add` and `token` to the `dealmap` app."""
    app.add_typer(user_app, name="user")
    app.command("token")(token)
