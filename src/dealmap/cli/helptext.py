"""The `--help` texts in the reader's language, chosen once when the app is built.

Each command module keeps its help texts in one table, `HELP`, of `Text(zh, en)` pairs: `HELP[name]`
is the command's help and `HELP[f"{name}.{param}"]` that of its argument or option. `add_command`
registers a command with the texts of one language; a parameter without a text stops the build.
A command function's docstring is for readers of the code: `--help` shows `HELP` only.

typer's help tables break lines only at spaces and cut a longer run with "…": a command's first
paragraph and an option's help in Chinese stay within about 25 characters between spaces, so that
they show whole at 80 columns (tests/unit/cli/test_help.py checks it).
"""

from __future__ import annotations

import copy
import functools
import inspect
import os
from collections.abc import Callable, Mapping
from typing import Annotated, get_args, get_origin

from typer.models import ParameterInfo

from dealmap.method.codes import LANGS, Text

#: The locale variables, in the order POSIX consults them for messages.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def help_lang(environ: Mapping[str, str] = os.environ) -> str:
    """`DEALMAP_LANG` if it is zh or en, else the locale's language if it is one of them, else zh."""
    chosen = environ.get("DEALMAP_LANG", "")
    if chosen in LANGS:
        return chosen
    locale = next((environ[name] for name in LOCALE_VARIABLES if environ.get(name)), "")
    return next((lang for lang in LANGS if locale.startswith(lang)), "zh")


def add_command(app, name: str, func: Callable, texts: Mapping[str, Text], lang: str, **settings) -> None:
    """Register `func` on `app` as `name`, with its help and its parameters' help in `lang`."""
    app.command(name, help=texts[name].get(lang), **settings)(with_help(func, name, texts, lang))


def with_help(func: Callable, name: str, texts: Mapping[str, Text], lang: str) -> Callable:
    """`func` as typer should see it: each typer argument and option given `texts[f"{name}.{param}"]`.

    The help goes on copies of the parameters' typer infos, so apps built in either language
    (the tests build both) never share one.
    """
    signature = inspect.signature(func, eval_str=True)
    params = [_param_with_help(p, f"{name}.{p.name}", texts, lang) for p in signature.parameters.values()]

    @functools.wraps(func)
    def command(*args, **kwargs):
        return func(*args, **kwargs)

    command.__signature__ = signature.replace(parameters=params)
    return command


def _param_with_help(
    param: inspect.Parameter, key: str, texts: Mapping[str, Text], lang: str
) -> inspect.Parameter:
    if isinstance(param.default, ParameterInfo):  # `x: str = typer.Option(...)`
        return param.replace(default=_info_with_help(param.default, texts[key].get(lang)))
    if get_origin(param.annotation) is Annotated:  # `x: Annotated[str, typer.Option(...)] = ...`
        hint, *extras = get_args(param.annotation)
        extras = [
            _info_with_help(e, texts[key].get(lang)) if isinstance(e, ParameterInfo) else e for e in extras
        ]
        return param.replace(annotation=Annotated[(hint, *extras)])
    return param  # typer.Context and the like: nothing to explain


def _info_with_help(info: ParameterInfo, help_text: str) -> ParameterInfo:
    helped = copy.copy(info)
    helped.help = help_text
    return helped
