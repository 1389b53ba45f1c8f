"""Database commands: serve the web app, load the demo, import and export deal files.

Every command that touches the database takes it from ``DATABASE_URL`` (default: the project's
SQLite file) and applies pending migrations first, so a new user never meets a schema error.
"""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Annotated

import typer

from dealmap.cli.helptext import add_command
from dealmap.cli.langs import output_lang
from dealmap.method.codes import Text


def check_lang(value: str) -> str:
    """--lang is zh or en; anything else is a usage error (exit status 2) before the command runs."""
    if value not in ("zh", "en"):
        raise typer.BadParameter(f"must be zh or en, not {value!r}")
    from dealmap.cli import frame

    frame.speak(value)
    return value


LANG_OPTION = Annotated[str, typer.Option("--lang", metavar="zh|en", callback=check_lang)]
#: --lang when it is not given: DEALMAP_LANG (zh or en), else zh.
DEFAULT_LANG = output_lang()
MESSAGES_LANG = Text("提示信息的语言：zh（中文）或 en（英文）。", "Language of messages: zh or en.")

HELP = {
    "serve": Text("启动网页版（会先自动升级数据库）。", "Serve the web app (migrating the database first)."),
    "serve.port": Text("监听的端口。", "Port to listen on."),
    "serve.host": Text("监听的地址。", "Address to listen on."),
    "demo": Text(
        "创建演示用户（rep 和 manager），并载入演示商机（日期平移到今天）。",
        "Create the demo users (rep, manager) and load the demo deal, dated to today.",
    ),
    "demo.force": Text("已经有商机时也再载入一份。", "Load another copy even if deals exist."),
    "demo.port": Text("启动提示里显示的端口。", "Port printed in the start-up message."),
    "import-deal": Text(
        "检查商机文件并存入数据库；最后一行输出新商机的 id。\n\n"
        "只要有问题，就在标准错误里按 JSON 路径逐条列出，退出状态为 2，什么都不保存。",
        "Validate a deal file and store it; prints the new deal's id as the last line.\n\n"
        "Any problem: every problem is listed by JSON path on stderr, exit status 2, nothing stored.",
    ),
    "import-deal.file": Text(
        "商机文件（dealmap/1 JSON）；写 - 则从标准输入读取。",
        "Deal file (dealmap/1 JSON), or - for standard input.",
    ),
    "import-deal.owner": Text(
        "新客户的负责人（用户名），默认是唯一的用户或销售代表。",
        "Username who owns the new account (default: the only user, else the only rep).",
    ),
    "import-deal.lang": MESSAGES_LANG,
    "export-deal": Text(
        "把已保存的商机导出为 dealmap/1 商机文件（as_of 为今天）。",
        "Write a stored deal as a dealmap/1 deal file (as_of = today).",
    ),
    "export-deal.deal_id": Text(
        "商机的 id（即 import-deal 输出的那个）。", "The deal's id (as printed by import-deal)."
    ),
    "export-deal.output": Text("写到这个文件里，而不是标准输出。", "Write to this file, not stdout."),
    "export-deal.force": Text("文件已存在时替换它。", "Replace the file if it exists."),
    "export-deal.lang": MESSAGES_LANG,
    "manage": Text(
        "运行 Django 管理命令，例如 `dealmap manage createsuperuser`。",
        "Run a Django management command, e.g. `dealmap manage createsuperuser`.",
    ),
}


