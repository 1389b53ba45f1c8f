"""The `dealmap` command. Each area registers its own sub-commands on one typer app.

The app is built on first use (`dealmap.cli.app`): importing typer, the pydantic it pulls in and
every area's module takes longer than analysing a small deal, and a plain
`dealmap analyze FILE [--json] [--lang L] [--as-of D]` is run without any of it.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import sys

from dealmap.method.codes import Text

APP_HELP = Text(
    "DealMap 大客户决策地图：理清大客户的采购决策链，知道下一步该做什么。\n\n"
    "帮助的语言：设置了 DEALMAP_LANG（zh 或 en）就用它，否则跟随系统语言"
    "（LC_ALL / LC_MESSAGES / LANG），都没有时用中文。",
    "DealMap (大客户决策地图): map a key account's buying group and know what to do next.\n\n"
    "Help language: DEALMAP_LANG (zh or en) if set, else the locale (LC_ALL / LC_MESSAGES / LANG), "
    "else Chinese.",
)


def build_app(lang: str | None = None):
    """The typer app, its help in `lang` (default: `helptext.help_lang()`, from the environment)."""
    import typer

    from dealmap.cli import admin, analyze, db, frame, signals, transfer
    from dealmap.cli.helptext import help_lang

    lang = lang or help_lang()
    frame.install(lang)
    app = typer.Typer(
        name="dealmap",
        help=APP_HELP.get(lang),
        no_args_is_help=True,
        add_completion=False,
        pretty_exceptions_enable=False,
    )
    for module in (db, analyze, signals, transfer, admin):
        module.register(app, lang)
    return app


def __getattr__(name: str):
    if name == "app":
        app = build_app()
        globals()["app"] = app
        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """`dealmap`: a plain `analyze` runs without typer (`plain_analyze`), anything else through the app.

    An output that cannot be written (a full disk, a reader gone) ends in `output_failed`, not a traceback.
    """
    if sys.stdout is None:  # started with standard output closed (`>&-`): each write fails
        sys.stdout = io.TextIOWrapper(io.BufferedWriter(_ClosedOutput()), encoding="utf-8")
    try:
        plain = plain_analyze(sys.argv[1:])
        if plain is not None:
            from dealmap.cli.analyze import run

            analysed = run(**plain)
            sys.stdout.flush()
            leave(analysed)
        try:
            __getattr__("app")()
        finally:  # what is still buffered fails here, not at exit with a traceback of its own
            sys.stdout.flush()
    except OSError as exc:
        output_failed(exc)


#: An output that cannot be written: exit status 2, as when `-o FILE` cannot be written.
OUTPUT_FAILED = 2


def output_failed(exc: OSError) -> None:  # raises SystemExit
    """End a command whose output failed: status 1 and no word when the reader went away (`| head`),
    as click does; else one line on stderr, in the command's language, and status 2.

    The commands report what they cannot read themselves, so an OSError without a file name that
    reaches here is standard output's.
    """
    _drop_stdout()
    if exc.errno == errno.EPIPE:
        raise SystemExit(1)
    from dealmap.cli.frame import message_lang
    from dealmap.interchange.dealfile import os_reason
    from dealmap.method.codes import Text

    reason = os_reason(exc)
    if exc.filename is None:
        text = Text(f"无法写入标准输出：{reason.zh}", f"cannot write to standard output: {reason.en}")
    else:
        text = Text(f"无法使用 {exc.filename}：{reason.zh}", f"cannot use {exc.filename}: {reason.en}")
    with contextlib.suppress(OSError, ValueError):  # stderr is gone too: the status says it
        print(text.get(message_lang()), file=sys.stderr, flush=True)
    raise SystemExit(OUTPUT_FAILED)


class _ClosedOutput(io.RawIOBase):
    """Standard output when there is none: a write fails as the system's would."""

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        raise OSError(errno.EBADF, os.strerror(errno.EBADF))


def _drop_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered in `sys.stdout`
    goes nowhere at exit instead of failing again with "Exception ignored in ..."."""
    if sys.__stdout__ is None:  # there was none (`>&-`): nothing of it to flush
        sys.stdout = None
        return
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.close(null)
    except OSError:
        pass


def leave(analysed: object) -> None:
    """Exit at once, the output written.

    A large deal and its report are a few hundred thousand small objects; freeing them one by
    one at interpreter exit costs some 35 ms on the bench file (bench/engine.py), and nothing is
    left to do (no atexit handler matters to `analyze`). `analysed` is held until here for that.
    """
    sys.stderr.flush()
    os._exit(0)


_ANALYZE_VALUES = {"--lang": "lang", "--as-of": "as_of"}


def plain_analyze(args: list[str]) -> dict | None:
    """The arguments of `run` for a plain `analyze` call, else None (typer then parses them).

    Only the unambiguous forms are taken: one FILE (or `-`), `--json`, and `--lang` / `--as-of`
    each given at most once with a value that does not start with `-`. Anything else — help,
    `--`, a repeated or unknown option, a missing value — goes to typer, which reports it.
    """
    if not args or args[0] != "analyze":
        return None
    found: dict = {}
    rest = iter(args[1:])
    for arg in rest:
        name, eq, value = arg.partition("=")
        if arg == "--json" and "as_json" not in found:
            found["as_json"] = True
        elif name in _ANALYZE_VALUES and _ANALYZE_VALUES[name] not in found:
            value = value if eq else next(rest, "-")
            if value.startswith("-"):
                return None
            found[_ANALYZE_VALUES[name]] = value
        elif (arg == "-" or not arg.startswith("-")) and "file" not in found:
            found["file"] = arg
        else:
            return None
    return found if "file" in found else None
