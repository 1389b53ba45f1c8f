"""Every `--help` text exists in Chinese and English; DEALMAP_LANG, else the locale, else zh picks one.

The app is built in each language and its command tree walked, so a new command or option
without both texts fails here.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from dealmap.cli import admin, analyze, build_app, db, signals, transfer
from dealmap.cli.helptext import help_lang

CJK = re.compile(r"[\u4e00-\u9fff]")

#: Each command's help text, by its path under `dealmap`.
COMMAND_HELP = {
    **{(name,): db.HELP[name] for name in ("serve", "demo", "import-deal", "export-deal", "manage")},
    ("analyze",): analyze.HELP["analyze"],
    ("signals",): signals.HELP["signals"],
    **{(name,): transfer.HELP[name] for name in ("import", "export", "template")},
    ("user",): admin.HELP["user"],
    ("user", "add"): admin.HELP["add"],
    ("token",): admin.HELP["token"],
}


def commands(group: TyperGroup, path: tuple[str, ...] = ()):
    """(path, command) for every command under `group`, sub-groups included."""
    for name, command in group.commands.items():
        yield (*path, name), command
        if isinstance(command, TyperGroup):
            yield from commands(command, (*path, name))


def tree(lang: str) -> TyperGroup:
    return typer.main.get_command(build_app(lang))


def show_help(args: list[str], lang: str, monkeypatch) -> str:
    """`dealmap ARGS --help` in an app built with DEALMAP_LANG=lang, 80 columns wide."""
    monkeypatch.setenv("DEALMAP_LANG", lang)
    monkeypatch.setenv("COLUMNS", "80")
    result = CliRunner().invoke(build_app(), [*args, "--help"])
    assert result.exit_code == 0, result.output
    return result.output


def squeezed(text: str) -> str:
    """The text without spaces, line breaks and box borders, as wrapped help is compared."""
    return re.sub(r"[\s│]", "", text)


def first_paragraph(text: str) -> str:
    return text.split("\n\n")[0]


# -- the language rule ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "zh"),
        ({"DEALMAP_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"DEALMAP_LANG": "zh", "LANG": "en_US.UTF-8"}, "zh"),
        ({"DEALMAP_LANG": "fr"}, "zh"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "", "LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "zh"),
        ({"LANG": "de_DE.UTF-8"}, "zh"),
    ],
)
def test_help_language_is_dealmap_lang_else_the_locale_else_chinese(environ, lang):
    assert help_lang(environ) == lang


def test_top_level_help_states_the_language_rule(monkeypatch):
    assert "帮助的语言" in show_help([], "zh", monkeypatch) and "DEALMAP_LANG" in show_help(
        [], "zh", monkeypatch
    )
    assert "Help language: DEALMAP_LANG" in show_help([], "en", monkeypatch)


def test_the_installed_command_follows_dealmap_lang():
    def run(lang: str) -> str:
        command = [sys.executable, "-c", "from dealmap.cli import main; main()", "analyze", "--help"]
        env = {"DEALMAP_LANG": lang, "COLUMNS": "200", "PATH": ""}
        return subprocess.run(command, capture_output=True, text=True, env=env, check=True).stdout

    assert "分析商机" in run("zh") and "Analyse a deal" in run("en")


# -- every command, in both languages ------------------------------------------------------------


def test_every_command_has_its_help_text_in_the_table_above():
    assert {path for path, _ in commands(tree("zh"))} == set(COMMAND_HELP)


@pytest.mark.parametrize("path", [p for p in COMMAND_HELP if p != ("manage",)], ids=" ".join)
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_command_help_shows_its_summary_in_the_chosen_language(path, lang, monkeypatch):
    shown = show_help(list(path), lang, monkeypatch)
    assert squeezed(COMMAND_HELP[path].get(lang)) in squeezed(shown)
    assert "…" not in shown, "a line was cut at 80 columns: keep a Chinese run shorter"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_top_level_help_lists_every_command_with_its_summary_uncut(lang, monkeypatch):
    shown = squeezed(show_help([], lang, monkeypatch))
    for path, text in COMMAND_HELP.items():
        if len(path) == 1:
            assert squeezed(first_paragraph(text.get(lang))) in shown, path
    assert "…" not in shown


def test_chinese_and_english_help_of_signals_and_analyze_read_as_such(monkeypatch):
    assert "读客户原话或拜访记录" in show_help(["signals"], "zh", monkeypatch)
    assert "Read a customer's words or a visit note" in show_help(["signals"], "en", monkeypatch)
    zh = show_help(["analyze"], "zh", monkeypatch)
    assert "分析日期" in zh and "Analysis date" not in zh
    assert "Analysis date" in show_help(["analyze"], "en", monkeypatch)


def test_every_command_and_parameter_has_a_chinese_and_a_different_english_help():
    zh_tree, en_tree = tree("zh"), tree("en")
    pairs = [(("dealmap",), zh_tree, en_tree)]
    pairs += [(path, zh, en_tree.commands[path[0]]) for path, zh in commands(zh_tree) if len(path) == 1]
    pairs += [
        (path, zh, en_tree.commands[path[0]].commands[path[1]])
        for path, zh in commands(zh_tree)
        if len(path) == 2
    ]
    for path, zh, en in pairs:
        _assert_translated(" ".join(path), zh.help, en.help)
        for zh_param, en_param in zip(zh.params, en.params, strict=True):
            _assert_translated(f"{' '.join(path)} {zh_param.name}", zh_param.help, en_param.help)


def _assert_translated(what: str, zh: str | None, en: str | None) -> None:
    assert zh and en, f"{what}: help missing"
    assert zh != en, f"{what}: the same text in zh and en"
    assert CJK.search(zh), f"{what}: no Chinese in the zh help"
