"""A command that cannot do its work says why in one line, in the reader's language, never with a traceback.

A date not written YYYY-MM-DD, an output that cannot be written (a full device, a reader gone,
no standard output at all), the reason of an OS error, a deal file holding a lone surrogate.
Run as the installed command runs, in its own process: its output is a real file descriptor.
"""

from __future__ import annotations

import errno
import json
import os
import stat
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dealmap.cli import app
from dealmap.interchange.dealfile import DealFileError, load_deal, loads_deal, os_reason

DEMO = str(resources.files("dealmap.demo").joinpath("demo-deal.json"))
DEALMAP = str(Path(sys.executable).with_name("dealmap"))  # the installed script
FULL = "/dev/full"  # every write to it fails with ENOSPC


def dealmap(
    *args: str, lang: str = "zh", stdout=subprocess.PIPE, **options
) -> subprocess.CompletedProcess[str]:
    """`dealmap ARGS` with DEALMAP_LANG=lang; stdout and stderr as text."""
    env = {"DEALMAP_LANG": lang, "PATH": "", "COLUMNS": "100"}
    return subprocess.run(
        [DEALMAP, *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        check=False,
        timeout=120,
        **options,
    )


# -- 1. a date option takes YYYY-MM-DD only -----------------------------------------------------

NOT_DATES = [
    "2027-W01-1",  # an ISO week date: date.fromisoformat takes it
    "2027W011",
    "20270101",  # the compact form: date.fromisoformat takes it
    "2027-001",
    "2027-01-01T00:00",
    "2027-01-01 ",
    "２０２７-01-01",  # full-width digits
    "2026-13-01",
    "2026-02-30",
]


@pytest.mark.parametrize("value", NOT_DATES)
def test_as_of_takes_a_date_as_yyyy_mm_dd_only(value):
    zh = dealmap("analyze", DEMO, "--json", "--as-of", value)
    assert (zh.returncode, zh.stdout) == (2, "")
    assert zh.stderr == f"--as-of 必须是 YYYY-MM-DD 格式的日期（如 2027-01-31），不能是 {value!r}\n"
    en = dealmap("analyze", DEMO, "--as-of", value, "--lang", "en")
    assert (en.returncode, en.stdout) == (2, "")
    assert en.stderr == f"--as-of must be a date as YYYY-MM-DD (e.g. 2027-01-31), not {value!r}\n"
    # the same through typer (the app the installed command builds for anything but a plain call)
    typed = CliRunner().invoke(app, ["analyze", DEMO, "--as-of", value, "--lang", "en"])
    assert typed.exit_code == 2 and typed.stderr == en.stderr


def test_as_of_in_the_right_form_is_taken():
    result = dealmap("analyze", DEMO, "--json", "--as-of", "2027-01-04")
    assert result.returncode == 0 and json.loads(result.stdout)["as_of"] == "2027-01-04"


# -- 4. an output that cannot be written ------------------------------------------------------

#: Commands that write to standard output, each by another path (plain `analyze`, typer, rich, echo).
TO_STDOUT = {
    "analyze-tables": ("analyze", DEMO),
    "analyze-json": ("analyze", DEMO, "--json"),
    "analyze-through-typer": ("analyze", DEMO, "--json", "--as-of", "2026-11-27", "--as-of", "2026-11-27"),
    "signals": ("signals", "他说价格太高了"),
    "signals-json": ("signals", "他说价格太高了", "--json"),
}


@pytest.mark.parametrize("args", TO_STDOUT.values(), ids=TO_STDOUT)
def test_a_full_device_on_stdout_is_one_line_in_the_commands_language_and_status_2(args):
    with open(FULL, "w") as full:
        zh = dealmap(*args, stdout=full)
        en = dealmap(*args, "--lang", "en", stdout=full)  # the command's --lang, not DEALMAP_LANG (zh)
    assert (zh.returncode, zh.stderr) == (2, "无法写入标准输出：磁盘空间不足\n")
    assert (en.returncode, en.stderr) == (2, "cannot write to standard output: No space left on device\n")


@pytest.mark.parametrize("args", [("--help",), ("analyze", "--help")], ids=["help", "analyze-help"])
def test_help_on_a_full_device_follows_dealmap_lang(args):
    with open(FULL, "w") as full:
        zh, en = dealmap(*args, stdout=full), dealmap(*args, lang="en", stdout=full)
    assert (zh.returncode, zh.stderr) == (2, "无法写入标准输出：磁盘空间不足\n")
    assert (en.returncode, en.stderr) == (2, "cannot write to standard output: No space left on device\n")


def test_a_jsonl_batch_on_a_full_device_is_one_line(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("他说价格太高了\n" * 2000, encoding="utf-8")
    with open(FULL, "w") as full:
        result = dealmap("signals", "--jsonl", str(notes), stdout=full)
    assert (result.returncode, result.stderr) == (2, "无法写入标准输出：磁盘空间不足\n")


def test_an_output_file_on_a_full_device_is_written_in_place_and_reported(tmp_path):
    """`-o` through a link to /dev/full: written to, not replaced (a rename would swap the device itself)."""
    link = tmp_path / "t.xlsx"
    link.symlink_to(FULL)
    zh = dealmap("template", "-o", str(link))
    en = dealmap("template", "-o", str(link), "--lang", "en")
    assert (zh.returncode, zh.stdout, zh.stderr) == (2, "", f"无法写入 {link}：磁盘空间不足\n")
    assert (en.returncode, en.stdout, en.stderr) == (2, "", f"cannot write {link}: No space left on device\n")
    assert link.is_symlink() and os.readlink(link) == FULL and list(tmp_path.iterdir()) == [link]
    assert stat.S_ISCHR(os.stat(FULL).st_mode)


def test_an_output_to_a_pipe_is_written_into_the_pipe(tmp_path):
    """`-o /dev/stdout` and the like: the pipe gets the file, and stays a pipe."""
    fifo = tmp_path / "out.xlsx"
    os.mkfifo(fifo)
    reader = os.open(
        fifo, os.O_RDONLY | os.O_NONBLOCK
    )  # a reader is there: the command's open() does not wait
    try:
        result = dealmap("template", "-o", str(fifo), "--lang", "en")
        received = os.read(reader, 1 << 20)
    finally:
        os.close(reader)
    assert result.returncode == 0, result.stderr
    assert received[:2] == b"PK" and stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert list(tmp_path.iterdir()) == [fifo]


def test_an_output_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path):
    target, link = tmp_path / "real.xlsx", tmp_path / "link.xlsx"
    target.write_bytes(b"old")
    link.symlink_to(target)
    assert dealmap("template", "-o", str(link), "--force").returncode == 0
    assert link.is_symlink() and target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.xlsx", "real.xlsx"]


@pytest.mark.parametrize("args", [*TO_STDOUT.values(), ("export", "--help")], ids=[*TO_STDOUT, "export-help"])
def test_a_reader_that_went_away_ends_the_command_quietly_with_status_1(args):
    """`dealmap analyze x --json | head -c 10`: as click does, no word and status 1."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before the first write: every write fails with EPIPE
    with os.fdopen(write, "w") as pipe:
        result = dealmap(*args, stdout=pipe)
    assert (result.returncode, result.stderr) == (1, "")


@pytest.mark.parametrize(
    "args", [TO_STDOUT["analyze-json"], TO_STDOUT["signals"]], ids=["analyze", "signals"]
)
def test_no_standard_output_at_all_is_one_line_and_status_2(args):
    """`dealmap ... >&-`: Python starts with sys.stdout None."""
    result = dealmap(*args, "--lang", "en", stdout=None, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (2, "cannot write to standard output: Bad file descriptor\n")


# -- 5. an OS error's reason in Chinese -------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "chinese"),
    [
        (errno.ENOENT, "没有这个文件或目录"),
        (errno.EACCES, "没有权限"),
        (errno.EISDIR, "这是一个目录"),
        (errno.ENOTDIR, "路径中有一段不是目录"),
        (errno.ENOSPC, "磁盘空间不足"),
        (errno.EROFS, "文件系统是只读的"),
    ],
)
def test_a_common_os_error_has_a_chinese_reason_and_keeps_the_systems_english(number, chinese):
    reason = os_reason(OSError(number, os.strerror(number)))
    assert (reason.zh, reason.en) == (chinese, os.strerror(number))


def test_a_rare_os_error_keeps_the_systems_words_in_both_languages():
    reason = os_reason(OSError(errno.ESPIPE, os.strerror(errno.ESPIPE)))
    assert reason.zh == reason.en == "Illegal seek"


def test_files_that_cannot_be_read_or_written_are_explained_in_chinese(tmp_path):
    (tmp_path / "adir").mkdir()
    (tmp_path / "afile").write_text("x", encoding="utf-8")
    missing, folder, under_file = tmp_path / "missing.json", tmp_path / "adir", tmp_path / "afile" / "t.xlsx"
    cases = [
        (
            ("analyze", str(missing)),
            f"无法读取文件 {missing}：没有这个文件或目录",
            f"cannot read {missing}: No such file or directory",
        ),
        (
            ("analyze", str(folder)),
            f"无法读取文件 {folder}：这是一个目录",
            f"cannot read {folder}: Is a directory",
        ),
        (
            ("signals", "--jsonl", str(folder)),
            f"dealmap signals: 无法读取 {folder}：这是一个目录",
            f"dealmap signals: cannot read {folder}: Is a directory",
        ),
        (
            ("import", str(missing)),
            f"无法读取文件 {missing}：没有这个文件或目录",
            f"cannot read {missing}: No such file or directory",
        ),
        (
            ("template", "-o", str(under_file)),
            f"无法写入 {under_file}：路径中有一段不是目录",
            f"cannot write {under_file}: Not a directory",
        ),
    ]
    for args, chinese, english in cases:
        zh, en = dealmap(*args), dealmap(*args, "--lang", "en")
        assert (zh.returncode, zh.stderr) == (2, chinese + "\n"), args
        assert (en.returncode, en.stderr) == (2, english + "\n"), args


def test_a_jsonl_file_that_is_not_utf8_is_explained_in_the_chosen_language(tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_bytes("好\n".encode() + b"\xff\n")
    zh, en = (
        dealmap("signals", "--jsonl", str(notes)),
        dealmap("signals", "--jsonl", str(notes), "--lang", "en"),
    )
    assert (zh.returncode, zh.stderr) == (
        2,
        f"dealmap signals: 无法读取 {notes}：第 5 个字节起不是 UTF-8 文本\n",
    )
    assert (en.returncode, en.stderr) == (
        2,
        f"dealmap signals: cannot read {notes}: not UTF-8 text from byte 5\n",
    )


# -- 3. a lone surrogate is no text ---------------------------------------------------------------


def with_lone_surrogates(tmp_path) -> Path:
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    data["stakeholders"][0]["name"] = "陈\ud800建国"
    data["opportunity"]["competitors"].append("\udfff")
    path = tmp_path / "deal.json"
    path.write_text(json.dumps(data), encoding="ascii")  # JSON writes each as its escape, \ud800
    return path


@pytest.mark.parametrize("extra", [(), ("--json",)], ids=["tables", "json"])
def test_analyze_lists_each_lone_surrogate_by_path_and_exits_2(tmp_path, extra):
    path = str(with_lone_surrogates(tmp_path))
    zh, en = dealmap("analyze", path, *extra), dealmap("analyze", path, *extra, "--lang", "en")
    assert (zh.returncode, zh.stdout, en.returncode, en.stdout) == (2, "", 2, "")
    competitors = len(json.loads(Path(DEMO).read_text(encoding="utf-8"))["opportunity"]["competitors"])
    assert zh.stderr.splitlines() == [
        f"opportunity.competitors[{competitors}]: 不是有效的文本：含有落单的 UTF-16 代理项 \\udfff（它不是字符，无法显示或保存）",
        "stakeholders[0].name: 不是有效的文本：含有落单的 UTF-16 代理项 \\ud800（它不是字符，无法显示或保存）",
    ]
    assert en.stderr.splitlines()[1] == (
        "stakeholders[0].name: is not valid text: holds a lone UTF-16 surrogate \\ud800 "
        "(no character; cannot be shown or stored)"
    )


def test_a_lone_surrogate_in_a_key_or_in_parsed_json_is_reported_at_its_path():
    """`load_deal` takes parsed JSON (the API's body): a key is checked too, and shown printable."""
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    data["account"]["no\udc80tes"] = "x"
    data["interactions"][1]["stakeholders"][0] = "p\ud83d"
    with pytest.raises(DealFileError) as caught:
        load_deal(data)
    assert [p.path for p in caught.value.problems] == [
        "account.no\\udc80tes",
        "interactions[1].stakeholders[0]",
    ]
    with pytest.raises(DealFileError) as caught:  # a str given to loads_deal may hold one as is
        loads_deal(json.dumps(data, ensure_ascii=False))
    assert len(caught.value.problems) == 2


def test_a_surrogate_pair_is_one_character_and_fine():
    data = json.loads(Path(DEMO).read_text(encoding="utf-8"))
    data["stakeholders"][0]["name"] = "陈建国 \U0001f600"
    text = json.dumps(data)  # ensure_ascii: the pair as "\ud83d\ude00"
    assert "\\ud83d\\ude00" in text
    assert loads_deal(text).stakeholders[0].name == "陈建国 \U0001f600"


@pytest.mark.parametrize("command", ["analyze", "import-deal"])
def test_reading_a_closed_standard_input_is_one_line_and_status_2(command, tmp_path):
    result = subprocess.run(
        [DEALMAP, command, "-", "--lang", "en"],
        stdin=None,
        capture_output=True,
        text=True,
        env={"PATH": "", "DEALMAP_DATA_DIR": str(tmp_path)},
        check=False,
        timeout=120,
        preexec_fn=lambda: os.close(0),
    )
    assert result.returncode == 2
    assert result.stderr.strip() == "cannot read standard input: Bad file descriptor"


def test_a_file_already_there_is_replaced_only_with_force(tmp_path):
    """`dealmap template` beside a filled-in dealmap-template.xlsx replaced it without a word."""
    work = tmp_path / "dealmap-template.xlsx"
    work.write_bytes(b"a filled-in workbook")
    zh = dealmap("template", "-o", str(work))
    en = dealmap("template", "-o", str(work), "--lang", "en")
    assert (zh.returncode, zh.stdout, zh.stderr) == (2, "", f"{work} 已经存在：要替换它，请加 --force\n")
    assert (en.returncode, en.stderr) == (2, f"{work} exists already: add --force to replace it\n")
    assert work.read_bytes() == b"a filled-in workbook" and list(tmp_path.iterdir()) == [work]
    assert dealmap("template", "-o", str(work), "--force").returncode == 0
    assert work.read_bytes()[:2] == b"PK"
