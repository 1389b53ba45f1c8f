"""The words click and typer print around ours — "Usage:", "Options", "Missing argument" — in Chinese.

click and typer look some of their messages up with `gettext.gettext`, and no Chinese catalogue
of them ships with either; `install(lang)` rebinds that lookup in their modules to the table
below (Chinese) or to no change (English), and resets typer's panel titles, which it looks up
once at import. typer 0.20+ carries its own copy of click (`typer._click`) whose messages are
plain English: there the usage line's prefix, the `--help` option's help and the text of an
error panel are put into Chinese (`ERRORS`, by the message's shape). A message of a shape not
listed stays English. It is process-wide: the app built last decides, which in `dealmap` is
the only one. tests/unit/cli/test_frame.py runs the real commands and fails if typer changes
what these hooks rely on.
"""

from __future__ import annotations

import functools
import importlib
import re

#: click's and typer's messages (their English text is the key) in Chinese. Placeholders stay as they are.
ZH: dict[str, str] = {
    # help pages
    "Usage:": "用法：",
    "Options": "选项",
    "Arguments": "参数",
    "Commands": "命令",
    "Positional arguments": "位置参数",
    "Show this message and exit.": "显示本帮助并退出。",
    "Show the version and exit.": "显示版本并退出。",
    "%(prog)s, version %(version)s": "%(prog)s，版本 %(version)s",
    "[default: {}]": "[默认：{}]",
    "[env var: {}]": "[环境变量：{}]",
    "[required]": "[必填]",
    "(deprecated) ": "（已弃用）",
    "deprecated": "已弃用",
    "default: {default}": "默认：{default}",
    "env var: {var}": "环境变量：{var}",
    "required": "必填",
    "(dynamic)": "（动态）",
    "Choice({choices})": "可选值（{choices}）",
    "file": "文件",
    "directory": "目录",
    "path": "路径",
    # errors
    "Error": "错误",
    "Error: {message}": "错误：{message}",
    "Try '{command} {option}' for help.": "运行 '{command} {option}' 查看帮助。",
    "Try [blue]'{command_path} {help_option}'[/] for help.": "运行 [blue]'{command_path} {help_option}'[/] 查看帮助。",
    "Missing argument": "缺少参数",
    "Missing option": "缺少选项",
    "Missing parameter": "缺少参数",
    "Missing {param_type}": "缺少{param_type}",
    "Missing parameter: {param_name}": "缺少参数：{param_name}",
    "Missing command.": "缺少命令。",
    "No such command {name!r}.": "没有 {name!r} 这个命令。",
    "No such option {name!r}.": "没有 {name!r} 这个选项。",
    "Invalid value for {param_hint}: {message}": "{param_hint} 的值不对：{message}",
    "Invalid value: {message}": "值不对：{message}",
    "Option {name!r} does not take a value.": "选项 {name!r} 不接受值。",
    "Argument {name!r} takes {nargs} values.": "参数 {name!r} 需要 {nargs} 个值。",
    "Invalid start character for option ({option})": "选项的开头字符不对（{option}）",
    "Choose from:\n\t{choices}": "可选：\n\t{choices}",
    "{value} is not in the range {range}.": "{value} 不在范围 {range} 内。",
    "{value!r} is not a valid {number_type}.": "{value!r} 不是有效的{number_type}。",
    "{value!r} is not a valid UUID.": "{value!r} 不是有效的 UUID。",
    "{value!r} is not a valid boolean. Recognized values: {states}": "{value!r} 不是有效的布尔值。可用的值：{states}",
    "{name} {filename!r} does not exist.": "{name} {filename!r} 不存在。",
    "{name} {filename!r} is a file.": "{name} {filename!r} 是文件。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} 是目录。",
    "{name} {filename!r} is not readable.": "{name} {filename!r} 读不了。",
    "{name} {filename!r} is not writable.": "{name} {filename!r} 写不了。",
    "{name} {filename!r} is not executable.": "{name} {filename!r} 不能执行。",
    "Could not open file {filename!r}: {message}": "打不开文件 {filename!r}：{message}",
    "Value must be an iterable.": "值必须是可迭代的。",
    "unknown error": "未知错误",
    "Aborted!": "已中止！",
    "Aborted.": "已中止。",
    # prompts
    "Do you want to continue?": "要继续吗？",
    "Confirm the action without prompting.": "不询问，直接确认。",
    "Repeat for confirmation": "再输入一次确认",
    "Error: The two entered values do not match.": "错误：两次输入的不一致。",
    "Error: invalid input": "错误：输入无效",
    "Press any key to continue...": "按任意键继续……",
}