def ensure_database() -> None:
    """Set Django up and apply any pending migrations, quietly. Exits 1 if the database is unreachable."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "dealmap.web.settings")
    import django
    from django.apps import apps

    if not apps.ready:
        django.setup()
    from django.core.management import call_command
    from django.db import DatabaseError, connection
    from django.db.migrations.executor import MigrationExecutor

    try:
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            call_command("migrate", interactive=False, verbosity=0)
    except DatabaseError as exc:
        from dealmap.cli import frame

        _fail(Text(f"无法连接数据库：{exc}", f"cannot use the database: {exc}"), frame.current(), code=1)


def _say(text: Text, lang: str, *, err: bool = False) -> None:
    typer.echo(text.get(lang), err=err)


def write_output(path: Path, data: bytes, lang: str, *, force: bool = False) -> None:
    """Write ``data`` to ``path`` whole or not at all: into a temporary file beside it, then renamed
    over it, so an error (no such folder, a full disk) leaves no half file and an older file intact.

    A file already there is replaced only with ``force`` (``--force``): a filled-in workbook of the
    same name as the template, or an earlier export, is someone's work.

    A symbolic link is followed: the file it points to is replaced, not the link. A device, a pipe
    or a socket (``-o /dev/stdout``, ``/dev/null``) is written to in place: a rename would replace
    the device node itself (as root, even ``/dev/null``).
    """
    try:
        special = not stat.S_ISREG(mode := os.stat(path).st_mode) and not stat.S_ISDIR(mode)
    except OSError:  # not there yet (or not reachable: the rename below says why)
        special = False
    else:
        if stat.S_ISREG(mode) and not force:
            _fail(
                Text(
                    f"{path} 已经存在：要替换它，请加 --force",
                    f"{path} exists already: add --force to replace it",
                ),
                lang,
            )
    try:
        if special:
            with open(path, "wb") as out:
                out.write(data)
        else:
            _replace(Path(os.path.realpath(path)), data)
    except OSError as exc:
        from dealmap.interchange.dealfile import os_reason

        reason = os_reason(exc)
        _fail(Text(f"无法写入 {path}：{reason.zh}", f"cannot write {path}: {reason.en}"), lang)


def _replace(path: Path, data: bytes) -> None:
    """Write ``path`` (a regular file, or none yet) through a temporary file renamed over it."""
    import tempfile

    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # as a plain open() would make it, not mkstemp's 0600
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _fail(text: Text, lang: str, *, code: int = 2) -> None:
    _say(text, lang, err=True)
    raise typer.Exit(code)


def collided(exc: Exception, lang: str) -> None:
    """A write refused because another writer held the lock or took a key at that moment: say
    nothing was stored (exit 2); any other database error goes on up."""
    from dealmap.web.core.middleware import collision

    if collision(exc) is None:
        raise exc
    _fail(
        Text(
            "数据库正忙，或有人同时改了同样的数据：未写入任何数据，请重试",
            "the database was busy, or someone changed the same records at that moment: nothing stored; try again",
        ),
        lang,
    )


def serve(
    port: Annotated[int, typer.Option()] = 8000,
    host: Annotated[str, typer.Option()] = "127.0.0.1",
) -> None:
    """Serve the web app (migrating the database first)."""
    ensure_database()
    from django.core.management import call_command

    typer.echo(f"DealMap: http://{host}:{port}/")
    call_command("runserver", f"{host}:{port}", use_reloader=False, use_threading=True)


def demo(
    force: Annotated[bool, typer.Option("--force")] = False,
    port: Annotated[int, typer.Option()] = 8000,
) -> None:
    """Create the demo users (rep, manager) and load the demo deal, dated to today."""
    ensure_database()
    from dealmap.web.core import clock
    from dealmap.web.core.demo import DEMO_PASSWORD, DEMO_USERS, demo_setup

    result = demo_setup(today=clock.today(), force=force)
    if result.deal is not None:
        typer.echo(f"Demo deal loaded / 已载入演示商机：{result.deal.name} (id {result.deal.pk})")
    else:
        typer.echo(
            "Deals exist already; demo deal not loaded again (--force loads another copy) / "
            "已有商机，未重复载入演示商机（--force 可再载入一份）"
        )
    typer.echo(f"DealMap: http://127.0.0.1:{port}/")
    for username, role, _ in DEMO_USERS:
        typer.echo(f"  login / 登录：{username} / {DEMO_PASSWORD}   ({role})")


def import_deal(
    file: Annotated[str, typer.Argument(metavar="FILE|-")],
    owner: Annotated[str | None, typer.Option()] = None,
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Validate a deal file and store it; prints the new deal's id as the last line.

    Any problem: every problem is listed by JSON path on stderr, exit status 2, nothing stored.
    """
    from dealmap.interchange.dealfile import DealFileError, format_problems, read_deal_file

    try:
        deal = read_deal_file(file)
    except DealFileError as exc:
        typer.echo(format_problems(exc.problems, lang), err=True)
        raise typer.Exit(2) from None
    ensure_database()
    from django.db import DatabaseError

    from dealmap.web.deals.services import deal_import

    user = _owner(owner, lang)
    try:
        stored = deal_import(deal=deal, owner=user)
    except DealFileError as exc:
        typer.echo(format_problems(exc.problems, lang), err=True)
        raise typer.Exit(2) from None
    except DatabaseError as exc:
        collided(exc, lang)
    people = len(deal.stakeholders)
    typer.echo(
        f"{stored.account.name} / {stored.name}: "
        + Text(f"{people} 人", f"{people} {'person' if people == 1 else 'people'}").get(lang)
    )
    typer.echo(str(stored.pk))


