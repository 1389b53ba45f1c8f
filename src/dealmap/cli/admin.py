"""Setting a team up from the shell: `dealmap user add` and `dealmap token`."""

from __future__ import annotations

import getpass
import sys
from typing import Annotated

import typer

from dealmap.cli.db import DEFAULT_LANG, LANG_OPTION, MESSAGES_LANG, _fail, ensure_database, inactive
from dealmap.cli.helptext import add_command
from dealmap.method.codes import Text

ROLES = ("rep", "manager", "admin")

HELP = {
    "user": Text("管理用户。", "Manage users."),
    "add": Text(
        "添加用户并指定角色（和团队）。\n\n不加 --password-stdin 时，会提示输入密码。",
        "Add a user with a role (and a team); asks for the password unless --password-stdin.",
    ),
    "add.name": Text("用户名。", "Username."),
    "add.role": Text(
        "角色：rep（销售代表）、manager（销售经理）或 admin（管理员）。", "rep, manager or admin."
    ),
    "add.team": Text("所属团队（没有就新建）。", "Team name (created if missing)."),
    "add.password_stdin": Text(
        "从标准输入的第一行读取密码。", "Read the password from the first line of stdin."
    ),
    "add.lang": MESSAGES_LANG,
    "token": Text(
        "为用户生成新的 API 令牌（只显示这一次）。\n\n调用 API 时把它放在请求头 `Authorization: Bearer TOKEN` 里。",
        "Print a new API token for a user (shown once; send it as `Authorization: Bearer TOKEN`).",
    ),
    "token.name": Text("令牌代表哪个用户（用户名）。", "Username the token acts as."),
    "token.lang": MESSAGES_LANG,
}


def user_add(
    name: Annotated[str, typer.Argument(metavar="USERNAME")],
    role: Annotated[str, typer.Option("--role")] = "rep",
    team: Annotated[str | None, typer.Option("--team")] = None,
    password_stdin: Annotated[bool, typer.Option("--password-stdin")] = False,
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Add a user with a role (and a team); asks for the password unless --password-stdin."""
    if role not in ROLES:
        _fail(Text(f"角色必须是 {', '.join(ROLES)} 之一", f"role must be one of {', '.join(ROLES)}"), lang)
    if not password_stdin and not _terminal():
        _fail(
            Text(
                "这里没有终端可以输入密码：请加 --password-stdin，从标准输入读一行作为密码",
                "there is no terminal to type the password at: add --password-stdin to read it from standard input",
            ),
            lang,
        )
    password = sys.stdin.readline().rstrip("\r\n") if password_stdin else getpass.getpass("Password / 密码：")
    if len(password) < 8:
        _fail(Text("密码至少 8 个字符", "the password needs at least 8 characters"), lang)
    ensure_database()
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.db import transaction
    from django.utils import translation

    from dealmap.web.users.models import Team, User
    from dealmap.web.users.services import team_ensure, user_create

    if User.objects.filter(username=name).exists():
        _fail(Text(f"用户 '{name}' 已存在", f"user '{name}' exists already"), lang)
    limit = Team._meta.get_field("name").max_length
    if team is not None and not 0 < len(team.strip()) <= limit:
        _fail(Text(f"团队名称须为 1 到 {limit} 个字符", f"the team name needs 1 to {limit} characters"), lang)
    with translation.override("zh-hans" if lang == "zh" else "en"):
        try:
            validate_password(password, user=User(username=name))
            with transaction.atomic():  # a user that cannot be created leaves no new team behind
                user = user_create(
                    username=name, password=password, role=role, team=team_ensure(name=team) if team else None
                )
        except ValidationError as exc:
            reasons = " ".join(str(m) for m in exc.messages)
            _fail(Text(f"无法创建用户：{reasons}", f"cannot create the user: {reasons}"), lang)
    typer.echo(f"{user.username} ({role}{', ' + team if team else ''})")


def token(
    name: Annotated[str, typer.Argument(metavar="USERNAME")],
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Print a new API token for a user (shown once; send it as `Authorization: Bearer TOKEN`)."""
    ensure_database()
    from dealmap.web.security.tokens import token_create
    from dealmap.web.users.models import User

    user = User.objects.filter(username=name).first()
    if user is None:
        _fail(Text(f"没有用户 '{name}'", f"no user '{name}'"), lang)
    if not user.is_active:
        _fail(inactive(name), lang)
    _, raw = token_create(user=user)
    typer.echo(raw)


def register(app: typer.Typer, lang: str) -> None:
    """Add `user add` and `token` to the `dealmap` app, their help in `lang`."""
    user_app = typer.Typer(help=HELP["user"].get(lang), no_args_is_help=True)
    add_command(user_app, "add", user_add, HELP, lang)
    app.add_typer(user_app, name="user")
    add_command(app, "token", token, HELP, lang)


def _terminal() -> bool:
    """Whether getpass can ask: it reads the controlling terminal (/dev/tty), not standard input,
    so `cmd | dealmap user add eve` typed at a terminal still asks."""
    try:
        with open("/dev/tty"):
            return True
    except OSError:
        return bool(sys.stdin is not None and sys.stdin.isatty())