#: Messages with a singular and a plural form: (singular, plural) → Chinese (one form).
ZH_PLURAL: dict[tuple[str, str], str] = {
    (
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ): "多出了参数（{args}）",
    (
        "Did you mean {possibility}?",
        "(Did you mean one of: {possibilities}?)",
    ): "（是不是想用：{possibilities}？）",
    (
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
    ): "选项 {name!r} 需要 {nargs} 个值。",
    (
        "{value!r} is not {choice}.",
        "{value!r} is not one of {choices}.",
    ): "{value!r} 不在可选值 {choices} 之中。",
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): "需要 {nargs} 个值，给了 {len} 个。",
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): "需要 {len_type} 个值，给了 {len_value} 个。",
}

#: The modules that look messages up, and typer's panel titles (looked up once, at its import).
_MODULES = (
    "click.core",
    "click.decorators",
    "click.exceptions",
    "click.formatting",
    "click.parser",
    "click.termui",
    "click.types",
    "typer.core",
    "typer.rich_utils",
)
_TYPER_CONSTANTS = {
    "DEPRECATED_STRING": "(deprecated) ",
    "DEFAULT_STRING": "[default: {}]",
    "ENVVAR_STRING": "[env var: {}]",
    "REQUIRED_LONG_STRING": "[required]",
    "ARGUMENTS_PANEL_TITLE": "Arguments",
    "OPTIONS_PANEL_TITLE": "Options",
    "COMMANDS_PANEL_TITLE": "Commands",
    "ERRORS_PANEL_TITLE": "Error",
    "ABORTED_TEXT": "Aborted.",
    "RICH_HELP": "Try [blue]'{command_path} {help_option}'[/] for help.",
}


def gettext_zh(message: str) -> str:
    """click's message in Chinese (unchanged when the table lacks it)."""
    return ZH.get(message, message)


def ngettext_zh(singular: str, plural: str, n: int) -> str:
    """A counted message in Chinese (one form for every count; click fills every placeholder it names)."""
    chinese = ZH_PLURAL.get((singular, plural))
    if chinese is None:
        return singular if n == 1 else plural
    return chinese


def gettext_en(message: str) -> str:
    return message


def ngettext_en(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural


#: typer's own click: an error's English text (by its shape) → Chinese. The first that matches wins.
ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), chinese)
    for pattern, chinese in (
        (r"No such option: (\S+) \(Possible options: (.*)\)", r"没有 \1 这个选项（可能是：\2）"),
        (r"No such option: (\S+)", r"没有 \1 这个选项。"),
        (r"Missing argument (.+?)\.", r"缺少参数 \1。"),
        (r"Missing option (.+?)\.", r"缺少选项 \1。"),
        (r"Missing parameter: (.+)", r"缺少参数：\1"),
        (r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", r"多出了参数：\1"),
        (r"Option (.+?) requires an argument\.", r"选项 \1 后面要跟一个值。"),
        (r"Option (.+?) requires (\d+) arguments\.", r"选项 \1 后面要跟 \2 个值。"),
        (r"Option (.+?) does not take a value\.", r"选项 \1 不接受值。"),
        (r"Invalid value for (.+?): (.*)", r"\1 的值不对：\2"),
        (r"Invalid value: (.*)", r"值不对：\1"),
        (r"(.+?)\.? Did you mean (.+)\?", r"\1（是不是想用 \2？）"),
    )
)
#: The part after "Invalid value for X:", from typer's and pydantic's value checks.
VALUE_ERRORS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern, re.DOTALL), chinese)
    for pattern, chinese in (
        (r"(?:Value )?(.+?) is not a valid (?:integer|int)\.", r"\1 不是整数。"),
        (r"(?:Value )?(.+?) is not a valid (?:float)\.", r"\1 不是数字。"),
        (r"(?:Value )?(.+?) is not a valid (?:boolean|bool)\.", r"\1 不是 true/false。"),
        (r"(?:Value )?(.+?) is not a valid (\w+)\.", r"\1 不是有效的 \2。"),
        (r"(.+?) is not one of (.+)\.", r"\1 不在 \2 之中。"),
        (r"must be (\S+) or (\S+), not (.+)", r"只能是 \1 或 \2，不能是 \3。"),
        (r"(?:File|Path|Directory) (.+?) does not exist\.", r"\1 不存在。"),
        (r"Input should be a valid integer(?:,.*)?", "要填整数。"),
        (r"Input should be a valid number(?:,.*)?", "要填数字。"),
        (r"Input should be a valid date(?:,.*)?", "要填日期（YYYY-MM-DD）。"),
    )
)
#: typer 0.2x shows a value's Python type ("<str>", "<int>") beside each option; shown instead:
#: the option's metavar, else a word for its type, and nothing for a flag or a named argument.
TYPE_WORDS: dict[str, tuple[str, str]] = {
    "<str>": ("文本", "TEXT"),
    "<int>": ("整数", "INTEGER"),
    "<float>": ("数字", "NUMBER"),
    "<path>": ("路径", "PATH"),
}
USAGE_ZH = "用法："
HELP_OPTION_ZH = "显示本帮助并退出。"
_lang = "zh"