def _owner(username: str | None, lang: str):
    from dealmap.web.users.models import User
    from dealmap.web.users.selectors import user_default_owner

    if username is None:
        user = user_default_owner()
        if user is None:
            _fail(
                Text(
                    "请用 --owner 指定负责人（用户名）；还没有用户时先运行 `dealmap demo` 或 `dealmap manage createsuperuser`",
                    "name the owner with --owner USERNAME (no users yet? run `dealmap demo` or "
                    "`dealmap manage createsuperuser`)",
                ),
                lang,
            )
        return user
    user = User.objects.filter(username=username).first()
    if user is None:
        _fail(Text(f"没有用户 '{username}'", f"no user '{username}'"), lang)
    if not user.is_active:
        _fail(inactive(username), lang)
    return user


def inactive(username: str) -> Text:
    return Text(f"用户 '{username}' 已停用", f"user '{username}' is deactivated")


def export_deal(
    deal_id: Annotated[int, typer.Argument(metavar="ID")],
    output: Annotated[Path | None, typer.Option("-o", "--output")] = None,
    force: Annotated[bool, typer.Option("--force")] = False,
    lang: LANG_OPTION = DEFAULT_LANG,
) -> None:
    """Write a stored deal as a dealmap/1 deal file (as_of = today)."""
    ensure_database()
    from dealmap.interchange.dealfile import dump_deal
    from dealmap.web.core import clock
    from dealmap.web.deals.domain import deal_to_domain
    from dealmap.web.deals.models import Deal

    stored = Deal.objects.select_related("account").filter(pk=deal_id).first()
    if stored is None:
        _fail(Text(f"没有 id 为 {deal_id} 的商机", f"no deal with id {deal_id}"), lang)
    text = (
        json.dumps(dump_deal(deal_to_domain(stored), as_of=clock.today()), ensure_ascii=False, indent=2)
        + "\n"
    )
    if output is None:
        sys.stdout.write(text)
    else:
        write_output(output, text.encode("utf-8"), lang, force=force)


def manage(ctx: typer.Context) -> None:
    """Run a Django management command, e.g. `dealmap manage createsuperuser`."""
    ensure_database()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["dealmap manage", *ctx.args])


def register(app: typer.Typer, lang: str) -> None:
    """Add the database commands to the `dealmap` app, their help in `lang`."""
    add_command(app, "serve", serve, HELP, lang)
    add_command(app, "demo", demo, HELP, lang)
    add_command(app, "import-deal", import_deal, HELP, lang)
    add_command(app, "export-deal", export_deal, HELP, lang)
    add_command(
        app,
        "manage",
        manage,
        HELP,
        lang,
        context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "help_option_names": []},
    )
