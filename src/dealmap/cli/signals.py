"""`dealmap signals`: read a customer's words or a visit note and suggest attitude and signals."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from dealmap.cli import frame
from dealmap.cli.helptext import add_command
from dealmap.cli.langs import output_lang
from dealmap.method.codes import DEPARTMENTS, GROUPS, PERSONAL_NEEDS, SIGNALS, Text, group_of_level
from dealmap.method.levels import LEVELS
from dealmap.signals import Reading, read_note, reading_to_dict

_WORDS = {
    "zh": {
        "attitude": "态度",
        "confidence": "置信度",
        "none": "（未提及态度）",
        "need": "个人需求",
        "departments": "部门关注",
        "signals": "行为信号",
        "cues": "线索",
        "nothing": "无",
    },
    "en": {
        "attitude": "Attitude",
        "confidence": "confidence",
        "none": "(nothing about attitude)",
        "need": "Personal need",
        "departments": "Department concerns",
        "signals": "Behaviour signals",
        "cues": "cues",
        "nothing": "none",
    },
}


HELP = {
    "signals": Text(
        "读客户原话或拜访记录，给出态度和信号的建议。\n\n"
        "建议包括态度等级、个人需求、部门关注和行为信号。"
        "用 --jsonl FILE|- 可以批量处理：每行一段文字，按原顺序每行输出一个 JSON 对象。",
        "Read a customer's words or a visit note and suggest attitude level, personal need, "
        "department concerns and behaviour signals.\n\n"
        "With --jsonl FILE|- it reads one text per line and writes one JSON object per line, in order.",
    ),
    "signals.text": Text(
        "要读的拜访记录或客户原话（中文、英文均可）。", "The note or the customer's words (zh or en)."
    ),
    "signals.as_json": Text("输出 JSON 对象，而不是文字。", "Print the JSON object instead of text."),
    "signals.jsonl": Text(
        "从文件 FILE 逐行读取（写 - 则从标准输入读取）。",
        "Read one text per line from FILE (or - for stdin).",
    ),
    "signals.lang": Text("结果标签的语言：zh（中文）或 en（英文）。", "Language of the labels: zh or en."),
}


def register(app: typer.Typer, lang: str) -> None:
    """Add the `signals` command to the `dealmap` app, its help in `lang`."""
    add_command(app, "signals", signals, HELP, lang)


def signals(
    text: Annotated[str | None, typer.Argument(metavar="TEXT")] = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
    jsonl: Annotated[str | None, typer.Option("--jsonl", metavar="FILE|-")] = None,
    lang: Annotated[str, typer.Option("--lang", metavar="zh|en")] = output_lang(),
) -> None:
    """Print the suggestions for TEXT, or one JSON object per line of `--jsonl FILE|-`."""
    if lang not in _WORDS:
        from dealmap.cli.analyze import bad_lang

        _fail(bad_lang(lang), output_lang())
    frame.speak(lang)
    if jsonl is not None:
        if text is not None:
            _fail(Text("TEXT 和 --jsonl 只能给一个", "give either TEXT or --jsonl, not both"), lang)
        _batch(jsonl, lang)
        return
    if text is None:
        _fail(
            Text(
                "请给出要读的 TEXT，或用 --jsonl FILE|- 批量读取",
                "give a TEXT to read, or --jsonl FILE|- for a batch",
            ),
            lang,
        )
    reading = read_note(text)
    if as_json:
        typer.echo(json.dumps(reading_to_dict(reading), ensure_ascii=False))
    else:
        _show(reading, lang)


def _batch(source: str, lang: str) -> None:
    lines = _read_lines(source, lang)
    out = sys.stdout
    for line in lines:
        out.write(json.dumps(reading_to_dict(read_note(line)), ensure_ascii=False) + "\n")
    out.flush()


def _read_lines(source: str, lang: str) -> list[str]:
    name = Text("标准输入", "standard input") if source == "-" else Text(source, source)
    try:
        return lines_of(sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8"))
    except OSError as exc:
        from dealmap.interchange.dealfile import os_reason

        reason = os_reason(exc)
    except UnicodeDecodeError as exc:
        reason = Text(
            f"第 {exc.start + 1} 个字节起不是 UTF-8 文本", f"not UTF-8 text from byte {exc.start + 1}"
        )
    _fail(Text(f"无法读取 {name.zh}：{reason.zh}", f"cannot read {name.en}: {reason.en}"), lang)
    raise AssertionError("unreachable: _fail exits")


def lines_of(text: str) -> list[str]:
    """The text's lines, split at line feeds only (CRLF too): `str.splitlines` would also split at a
    form feed, U+2028 or U+0085 inside a note and break "one answer per input line"."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [line[:-1] if line.endswith("\r") else line for line in lines]


def _show(reading: Reading, lang: str) -> None:
    w = _WORDS[lang]
    console = Console(highlight=False)
    console.print(f"[bold]{w['attitude']}[/]: {_level(reading, lang)}{_cues(reading.level_cues, w)}")
    need = PERSONAL_NEEDS.label(reading.need, lang) or w["nothing"]
    console.print(f"[bold]{w['need']}[/]: {need}{_cues(reading.need_cues, w)}")
    console.print(
        f"[bold]{w['departments']}[/]: {_listed(reading.departments, reading.department_cues, DEPARTMENTS, lang)}"
    )
    console.print(f"[bold]{w['signals']}[/]: {_listed(reading.signals, reading.signal_cues, SIGNALS, lang)}")


def _level(reading: Reading, lang: str) -> str:
    w = _WORDS[lang]
    if reading.level is None:
        return w["none"]
    info = LEVELS[reading.level]
    group = GROUPS.label(group_of_level(reading.level), lang)
    return f"{info.signed} {info.label.get(lang)} · {group} · {w['confidence']} {reading.confidence:.2f}"


def _listed(codes, cue_pairs, vocabulary, lang: str) -> str:
    if not codes:
        return _WORDS[lang]["nothing"]
    parts = []
    for code in codes:
        cues = [c for k, c in cue_pairs if k == code]
        shown = "\uff08" + "\u3001".join(cues) + "\uff09" if lang == "zh" else " (" + ", ".join(cues) + ")"
        parts.append(vocabulary.label(code, lang) + (shown if cues else ""))
    return ("\uff1b" if lang == "zh" else "; ").join(parts)


def _cues(cues: tuple[str, ...], w: dict[str, str]) -> str:
    return f" — {w['cues']}: {', '.join(cues)}" if cues else ""


def _fail(message: Text, lang: str) -> None:
    typer.echo(f"dealmap signals: {message.get(lang)}", err=True)
    raise typer.Exit(code=2)
