"""The words typer and click print around ours ("Usage:", "Options", "No such option") follow DEALMAP_LANG.

Run as the installed command runs, in its own process, so the hooks into typer are the real ones.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from dealmap.cli import frame


def dealmap(lang: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [str(Path(sys.executable).with_name("dealmap")), *args]  # the installed script
    env = {"DEALMAP_LANG": lang, "COLUMNS": "100", "PATH": ""}
    return subprocess.run(command, capture_output=True, text=True, env=env, check=False)


def test_help_pages_are_framed_in_chinese():
    page = dealmap("zh", "signals", "--help").stdout
    for chinese in ("用法：dealmap signals", "─ 参数 ─", "─ 选项 ─", "显示本帮助并退出。"):
        assert chinese in page
    for english in ("Usage:", "Options", "Arguments", "Show this message"):
        assert english not in page
    assert "─ 命令 ─" in dealmap("zh", "--help").stdout


def test_help_pages_stay_english_in_english():
    page = dealmap("en", "signals", "--help").stdout
    for english in ("Usage: dealmap signals", "─ Arguments ─", "─ Options ─", "Show this message and exit."):
        assert english in page
    assert "用法" not in page and "选项" not in page


def test_the_type_column_shows_what_to_type_not_python_types():
    zh, en = dealmap("zh", "export", "--help").stdout, dealmap("en", "export", "--help").stdout
    for page in (zh, en):
        assert "<str>" not in page and "<bool>" not in page and "<int>" not in page
        assert re.search(r"--lang +zh\|en ", page) and re.search(r"--format +-f +xlsx\|pptx\|json ", page)
        assert re.search(r"\* +ID\|all +\S", page)  # a named argument shows its name once, then its help
    assert re.search(r"--owner +文本 ", zh) and re.search(r"--output +-o +路径 ", zh)
    assert re.search(r"--owner +TEXT ", en) and re.search(r"--output +-o +PATH ", en)
    flags = dealmap("zh", "signals", "--help").stdout
    assert re.search(r"--json +输出 JSON", flags)  # a flag takes no value: nothing in the type column


@pytest.mark.parametrize(
    ("args", "chinese", "english"),
    [
        (("signals", "--bogus"), "没有 --bogus 这个选项。", "No such option: --bogus"),
        (("analyze",), "缺少参数 'FILE|-'。", "Missing argument 'FILE|-'."),
        (("signals", "--lang"), "选项 '--lang' 后面要跟一个值。", "Option '--lang' requires an argument."),
        (("signals", "a", "b"), "多出了参数：b", "Got unexpected extra argument"),
        (("export-deal", "abc"), "'ID' 的值不对：要填整数。", "Invalid value for 'ID'"),
        (("nosuch",), "没有 'nosuch' 这个命令。", "No such command 'nosuch'."),
        (
            ("sig",),
            "没有 'sig' 这个命令。（是不是想用 'signals'？）",
            "No such command 'sig'. Did you mean 'signals'?",
        ),
    ],
)
def test_usage_errors_are_explained_in_the_readers_language(args, chinese, english):
    zh, en = dealmap("zh", *args), dealmap("en", *args)
    assert zh.returncode == en.returncode == 2
    assert chinese in zh.stderr and "─ 错误 ─" in zh.stderr
    assert english in en.stderr and "─ Error ─" in en.stderr
    if "用法" in zh.stderr:
        assert "for help" not in zh.stderr and "查看帮助" in zh.stderr


def test_an_error_of_unknown_shape_is_left_as_it_is():
    assert frame.error_zh("Something typer says that we do not know.") == (
        "Something typer says that we do not know."
    )


def test_every_chinese_text_keeps_its_placeholders():
    """A Chinese text may drop a placeholder but never name one its English does not fill."""
    names = re.compile(r"\{[^}]*\}")
    for english, chinese in frame.ZH.items():
        assert set(names.findall(chinese)) <= set(names.findall(english)), english
    for (one, many), chinese in frame.ZH_PLURAL.items():
        assert set(names.findall(chinese)) <= set(names.findall(one + many)), one


@pytest.mark.parametrize(
    "args",
    [
        ("template", "-o", "{tmp}/t.xlsx"),
        ("export", "1", "-o", "{tmp}/e.xlsx"),
        ("export-deal", "1", "-o", "{tmp}/d.json"),
        ("import-deal", "{tmp}/missing.json"),
        ("import", "{tmp}/missing.xlsx"),
        ("token", "nobody"),
        ("user", "add", "nobody"),
    ],
)
def test_an_unknown_language_is_a_usage_error_before_anything_runs(args, tmp_path):
    """`--lang fr` once crashed `dealmap template` with a KeyError after opening the output file."""
    args = tuple(a.format(tmp=tmp_path) for a in args) + ("--lang", "fr")
    zh, en = dealmap("zh", *args), dealmap("en", *args)
    assert zh.returncode == en.returncode == 2
    assert "'--lang' 的值不对：只能是 zh 或 en，不能是 'fr'。" in zh.stderr
    assert "Invalid value for '--lang': must be zh or en, not 'fr'" in en.stderr
    assert "Traceback" not in zh.stderr + en.stderr
    assert list(tmp_path.iterdir()) == []


def test_an_output_that_cannot_be_written_is_a_clear_error_and_leaves_no_half_file(tmp_path):
    (tmp_path / "adir").mkdir()
    for target, chinese, english in (
        (tmp_path / "nodir" / "t.xlsx", "没有这个文件或目录", "No such file or directory"),
        (tmp_path / "adir", "这是一个目录", "Is a directory"),
    ):
        result = dealmap("zh", "template", "-o", str(target))
        assert result.returncode == 2 and f"无法写入 {target}：{chinese}\n" == result.stderr
        result = dealmap("zh", "template", "-o", str(target), "--lang", "en")
        assert result.returncode == 2 and f"cannot write {target}: {english}\n" == result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["adir"]
    good = tmp_path / "t.xlsx"
    assert dealmap("en", "template", "-o", str(good), "--lang", "en").returncode == 0
    assert good.read_bytes()[:2] == b"PK" and sorted(p.name for p in tmp_path.iterdir()) == ["adir", "t.xlsx"]


def test_a_database_that_cannot_be_reached_is_reported_in_the_command_lines_language():
    command = [str(Path(sys.executable).with_name("dealmap")), "token", "rep"]
    for lang, words in (("zh", "无法连接数据库："), ("en", "cannot use the database:")):
        env = {"DEALMAP_LANG": lang, "PATH": "", "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
        result = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        assert result.returncode == 1 and result.stderr.startswith(words), result.stderr


@pytest.mark.parametrize(
    ("args", "usage"),
    [
        (("user", "add"), "dealmap user add [OPTIONS] {USERNAME}"),
        (("token",), "dealmap token [OPTIONS] {USERNAME}"),
        (("import-deal",), "dealmap import-deal [OPTIONS] {FILE|-}"),
        (("export-deal",), "dealmap export-deal [OPTIONS] {ID}"),
        (("import",), "dealmap import [OPTIONS] {FILE}"),
        (("signals",), "dealmap signals [OPTIONS] [TEXT]"),
    ],
)
def test_the_usage_line_names_each_argument_in_capitals_as_the_options_do(args, usage):
    """Not the Python parameter's own name ({name}, {deal_id})."""
    assert usage in dealmap("en", *args, "--help").stdout