def error_zh(message: str) -> str:
    """An error of typer's own click in Chinese, when its shape is known; else unchanged."""
    for pattern, chinese in ERRORS:
        hit = pattern.fullmatch(message)
        if hit:
            head, colon, value = hit.expand(chinese).partition("值不对：")
            return head + colon + _value_zh(value)
    return message


def _value_zh(message: str) -> str:
    for pattern, chinese in VALUE_ERRORS:
        hit = pattern.fullmatch(message)
        if hit:
            return hit.expand(chinese)
    return message


@functools.cache
def _hook_typer_click() -> None:
    """Wrap the three places in typer's own click that print fixed English (once per process)."""
    try:
        from typer import rich_utils
        from typer._click import core, formatting
    except ImportError:  # an older typer uses click itself: gettext covers it
        return

    write_usage = formatting.HelpFormatter.write_usage

    def usage_in_lang(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        if prefix is None and _lang == "zh":
            prefix = USAGE_ZH
        write_usage(self, prog, args, prefix)

    formatting.HelpFormatter.write_usage = usage_in_lang

    get_help_option = core.Command.get_help_option

    def help_option_in_lang(self, ctx):
        option = get_help_option(self, ctx)
        if option is not None and _lang == "zh":
            option.help = HELP_OPTION_ZH
        return option

    core.Command.get_help_option = help_option_in_lang

    format_error = rich_utils.rich_format_error

    def error_in_lang(error) -> None:
        if _lang == "zh":
            english = error.format_message()
            error.format_message = lambda: error_zh(english)
        format_error(error)

    rich_utils.rich_format_error = error_in_lang

    from typer.core import TyperArgument, TyperOption

    option_type = TyperOption.display_type_rich

    def option_type_in_words(self, ctx):
        if self.is_flag and self.metavar is None:
            return None
        return type_word(option_type(self, ctx))

    TyperOption.display_type_rich = option_type_in_words

    argument_type = TyperArgument.display_type_rich

    def argument_type_in_words(self, ctx):
        if self.metavar is not None:  # the name column shows it already
            return None
        return type_word(argument_type(self, ctx))

    TyperArgument.display_type_rich = argument_type_in_words


def type_word(shown: str | None) -> str | None:
    """A word for typer's "<str>" in the reader's language; anything else unchanged."""
    if shown is None or shown not in TYPE_WORDS:
        return shown
    chinese, english = TYPE_WORDS[shown]
    return chinese if _lang == "zh" else english


def current() -> str:
    """The language the command line speaks when a command has no --lang of its own ("zh" or "en")."""
    return _lang


_spoken: str | None = None


def speak(lang: str) -> None:
    """Note the language the running command speaks (its --lang, or that option's default)."""
    global _spoken
    _spoken = lang


def message_lang() -> str:
    """The language of a message no command words itself (its output cannot be written): the
    running command's, as `speak` noted it, else `current()` for a command without --lang."""
    return _spoken or _lang


def install(lang: str) -> None:
    """Make click and typer print their own words in `lang` ("zh" or "en")."""
    global _lang
    _lang = lang
    _hook_typer_click()
    gettext, ngettext = (gettext_zh, ngettext_zh) if lang == "zh" else (gettext_en, ngettext_en)
    for name in _MODULES:
        module = importlib.import_module(name)
        if hasattr(module, "_"):
            module._ = gettext
        if hasattr(module, "ngettext"):
            module.ngettext = ngettext
    rich_utils = importlib.import_module("typer.rich_utils")
    for constant, english in _TYPER_CONSTANTS.items():
        setattr(rich_utils, constant, gettext(english))
